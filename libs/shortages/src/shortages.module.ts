import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { PolicyModule } from '@app/policy';
import { RegistryModule } from '@app/registry';
import { NightlyShortageScanProcessor } from './nightly-shortage-scan.processor';
import { NightlyShortageScanUseCase } from './nightly-shortage-scan.usecase';
import { ReadShortageFlagsUseCase } from './read-shortage-flags.usecase';
import { ReadShortageScansUseCase } from './read-shortage-scans.usecase';
import { RequestShortageScanUseCase } from './request-shortage-scan.usecase';
import { RescanSchoolShortagesProcessor } from './rescan-school-shortages.processor';
import { RescanSchoolShortagesUseCase } from './rescan-school-shortages.usecase';
import { ScanPlanner } from './scan-planner';
import { ScanShortageBatchProcessor } from './scan-shortage-batch.processor';
import { ScanShortageBatchUseCase } from './scan-shortage-batch.usecase';
import { ShortageSummaryUseCase } from './shortage-summary.usecase';

const USE_CASES = [
  RequestShortageScanUseCase,
  ReadShortageScansUseCase,
  ReadShortageFlagsUseCase,
  ShortageSummaryUseCase,
  ScanShortageBatchUseCase,
  NightlyShortageScanUseCase,
  RescanSchoolShortagesUseCase,
];

/**
 * Shortage detection (plan items 7 and 13): scans on the queue (requested, nightly, after a
 * change), the flags they keep, and the summaries. Imported by the API and the worker: both run
 * the job handlers (the API with the sync driver).
 */
@Module({
  imports: [RegistryModule, PolicyModule, NotificationsModule],
  providers: [...USE_CASES, ScanPlanner, ScanShortageBatchProcessor, NightlyShortageScanProcessor, RescanSchoolShortagesProcessor],
  exports: USE_CASES,
})
export class ShortagesModule {}
