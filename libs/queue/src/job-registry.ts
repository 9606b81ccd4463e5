import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JOB_HANDLER_METADATA, JobProcessor } from './job-handler.decorator';
import { JobName } from './job-name';
import { JobPayloads } from './job-payloads';

export class JobHandlersIncompleteError extends Error {}

/** What the log says about one run of a job. */
export interface JobRun {
  /** The queue's id of the job (BullMQ's, or the outbox entry's with the sync driver). */
  id?: string;
  /** This attempt (1-based) and how many the queue allows. */
  attempt?: number;
  attempts?: number;
}

export function isJobName(name: string): name is JobName {
  return (Object.values(JobName) as string[]).includes(name);
}

/** Finds the @JobHandler providers of the process and dispatches jobs to them. */
@Injectable()
export class JobRegistry {
  private readonly logger = new Logger(JobRegistry.name);
  private handlers?: Map<JobName, JobProcessor<JobName>>;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  /** Refuses to go on unless every job name has exactly one handler (checked once). */
  assertComplete(): void {
    if (this.handlers) return;
    const found = new Map<JobName, string[]>();
    const handlers = new Map<JobName, JobProcessor<JobName>>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_METADATA, wrapper.metatype);
      if (!name) continue;
      found.set(name, [...(found.get(name) ?? []), String(wrapper.name)]);
      handlers.set(name, wrapper.instance as JobProcessor<JobName>);
    }
    const problems: string[] = [];
    for (const name of Object.values(JobName)) {
      const owners = found.get(name) ?? [];
      if (owners.length === 0) problems.push(`job ${name} has no handler`);
      if (owners.length > 1) problems.push(`job ${name} has ${owners.length} handlers (${owners.join(', ')})`);
    }
    for (const name of found.keys()) {
      if (!Object.values(JobName).includes(name)) problems.push(`handler for unknown job ${String(name)}`);
    }
    if (problems.length > 0) throw new JobHandlersIncompleteError(`Job handlers incomplete: ${problems.join('; ')}`);
    this.handlers = handlers;
    this.logger.log(`Job handlers ready: ${[...handlers.keys()].join(', ')}`);
  }

  /**
   * Runs a job's handler and logs its start, its end with the time taken, and a failure (with the
   * attempt and whether the queue will try again), at the default log level. Rethrows a failure.
   */
  async run<N extends JobName>(name: N, payload: JobPayloads[N], about: JobRun = {}): Promise<void> {
    const label = `job ${name}${about.id ? ` ${about.id}` : ''}`;
    const { attempt, attempts } = about;
    const counted = attempt !== undefined && attempts !== undefined ? `attempt ${attempt} of ${attempts}` : null;
    const started = Date.now();
    this.logger.log(`${label} started${counted ? ` (${counted})` : ''}`);
    try {
      await this.dispatch(name, payload);
    } catch (error) {
      const next = counted ? ` (${counted}, ${(attempt ?? 0) < (attempts ?? 0) ? 'will retry' : 'no attempts left'})` : '';
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`${label} failed after ${Date.now() - started} ms${next}: ${message}`, error instanceof Error ? error.stack : undefined);
      throw error;
    }
    this.logger.log(`${label} done in ${Date.now() - started} ms`);
  }

  async dispatch<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    if (!this.handlers) this.assertComplete();
    const handler = this.handlers?.get(name);
    if (!handler) throw new JobHandlersIncompleteError(`no handler for job ${name}`);
    await (handler as JobProcessor<N>).process(payload);
  }
}
