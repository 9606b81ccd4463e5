import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { CountyRotationFacts, RotationFactsRepository } from '@app/database';
import { currentRotationYear, RotationCandidates, rotationCandidates, rotationReferenceDate } from '@app/domain';
import { PolicyInForce, PolicyStore } from '@app/policy';
import { teacherFacts } from './rotation-teacher-facts';

/** A county's plan year as the rotation rules judge it. */
export interface CountyRotationYear {
  readonly year: number;
  readonly referenceDate: string;
  /** The policy in force on the reference day. */
  readonly policy: PolicyInForce;
  readonly facts: CountyRotationFacts;
  /** Every teacher of the county judged for the year, with the county's and the schools' targets. */
  readonly candidates: RotationCandidates;
}

/**
 * Judges a county's teachers for a plan year (docs/rules.md, "Rotation: eligibility"), for the candidates list, a
 * plan's compliance and the rewards report alike: without a year, the plan year whose reference day is today or next;
 * the reference day as the policy in force today places it, and the policy in force on that day; the county's facts
 * read set-based on that day and judged by the pure rules.
 */
@Injectable()
export class CountyRotationYearReader {
  constructor(
    private readonly facts: RotationFactsRepository,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async read(countyId: string, year?: number): Promise<CountyRotationYear> {
    const today = this.clock.today();
    const current = await this.policy.inForce(today);
    const planYear = year ?? currentRotationYear(today, current.parameters);
    const policy = await this.policy.inForce(rotationReferenceDate(planYear, current.parameters));
    const referenceDate = rotationReferenceDate(planYear, policy.parameters);
    const facts = await this.facts.ofCounty(countyId, referenceDate);
    const schools = facts.schools.map((s) => ({ schoolId: s.id, code: s.code, location: s.location }));
    const candidates = rotationCandidates(teacherFacts(facts), schools, planYear, policy.parameters);
    return { year: planYear, referenceDate, policy, facts, candidates };
  }
}
