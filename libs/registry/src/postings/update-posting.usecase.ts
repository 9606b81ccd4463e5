import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { PostingEntity, PostingRepository, TransactionHost } from '@app/database';
import {
  Actor,
  assertFits,
  assertPostingDates,
  fractionMilliOf,
  PostingKind,
  REGISTRY_WRITERS,
  requireRole,
  scopeOf,
  VersionConflictError,
} from '@app/domain';
import { HeadcountRefresh } from '../headcount/headcount-refresh';
import { postingView, PostingView } from '../views';
import { PostingLookup } from './posting-lookup';

export interface UpdatePostingCommand {
  actor: Actor;
  id: string;
  version: number;
  startDate?: string;
  /** A date closes the posting; null reopens it. */
  endDate?: string | null;
  kind?: PostingKind;
  fraction?: number;
}

/** Closes, reopens or corrects a posting, keeping the one-full-post invariant. */
@Injectable()
export class UpdatePostingUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly postings: PostingRepository,
    private readonly lookup: PostingLookup,
    private readonly headcount: HeadcountRefresh,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdatePostingCommand): Promise<PostingView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'change postings');
    return this.tx.run(async () => {
      const scope = scopeOf(command.actor);
      const { posting, teacher, schoolName } = await this.lookup.forChange(scope, command.id, command.version);
      const next: PostingEntity = {
        ...posting,
        startDate: command.startDate ?? posting.startDate,
        endDate: command.endDate === undefined ? posting.endDate : command.endDate,
        kind: command.kind ?? posting.kind,
        fractionMilli: command.fraction === undefined ? posting.fractionMilli : fractionMilliOf(command.fraction),
        version: posting.version + 1,
        updatedAt: this.clock.now(),
      };
      assertPostingDates(next, teacher.hireDate);
      assertFits(
        (await this.postings.ofTeacher(scope, teacher.id, this.clock.today())).filter((p) => p.id !== posting.id),
        next,
      );
      const changed = await this.postings.update(posting.id, command.version, {
        startDate: next.startDate,
        endDate: next.endDate,
        kind: next.kind,
        fractionMilli: next.fractionMilli,
        updatedAt: next.updatedAt,
      });
      if (!changed) throw new VersionConflictError('posting', posting.id, command.version);
      const view = postingView(next, schoolName);
      const closing = posting.endDate === null && next.endDate !== null;
      await this.audit.record({
        action: closing ? 'posting.close' : 'posting.update',
        entity: 'posting',
        entityId: posting.id,
        countyId: teacher.countyId,
        before: postingView(posting, schoolName),
        after: view,
      });
      await this.headcount.recount([posting.schoolId]);
      return view;
    });
  }
}
