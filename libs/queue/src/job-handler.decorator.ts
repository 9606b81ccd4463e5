import { SetMetadata } from '@nestjs/common';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';

export const JOB_HANDLER_METADATA = 'staffing:job-handler';

/** Marks a provider as the handler of one job name; the provider implements JobProcessor. */
export const JobHandler = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER_METADATA, name);

export interface JobProcessor<N extends JobName> {
  /** Must be idempotent: running the same job twice leaves the same state. */
  process(payload: JobPayloads[N]): Promise<void>;
}
