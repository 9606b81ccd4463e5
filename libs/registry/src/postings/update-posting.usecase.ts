import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PostingEntity, PostingRepository, TransactionHost } from '@app/database';
import { Actor, assertFits, assertPostingDates, fractionMilliOf, PostingKind, REGISTRY_WRITERS, requireRole, scopeOf } from '@app/domain';
import { HeadcountRefresh } from '../headcount/headcount-refresh';
import { ShortageRescans } from '../shortages/shortage-rescans';
import { VersionedEdit } from '../versioned-edit';
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
    private readonly rescans: ShortageRescans,
    private readonly edit: VersionedEdit,
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
      const closing = posting.endDate === null && next.endDate !== null;
      const view = await this.edit.save({
        entity: 'posting',
        action: closing ? 'posting.close' : 'posting.update',
        id: posting.id,
        countyId: teacher.countyId,
        expectedVersion: command.version,
        before: postingView(posting, schoolName),
        write: () =>
          this.postings.update(posting.id, command.version, {
            startDate: next.startDate,
            endDate: next.endDate,
            kind: next.kind,
            fractionMilli: next.fractionMilli,
            updatedAt: next.updatedAt,
          }),
        after: () => postingView(next, schoolName),
      });
      await this.headcount.recount([posting.schoolId]);
      await this.rescans.request([posting.schoolId]);
      return view;
    });
  }
}
