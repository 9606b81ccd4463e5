import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobName, JobPayloads, JobProcessor } from '@app/queue';
import { RecomputeSchoolHeadcountUseCase } from './recompute-school-headcount.usecase';

/** Job → use case. A school deleted since the job was queued is skipped. */
@Injectable()
@JobHandler(JobName.RecomputeSchoolHeadcount)
export class RecomputeSchoolHeadcountProcessor implements JobProcessor<JobName.RecomputeSchoolHeadcount> {
  private readonly logger = new Logger(RecomputeSchoolHeadcountProcessor.name);

  constructor(private readonly useCase: RecomputeSchoolHeadcountUseCase) {}

  async process(payload: JobPayloads[JobName.RecomputeSchoolHeadcount]): Promise<void> {
    if (typeof payload?.schoolId !== 'string') throw new Error('payload needs a schoolId');
    const result = await this.useCase.execute({ schoolId: payload.schoolId });
    if (!result) this.logger.warn(`school ${payload.schoolId} no longer exists; nothing to count`);
  }
}
