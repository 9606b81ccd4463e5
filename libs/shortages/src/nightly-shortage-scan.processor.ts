import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobProcessor } from '@app/queue';
import { NightlyShortageScanUseCase } from './nightly-shortage-scan.usecase';

/** Nightly job → use case: the scan of every county. */
@Injectable()
@JobHandler(JobName.NightlyShortageScan)
export class NightlyShortageScanProcessor implements JobProcessor<JobName.NightlyShortageScan> {
  constructor(private readonly useCase: NightlyShortageScanUseCase) {}

  async process(): Promise<void> {
    await this.useCase.execute();
  }
}
