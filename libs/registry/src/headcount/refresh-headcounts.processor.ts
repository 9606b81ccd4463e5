import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobProcessor } from '@app/queue';
import { RefreshHeadcountsUseCase } from './refresh-headcounts.usecase';

/** Nightly job → use case: the cached headcounts move to the new day. */
@Injectable()
@JobHandler(JobName.RefreshHeadcounts)
export class RefreshHeadcountsProcessor implements JobProcessor<JobName.RefreshHeadcounts> {
  constructor(private readonly useCase: RefreshHeadcountsUseCase) {}

  async process(): Promise<void> {
    await this.useCase.execute();
  }
}
