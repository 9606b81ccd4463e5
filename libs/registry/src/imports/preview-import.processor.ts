import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayloads, JobProcessor } from '@app/queue';
import { PreviewImportUseCase } from './preview-import.usecase';

/** Job → use case: read and check an import's file. */
@Injectable()
@JobHandler(JobName.PreviewImport)
export class PreviewImportProcessor implements JobProcessor<JobName.PreviewImport> {
  constructor(private readonly useCase: PreviewImportUseCase) {}

  async process(payload: JobPayloads[JobName.PreviewImport]): Promise<void> {
    if (typeof payload?.importId !== 'string') throw new Error('payload needs an importId');
    await this.useCase.execute(payload.importId);
  }
}
