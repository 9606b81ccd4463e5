import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobName, JobPayloads, JobProcessor } from '@app/queue';
import { RescanSchoolShortagesUseCase } from './rescan-school-shortages.usecase';

/** Job → use case: a school's rescan after a change. */
@Injectable()
@JobHandler(JobName.RescanSchoolShortages)
export class RescanSchoolShortagesProcessor implements JobProcessor<JobName.RescanSchoolShortages> {
  private readonly logger = new Logger(RescanSchoolShortagesProcessor.name);

  constructor(private readonly useCase: RescanSchoolShortagesUseCase) {}

  async process(payload: JobPayloads[JobName.RescanSchoolShortages]): Promise<void> {
    if (typeof payload?.schoolId !== 'string') throw new Error('payload needs a schoolId');
    if (!(await this.useCase.execute({ schoolId: payload.schoolId })))
      this.logger.warn(`school ${payload.schoolId} no longer exists; nothing to scan`);
  }
}
