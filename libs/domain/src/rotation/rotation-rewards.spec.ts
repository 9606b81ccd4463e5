import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import type { PolicyParameters } from '../policy/policy.schema';
import type { BackboneLevel } from '../reference/codes';
import { rotationCandidates } from './rotation-candidates';
import type { RotationMode, RotationPlanStatus } from './rotation-codes';
import type { RotationTeacherFacts } from './rotation-eligibility';
import { compareRewards, REWARDED_PLAN_STATUSES, RewardAssignment, RewardSchool, rotationRewards } from './rotation-rewards';

const policy = JIANGSU_2024_POLICY.parameters;
const withRotation = (rotation: Partial<PolicyParameters['rotation']>) => ({ rotation: { ...policy.rotation, ...rotation } });
const YEAR = 2026;

// Two urban schools with targets of their own, a town school and a rural one without.
const schools: RewardSchool[] = [
  { schoolId: 'u1', code: 'FX0001', location: 'URBAN' },
  { schoolId: 'u2', code: 'FX0002', location: 'URBAN' },
  { schoolId: 'town', code: 'FX0003', location: 'TOWN' },
  { schoolId: 'rural', code: 'FX0004', location: 'RURAL' },
];

/** A teacher at `schoolId` since 2015-09-01 (eligible in 2026), of a backbone level. */
const teacher = (teacherId: string, schoolId: string, backbone: BackboneLevel = 'NONE'): RotationTeacherFacts => ({
  teacherId,
  birthDate: '1985-05-01',
  onQuota: true,
  post: 'TEACHER',
  backbone,
  postings: [{ schoolId, kind: 'REGULAR', startDate: '2015-09-01', endDate: null, fractionMilli: 1000 }],
});

const staff: RotationTeacherFacts[] = [
  ...Array.from({ length: 10 }, (_, i) => teacher(`u1-${i}`, 'u1', i < 3 ? 'COUNTY' : 'NONE')),
  ...Array.from({ length: 10 }, (_, i) => teacher(`u2-${i}`, 'u2', i < 3 ? 'CITY' : 'NONE')),
  ...Array.from({ length: 5 }, (_, i) => teacher(`town-${i}`, 'town', i === 0 ? 'SCHOOL' : 'NONE')),
];
const candidates = rotationCandidates(staff, schools, YEAR, policy);

let sequence = 0;
const assignment = (
  teacherId: string,
  fromSchoolId: string,
  toSchoolId: string,
  options: { backbone?: BackboneLevel; mode?: RotationMode; planStatus?: RotationPlanStatus } = {},
): RewardAssignment => ({
  teacherId: teacherId || `t${++sequence}`,
  fromSchoolId,
  toSchoolId,
  backbone: options.backbone ?? 'NONE',
  mode: options.mode ?? 'URBAN_RURAL',
  planStatus: options.planStatus ?? 'APPROVED',
});

const rowOf = (rewards: ReturnType<typeof rotationRewards>, schoolId: string) => {
  const row = rewards.schools.find((s) => s.schoolId === schoolId);
  if (!row) throw new Error(`no row for ${schoolId}`);
  return row;
};

