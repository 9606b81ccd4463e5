import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log';
import { ListAuditEntriesUseCase } from './list-audit-entries.usecase';

@Global()
@Module({ providers: [AuditLog, ListAuditEntriesUseCase], exports: [AuditLog, ListAuditEntriesUseCase] })
export class AuditModule {}
