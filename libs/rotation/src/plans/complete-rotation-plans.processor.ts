import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobProcessor } from '@app/queue';
import { CompleteEndedRotationPlansUseCase } from './complete-ended-rotation-plans.usecase';

/** Nightly job → use case: active plans whose terms have all ended are recorded completed. */
@Injectable()
@JobHandler(JobName.CompleteRotationPlans)
export class CompleteRotationPlansProcessor implements JobProcessor<JobName.CompleteRotationPlans> {
  constructor(private readonly useCase: CompleteEndedRotationPlansUseCase) {}

  async process(): Promise<void> {
    await this.useCase.execute();
  }
}
