import { AuditLogEntity } from './audit-log.entity';
import { CityEntity } from './city.entity';
import { CountyQuotaEntity } from './county-quota.entity';
import { CountyEntity } from './county.entity';
import { EnrolmentGradeEntity } from './enrolment-grade.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { NotificationEntity } from './notification.entity';
import { OutboxEntryEntity } from './outbox-entry.entity';
import { PolicyVersionEntity } from './policy-version.entity';
import { PostingEntity } from './posting.entity';
import { QuotaChangeEntity } from './quota-change.entity';
import { RotationExemptionEntity } from './rotation-exemption.entity';
import { RotationPlanEntity } from './rotation-plan.entity';
import { RotationAssignmentEntity } from './rotation-assignment.entity';
import { SchoolClassificationEntity } from './school-classification.entity';
import { SchoolClusterEntity } from './school-cluster.entity';
import { SchoolEnrolmentEntity } from './school-enrolment.entity';
import { SchoolEntity } from './school.entity';
import { SchoolQuotaAllocationEntity } from './school-quota-allocation.entity';
import { ShortageFlagEntity } from './shortage-flag.entity';
import { ShortageScanBatchEntity } from './shortage-scan-batch.entity';
import { ShortageScanEntity } from './shortage-scan.entity';
import { StaffRequestEventEntity } from './staff-request-event.entity';
import { StaffRequestFlagEntity } from './staff-request-flag.entity';
import { StaffRequestFulfilmentEntity } from './staff-request-fulfilment.entity';
import { StaffRequestEntity } from './staff-request.entity';
import { TeacherExtraSubjectEntity } from './teacher-extra-subject.entity';
import { TrainingRecordEntity } from './training-record.entity';
import { TransferEntity } from './transfer.entity';
import { RegistryImportChunkEntity, RegistryImportEntity, RegistryImportErrorEntity, RegistryImportRowsEntity } from './registry-import.entity';
import { TeacherEntity } from './teacher.entity';
import { UserEntity } from './user.entity';

export {
  AuditLogEntity,
  CityEntity,
  CountyEntity,
  CountyQuotaEntity,
  EnrolmentGradeEntity,
  LoginAttemptEntity,
  NotificationEntity,
  OutboxEntryEntity,
  PolicyVersionEntity,
  PostingEntity,
  QuotaChangeEntity,
  RegistryImportChunkEntity,
  RegistryImportEntity,
  RegistryImportErrorEntity,
  RegistryImportRowsEntity,
  RotationAssignmentEntity,
  RotationExemptionEntity,
  RotationPlanEntity,
  SchoolClassificationEntity,
  SchoolClusterEntity,
  SchoolEnrolmentEntity,
  SchoolEntity,
  SchoolQuotaAllocationEntity,
  ShortageFlagEntity,
  ShortageScanBatchEntity,
  ShortageScanEntity,
  StaffRequestEntity,
  StaffRequestEventEntity,
  StaffRequestFlagEntity,
  StaffRequestFulfilmentEntity,
  TeacherExtraSubjectEntity,
  TeacherEntity,
  TrainingRecordEntity,
  TransferEntity,
  UserEntity,
};

/** Every entity, listed explicitly (no path globs: they break under bundlers and test runners). */
export const ENTITIES = [
  CityEntity,
  CountyEntity,
  SchoolClusterEntity,
  SchoolEntity,
  SchoolClassificationEntity,
  SchoolEnrolmentEntity,
  EnrolmentGradeEntity,
  TeacherEntity,
  TeacherExtraSubjectEntity,
  PostingEntity,
  UserEntity,
  LoginAttemptEntity,
  PolicyVersionEntity,
  AuditLogEntity,
  TrainingRecordEntity,
  OutboxEntryEntity,
  NotificationEntity,
  ShortageScanEntity,
  ShortageScanBatchEntity,
  ShortageFlagEntity,
  CountyQuotaEntity,
  SchoolQuotaAllocationEntity,
  QuotaChangeEntity,
  StaffRequestEntity,
  StaffRequestEventEntity,
  StaffRequestFlagEntity,
  StaffRequestFulfilmentEntity,
  RotationExemptionEntity,
  RotationPlanEntity,
  RotationAssignmentEntity,
  TransferEntity,
  RegistryImportEntity,
  RegistryImportChunkEntity,
  RegistryImportErrorEntity,
  RegistryImportRowsEntity,
];

export { SCAN_TRIGGERS, type ScanTrigger } from './shortage-scan.entity';
export { SCAN_BATCH_STATUSES, type ScanBatchStatus } from './shortage-scan-batch.entity';
export { IMPORT_FORMATS, type ImportFormat } from './registry-import.entity';
export { QUOTA_CHANGE_KINDS, type QuotaChangeKind } from './quota-change.entity';
