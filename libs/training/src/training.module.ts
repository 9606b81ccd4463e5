import { Module } from '@nestjs/common';
import { RegistryModule } from '@app/registry';
import { CountyTrainingReportUseCase } from './county-training-report.usecase';
import { DecideTrainingRecordUseCase } from './decide-training-record.usecase';
import { GetTrainingSummaryUseCase } from './get-training-summary.usecase';
import { ImportTrainingRecordsUseCase } from './import-training-records.usecase';
import { ListTrainingRecordsUseCase } from './list-training-records.usecase';
import { ReverseTrainingRecordUseCase } from './reverse-training-record.usecase';
import { SubmitTrainingRecordUseCase } from './submit-training-record.usecase';
import { TrainingAccess } from './training-access';
import { TrainingCompletionUseCase } from './training-completion.usecase';

const USE_CASES = [
  SubmitTrainingRecordUseCase,
  DecideTrainingRecordUseCase,
  ReverseTrainingRecordUseCase,
  ListTrainingRecordsUseCase,
  GetTrainingSummaryUseCase,
  CountyTrainingReportUseCase,
  TrainingCompletionUseCase,
  ImportTrainingRecordsUseCase,
];

/** The training-hour ledger (plan item 8): records, approvals, reversals, summaries and county reports. */
@Module({ imports: [RegistryModule], providers: [...USE_CASES, TrainingAccess], exports: USE_CASES })
export class TrainingModule {}
