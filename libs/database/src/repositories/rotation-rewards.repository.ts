import { Injectable } from '@nestjs/common';
import type { BackboneLevel, RotationMode, RotationPlanStatus } from '@app/domain';
import { TransactionHost } from '../transaction-host';

/** An assignment of a county's plan, as the rewards report reads it: the teacher, both schools, the mode and level recorded, the plan's status. */
export interface RewardAssignmentRow {
  readonly planId: string;
  readonly planStatus: RotationPlanStatus;
  readonly teacherId: string;
  readonly fromSchoolId: string;
  readonly toSchoolId: string;
  readonly mode: RotationMode;
  readonly backbone: BackboneLevel;
}

/**
 * What the rotation rewards report reads besides the county's rotation facts (RotationFactsRepository): the
 * assignments of the county's plans of a year in the given statuses, in one statement whatever their number
 * (the county's index on rotation_assignment, the plan by its key). Queries only: what counts is decided in
 * libs/domain (rotationRewards).
 */
@Injectable()
export class RotationRewardsRepository {
  constructor(private readonly tx: TransactionHost) {}

  assignmentsOfYear(countyId: string, year: number, statuses: readonly RotationPlanStatus[]): Promise<RewardAssignmentRow[]> {
    if (statuses.length === 0) return Promise.resolve([]);
    return this.tx.manager
      .createQueryBuilder()
      .select(['a.plan_id AS planId', 'p.status AS planStatus', 'a.teacher_id AS teacherId'])
      .addSelect(['a.from_school_id AS fromSchoolId', 'a.to_school_id AS toSchoolId', 'a.mode AS mode', 'a.backbone AS backbone'])
      .from('rotation_assignment', 'a')
      .innerJoin('rotation_plan', 'p', 'p.id = a.plan_id')
      .where('a.county_id = :countyId', { countyId })
      .andWhere('p.county_id = :countyId AND p.year = :year', { countyId, year })
      .andWhere('p.status IN (:...statuses)', { statuses: [...statuses] })
      .orderBy('a.start_date', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawMany<RewardAssignmentRow>();
  }
}
