import { Injectable } from '@nestjs/common';
import { ReferenceRepository, RotationExemptionRow } from '@app/database';
import { Actor, groupBy, NotFoundError, OFFICERS, requireRole, RotationEligibility, scopeOf, ScopeTargets } from '@app/domain';
import { CountyRotationYearReader } from './county-rotation-year';
import { CandidateView, ExemptionGroundView, RotationCandidatesView, TargetsView } from './rotation-candidates-view';

/**
 * A county's rotation candidates for a plan year (docs/rules.md, "Rotation: eligibility" and
 * "Rotation: targets"): the teachers due to rotate, those exempt and why, and the targets of the
 * county and of each school with targets of its own. Without a year, the plan year whose reference
 * day is today or next. The policy is the one in force on the year's reference day. Set-based: the
 * county's teachers, postings, exemptions and schools are read in one statement each, whatever the
 * county's size, and judged by the pure rules.
 */
@Injectable()
export class ReadRotationCandidatesUseCase {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly judged: CountyRotationYearReader,
  ) {}

  async execute(command: { actor: Actor; countyId: string; year?: number }): Promise<RotationCandidatesView> {
    requireRole(command.actor, OFFICERS, 'read rotation candidates');
    const county = await this.reference.findCountyInScope(scopeOf(command.actor), command.countyId);
    if (!county) throw new NotFoundError('county', command.countyId);

    const { year, referenceDate, policy, facts, candidates: answer } = await this.judged.read(county.id, command.year);
    const teachers = new Map(facts.teachers.map((t) => [t.id, t]));
    const schools = new Map(facts.schools.map((s) => [s.id, s]));
    const exemptionsOf = groupBy(facts.exemptions, (e) => e.teacherId);
    const candidate = (a: RotationEligibility): CandidateView => {
      const teacher = teachers.get(a.teacherId);
      if (!teacher) throw new Error(`teacher ${a.teacherId} was judged but not read`);
      return {
        teacherId: a.teacherId,
        staffNo: teacher.staffNo,
        name: teacher.name,
        subject: teacher.subject,
        post: a.post,
        schoolId: a.schoolId as string,
        schoolName: a.schoolId === null ? null : (schools.get(a.schoolId)?.name ?? null),
        yearsAtSchool: a.yearsAtSchool.years,
        fullYears: a.yearsAtSchool.fullYears,
        since: a.yearsAtSchool.since as string,
        backbone: a.backbone,
        countsAsBackbone: a.countsAsBackbone,
        age: a.age,
        summary: a.summary,
      };
    };
    // The recorded grounds come in the order the teacher's exemptions were given (all valid on the day).
    const grounds = (a: RotationEligibility): ExemptionGroundView[] => {
      const recorded = exemptionsOf.get(a.teacherId) ?? [];
      let next = 0;
      return a.exemptions.map((ground) => {
        if (ground.kind === 'AGE') {
          return { kind: ground.kind, exemptionId: null, reason: null, note: null, validFrom: null, validTo: null, summary: ground.message };
        }
        const row: RotationExemptionRow = recorded[next++];
        return {
          kind: ground.kind,
          exemptionId: row.id,
          reason: row.reason,
          note: row.note,
          validFrom: row.validFrom,
          validTo: row.validTo,
          summary: ground.message,
        };
      });
    };

    return {
      countyId: county.id,
      countyName: county.name,
      year,
      referenceDate,
      policyVersion: policy.version,
      eligible: answer.eligible.map(candidate),
      // One object per exempt teacher, its fields set once (no spread of the candidate into a larger one).
      exempt: answer.exempt.map((a) => Object.assign(candidate(a), { reason: a.exemptions[0].kind, exemptions: grounds(a) })),
      notEligibleCount: answer.notEligibleCount,
      targets: {
        ...scopeTargets(answer.targets.county),
        schools: answer.targets.schools.map((s) => ({
          schoolId: s.schoolId,
          schoolName: schools.get(s.schoolId)?.name ?? '',
          location: s.location,
          ...scopeTargets(s),
        })),
      },
    };
  }
}

function scopeTargets(t: ScopeTargets): TargetsView {
  return {
    eligibleCount: t.eligibleCount,
    minRotating: t.minRotating,
    minBackbone: t.minBackbone,
    backboneDenominator: t.backboneDenominator,
    applies: t.applies,
    summary: t.summary,
  };
}
