import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayloads, JobProcessor } from '@app/queue';
import { ScanShortageBatchUseCase } from './scan-shortage-batch.usecase';

/** Job → use case: one unit of work of a shortage scan. */
@Injectable()
@JobHandler(JobName.ScanShortageBatch)
export class ScanShortageBatchProcessor implements JobProcessor<JobName.ScanShortageBatch> {
  constructor(private readonly useCase: ScanShortageBatchUseCase) {}

  async process(payload: JobPayloads[JobName.ScanShortageBatch]): Promise<void> {
    if (typeof payload?.scanId !== 'string' || typeof payload.batchId !== 'string') throw new Error('payload needs a scanId and a batchId');
    await this.useCase.execute({ scanId: payload.scanId, batchId: payload.batchId });
  }
}