describe('rotation rewards', () => {
  it('rank schools by backbone teachers sent, then teachers sent, then school code', () => {
    const rewards = rotationRewards(
      [
        // u2: 1 backbone of 3 sent; u1: 1 backbone of 2; town: 2 sent, no backbone; rural: 1 backbone of 1 (a tie with u1 on backbone, fewer sent).
        assignment('u2-0', 'u2', 'rural', { backbone: 'CITY' }),
        assignment('u2-5', 'u2', 'rural'),
        assignment('u2-6', 'u2', 'town'),
        assignment('u1-0', 'u1', 'rural', { backbone: 'COUNTY' }),
        assignment('u1-5', 'u1', 'town'),
        assignment('town-1', 'town', 'rural'),
        assignment('town-2', 'town', 'u1'),
        assignment('', 'rural', 'u2', { backbone: 'PROVINCE' }),
      ],
      candidates,
      schools,
      policy,
    );
    expect(rewards.schools.map((s) => [s.code, s.backboneSent, s.sent, s.rank])).toEqual([
      ['FX0002', 1, 3, 1],
      ['FX0001', 1, 2, 2],
      ['FX0004', 1, 1, 3],
      ['FX0003', 0, 2, 4],
    ]);
  });

  it('break a full tie (same backbone, same sent) by school code', () => {
    const rewards = rotationRewards(
      [assignment('u2-0', 'u2', 'rural', { backbone: 'CITY' }), assignment('u1-0', 'u1', 'rural', { backbone: 'COUNTY' })],
      candidates,
      schools,
      policy,
    );
    expect(rewards.schools.map((s) => [s.code, s.rank])).toEqual([
      ['FX0001', 1],
      ['FX0002', 2],
      ['FX0003', null],
      ['FX0004', null],
    ]);
    expect(compareRewards({ backboneSent: 1, sent: 1, code: 'B' }, { backboneSent: 1, sent: 1, code: 'A' })).toBeGreaterThan(0);
    expect(compareRewards({ backboneSent: 0, sent: 5, code: 'A' }, { backboneSent: 1, sent: 1, code: 'B' })).toBeGreaterThan(0);
  });

  it('count a school that only receives as receiving, unranked', () => {
    const rewards = rotationRewards(
      [assignment('u1-0', 'u1', 'rural', { backbone: 'COUNTY' }), assignment('u1-5', 'u1', 'rural'), assignment('u2-5', 'u2', 'rural')],
      candidates,
      schools,
      policy,
    );
    expect(rowOf(rewards, 'rural')).toMatchObject({ sent: 0, backboneSent: 0, received: 3, rank: null, targets: null });
    expect(rewards.totals).toMatchObject({ schools: 4, ranked: 2, sent: 3, received: 3, backboneSent: 1 });
  });

  it('count shadowing apart: not sent, not received, not ranked, not toward the targets', () => {
    const rewards = rotationRewards(
      [assignment('u1-5', 'u1', 'rural', { mode: 'SHADOWING' }), assignment('u1-0', 'u1', 'town', { backbone: 'COUNTY', mode: 'SHADOWING' })],
      candidates,
      schools,
      policy,
    );
    expect(rowOf(rewards, 'u1')).toMatchObject({ sent: 0, backboneSent: 0, shadowingSent: 2, rank: null });
    expect(rowOf(rewards, 'u1').targets).toMatchObject({ rotatingCount: 0, backboneRotating: 0, meetsTargets: false });
    expect(rowOf(rewards, 'rural')).toMatchObject({ received: 0, shadowingReceived: 1 });
    expect(rewards.totals).toMatchObject({ sent: 0, shadowingSent: 2, shadowingReceived: 2, ranked: 0 });
    expect(rewards.compliance.uncounted.map((u) => u.reason)).toEqual(['MODE_NOT_COUNTED', 'MODE_NOT_COUNTED']);
  });

  it('count shared teachers (走教) as sent, and among them', () => {
    const rewards = rotationRewards([assignment('u1-6', 'u1', 'rural', { mode: 'SHARED' })], candidates, schools, policy);
    expect(rowOf(rewards, 'u1')).toMatchObject({ sent: 1, sharedSent: 1, rank: 1 });
    expect(rowOf(rewards, 'rural')).toMatchObject({ received: 1 });
  });

  it('count only approved, active and completed plans: never a draft, a submitted or a cancelled plan', () => {
    expect(REWARDED_PLAN_STATUSES).toEqual(['APPROVED', 'ACTIVE', 'COMPLETED']);
    const statuses: RotationPlanStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'ACTIVE', 'COMPLETED', 'CANCELLED'];
    const rewards = rotationRewards(
      statuses.map((planStatus, i) => assignment(`u1-${i}`, 'u1', 'rural', { planStatus, backbone: 'COUNTY' })),
      candidates,
      schools,
      policy,
    );
    // u1-2, u1-3 and u1-4 (approved, active, completed); u1-0 and u1-1 (draft, submitted) and u1-5 (cancelled) are left out.
    expect(rowOf(rewards, 'u1')).toMatchObject({ sent: 3, backboneSent: 3 });
    expect(rowOf(rewards, 'u1').targets).toMatchObject({ rotatingCount: 3, backboneRotating: 3 });
    expect(rowOf(rewards, 'rural').received).toBe(3);
    expect(rewards).toMatchObject({ assignmentsCounted: 3, assignmentsLeftOut: 3 });

    const cancelledOnly = rotationRewards(
      [assignment('u1-0', 'u1', 'rural', { planStatus: 'CANCELLED', backbone: 'COUNTY' })],
      candidates,
      schools,
      policy,
    );
    expect(cancelledOnly.totals).toMatchObject({ sent: 0, backboneSent: 0, received: 0, ranked: 0 });
    expect(cancelledOnly.totals.targets.rotatingCount).toBe(0);
  });

  it('count a backbone teacher from rotation.backboneMinLevel exactly, by the level the assignment recorded', () => {
    const levels: BackboneLevel[] = ['SCHOOL', 'COUNTY'];
    const sent = levels.map((backbone, i) => assignment(`u1-${i + 5}`, 'u1', 'rural', { backbone }));
    // COUNTY is the minimum: 县级 counts, 校级 does not (u1-5 and u1-6 are NONE in the registry: the assignment's level decides).
    expect(rowOf(rotationRewards(sent, candidates, schools, policy), 'u1')).toMatchObject({ sent: 2, backboneSent: 1 });
    // From CITY, neither does.
    expect(rowOf(rotationRewards(sent, candidates, schools, withRotation({ backboneMinLevel: 'CITY' })), 'u1').backboneSent).toBe(0);
    // From SCHOOL, both.
    expect(rowOf(rotationRewards(sent, candidates, schools, withRotation({ backboneMinLevel: 'SCHOOL' })), 'u1').backboneSent).toBe(2);
  });

  it('give each urban school and the county its targets and whether the year’s plans meet them', () => {
    const meets = rotationRewards(
      [
        assignment('u1-0', 'u1', 'rural', { backbone: 'COUNTY' }),
        assignment('u2-0', 'u2', 'rural', { backbone: 'CITY' }),
        assignment('town-1', 'town', 'rural'),
      ],
      candidates,
      schools,
      policy,
    );
    // 10 eligible at each urban school: ⌈10 % × 10⌉ = 1 rotating, ⌈20 % × 1⌉ = 1 backbone. 25 in the county: 3 and 1.
    expect(rowOf(meets, 'u1').targets).toEqual({
      applies: true,
      eligibleCount: 10,
      minRotating: 1,
      minBackbone: 1,
      rotatingCount: 1,
      backboneRotating: 1,
      rotatingMet: true,
      backboneMet: true,
      meetsTargets: true,
    });
    expect(rowOf(meets, 'town').targets).toBeNull();
    expect(meets.totals.targets).toMatchObject({ eligibleCount: 25, minRotating: 3, minBackbone: 1, rotatingCount: 3, meetsTargets: true });
    expect(meets.totals).toMatchObject({ schoolsWithTargets: 2, schoolsMeetingTargets: 2, meetsTargets: true });

    // u2 sends a teacher who is not backbone: its backbone target is missed, and so the county's plans fall short.
    const short = rotationRewards(
      [assignment('u1-0', 'u1', 'rural', { backbone: 'COUNTY' }), assignment('u2-5', 'u2', 'rural'), assignment('town-1', 'town', 'rural')],
      candidates,
      schools,
      policy,
    );
    expect(rowOf(short, 'u2').targets).toMatchObject({ rotatingMet: true, backboneMet: false, meetsTargets: false });
    expect(short.totals).toMatchObject({ schoolsWithTargets: 2, schoolsMeetingTargets: 1, meetsTargets: false });
  });

  it('count a teacher once, whatever the number of their assignments in the year’s plans', () => {
    const rewards = rotationRewards(
      [assignment('u1-0', 'u1', 'rural', { backbone: 'COUNTY', planStatus: 'COMPLETED' }), assignment('u1-0', 'u1', 'town', { backbone: 'COUNTY' })],
      candidates,
      schools,
      policy,
    );
    expect(rowOf(rewards, 'u1')).toMatchObject({ sent: 1, backboneSent: 1 });
    expect(rewards.totals.received).toBe(1);
  });
});
