import { Module } from '@nestjs/common';
import { HeadcountRefresh } from './headcount/headcount-refresh';
import { ShortageRescans } from './shortages/shortage-rescans';
import { VersionedEdit } from './versioned-edit';
import { CommitImportUseCase } from './imports/commit-import.usecase';
import { ExportRegistryUseCase } from './imports/export-registry.usecase';
import { GetImportUseCase } from './imports/get-import.usecase';
import { ImportChecks } from './imports/import-checks';
import { ImportErrorReportUseCase } from './imports/import-error-report.usecase';
import { PreviewImportProcessor } from './imports/preview-import.processor';
import { PreviewImportUseCase } from './imports/preview-import.usecase';
import { StartImportUseCase } from './imports/start-import.usecase';
import { RecomputeSchoolHeadcountProcessor } from './headcount/recompute-school-headcount.processor';
import { RecomputeSchoolHeadcountUseCase } from './headcount/recompute-school-headcount.usecase';
import { RefreshHeadcountsProcessor } from './headcount/refresh-headcounts.processor';
import { RefreshHeadcountsUseCase } from './headcount/refresh-headcounts.usecase';
import { AddPostingUseCase } from './postings/add-posting.usecase';
import { DeletePostingUseCase } from './postings/delete-posting.usecase';
import { ListPostingsUseCase } from './postings/list-postings.usecase';
import { PostingLookup } from './postings/posting-lookup';
import { UpdatePostingUseCase } from './postings/update-posting.usecase';
import { ListReferenceDataUseCase } from './reference/list-reference-data.usecase';
import { SeedDivisionsUseCase } from './reference/seed-divisions.usecase';
import { AddClassificationUseCase } from './schools/add-classification.usecase';
import { CreateClusterUseCase } from './schools/create-cluster.usecase';
import { CreateSchoolUseCase } from './schools/create-school.usecase';
import { GetEnrolmentUseCase } from './schools/get-enrolment.usecase';
import { GetSchoolUseCase } from './schools/get-school.usecase';
import { ListClassificationsUseCase } from './schools/list-classifications.usecase';
import { ListClustersUseCase } from './schools/list-clusters.usecase';
import { ListSchoolsUseCase } from './schools/list-schools.usecase';
import { PutEnrolmentUseCase } from './schools/put-enrolment.usecase';
import { SchoolLookup } from './schools/school-lookup';
import { UpdateSchoolUseCase } from './schools/update-school.usecase';
import { CreateTeacherUseCase } from './teachers/create-teacher.usecase';
import { GetTeacherUseCase } from './teachers/get-teacher.usecase';
import { ListTeachersUseCase } from './teachers/list-teachers.usecase';
import { TeacherLookup } from './teachers/teacher-lookup';
import { UpdateTeacherUseCase } from './teachers/update-teacher.usecase';

const USE_CASES = [
  ListReferenceDataUseCase,
  SeedDivisionsUseCase,
  CreateSchoolUseCase,
  GetSchoolUseCase,
  ListSchoolsUseCase,
  UpdateSchoolUseCase,
  AddClassificationUseCase,
  ListClassificationsUseCase,
  PutEnrolmentUseCase,
  GetEnrolmentUseCase,
  CreateClusterUseCase,
  ListClustersUseCase,
  CreateTeacherUseCase,
  GetTeacherUseCase,
  ListTeachersUseCase,
  UpdateTeacherUseCase,
  AddPostingUseCase,
  ListPostingsUseCase,
  UpdatePostingUseCase,
  DeletePostingUseCase,
  RecomputeSchoolHeadcountUseCase,
  RefreshHeadcountsUseCase,
  StartImportUseCase,
  PreviewImportUseCase,
  GetImportUseCase,
  CommitImportUseCase,
  ImportErrorReportUseCase,
  ExportRegistryUseCase,
];

/** The county registry: reference data, schools, teachers and postings, and the headcount job. */
@Module({
  providers: [
    ...USE_CASES,
    SchoolLookup,
    TeacherLookup,
    PostingLookup,
    HeadcountRefresh,
    ShortageRescans,
    VersionedEdit,
    RecomputeSchoolHeadcountProcessor,
    RefreshHeadcountsProcessor,
    ImportChecks,
    PreviewImportProcessor,
  ],
  exports: [...USE_CASES, SchoolLookup, TeacherLookup, HeadcountRefresh, ShortageRescans],
})
export class RegistryModule {}
