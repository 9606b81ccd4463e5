import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { PostingRepository, TransactionHost } from '@app/database';
import { Actor, REGISTRY_WRITERS, requireRole, scopeOf } from '@app/domain';
import { HeadcountRefresh } from '../headcount/headcount-refresh';
import { ShortageRescans } from '../shortages/shortage-rescans';
import { postingView } from '../views';
import { PostingLookup } from './posting-lookup';

/** Removes a posting entered by mistake (a posting that ended is closed, not deleted). The audit log keeps it. */
@Injectable()
export class DeletePostingUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly postings: PostingRepository,
    private readonly lookup: PostingLookup,
    private readonly headcount: HeadcountRefresh,
    private readonly rescans: ShortageRescans,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: { actor: Actor; id: string; version: number }): Promise<void> {
    requireRole(command.actor, REGISTRY_WRITERS, 'delete postings');
    await this.tx.run(async () => {
      const { posting, teacher, schoolName } = await this.lookup.forChange(scopeOf(command.actor), command.id, command.version);
      await this.postings.delete(posting.id);
      await this.audit.record({
        action: 'posting.delete',
        entity: 'posting',
        entityId: posting.id,
        countyId: teacher.countyId,
        before: postingView(posting, schoolName),
      });
      await this.headcount.recount([posting.schoolId]);
      await this.rescans.request([posting.schoolId]);
    });
  }
}
