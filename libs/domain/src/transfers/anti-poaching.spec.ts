import { RuleViolationError } from '../errors/domain-error';
import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import type { PolicyParameters } from '../policy/policy.schema';
import { ZONES } from '../reference/codes';
import { assertNotPoaching, checkPoaching, outstandingGrounds, TransferredTeacher } from './anti-poaching';

const policy = JIANGSU_2024_POLICY.parameters;
const withRule = (antiPoaching: Partial<PolicyParameters['antiPoaching']>) => ({ antiPoaching: { ...policy.antiPoaching, ...antiPoaching } });

const ordinary: TransferredTeacher = { backbone: 'COUNTY', title: 'FIRST', post: 'TEACHER' };

/** One teacher per kind of "outstanding" under the shipped policy (backbone ≥ city, title ≥ senior, principal or vice principal). */
const OUTSTANDING: Record<string, TransferredTeacher> = {
  'city backbone': { ...ordinary, backbone: 'CITY' },
  'provincial backbone': { ...ordinary, backbone: 'PROVINCE' },
  'senior title': { ...ordinary, title: 'SENIOR' },
  'professor-level title': { ...ordinary, title: 'PRINCIPAL_SENIOR' },
  principal: { ...ordinary, post: 'PRINCIPAL' },
  'vice principal': { ...ordinary, post: 'VICE_PRINCIPAL' },
};

function refusal(run: () => unknown): RuleViolationError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleViolationError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('outstanding teachers and principals', () => {
  it('are those at or above each threshold of the policy, with every ground named', () => {
    expect(outstandingGrounds(ordinary, policy)).toEqual([]);
    expect(outstandingGrounds({ backbone: 'SCHOOL', title: 'NONE', post: 'TEACHER' }, policy)).toEqual([]);
    expect(outstandingGrounds({ backbone: 'CITY', title: 'SENIOR', post: 'PRINCIPAL' }, policy)).toEqual([
      { kind: 'BACKBONE', level: 'CITY', minimum: 'CITY' },
      { kind: 'TITLE', level: 'SENIOR', minimum: 'SENIOR' },
      { kind: 'POST', post: 'PRINCIPAL', posts: ['PRINCIPAL', 'VICE_PRINCIPAL'] },
    ]);
    for (const [kind, teacher] of Object.entries(OUTSTANDING))
      expect([kind, outstandingGrounds(teacher, policy)]).toEqual([kind, [expect.any(Object)]]);
  });
});

describe('the anti-poaching rule', () => {
  it('refuses exactly the moves of outstanding people from Subei to Sunan, across all 3 × 3 zone pairs and each kind of outstanding', () => {
    for (const [kind, teacher] of Object.entries(OUTSTANDING)) {
      for (const from of ZONES) {
        for (const to of ZONES) {
          const blocked = from === 'SUBEI' && to === 'SUNAN';
          expect([kind, from, to, checkPoaching(teacher, from, to, policy).blocked]).toEqual([kind, from, to, blocked]);
        }
      }
    }
  });

  it('never refuses a teacher who is not outstanding, whatever the zones', () => {
    for (const from of ZONES) for (const to of ZONES) expect(checkPoaching(ordinary, from, to, policy).blocked).toBe(false);
  });

  it('refuses with SUBEI_POACHING_BLOCKED and the reason in details', () => {
    const refused = refusal(() => assertNotPoaching({ backbone: 'PROVINCE', title: 'SENIOR', post: 'VICE_PRINCIPAL' }, 'SUBEI', 'SUNAN', policy));
    expect(refused.code).toBe('SUBEI_POACHING_BLOCKED');
    expect(refused.kind).toBe('RULE');
    expect(refused.details).toEqual({
      reason: {
        zh: '发达地区不得从苏北抢挖优秀校长和教师：该教师为省级骨干（市级骨干及以上）、高级教师、副校长，拟从苏北调往苏南',
        en:
          'Developed regions may not poach outstanding principals and teachers from Northern Jiangsu: the teacher is outstanding ' +
          '(Provincial backbone teacher (City backbone teacher or above), Senior teacher, Vice principal) and would move from Northern Jiangsu to Southern Jiangsu',
      },
      fromZone: 'SUBEI',
      toZone: 'SUNAN',
      grounds: [
        { kind: 'BACKBONE', level: 'PROVINCE', minimum: 'CITY' },
        { kind: 'TITLE', level: 'SENIOR', minimum: 'SENIOR' },
        { kind: 'POST', post: 'VICE_PRINCIPAL', posts: ['PRINCIPAL', 'VICE_PRINCIPAL'] },
      ],
    });
    expect(assertNotPoaching(OUTSTANDING.principal, 'SUBEI', 'SUZHONG', policy)).toMatchObject({
      blocked: false,
      fromProtected: true,
      toDeveloped: false,
    });
  });

  it('says why a move is not concerned', () => {
    expect(checkPoaching(ordinary, 'SUBEI', 'SUNAN', policy).reason.zh).toBe('该教师不属于优秀校长或教师，不受限制');
    expect(checkPoaching(OUTSTANDING.principal, 'SUBEI', 'SUZHONG', policy).reason.zh).toBe('调入地苏中不属于发达地区，不受限制');
    expect(checkPoaching(OUTSTANDING.principal, 'SUZHONG', 'SUNAN', policy).reason.zh).toBe('调出地苏中不属于受保护地区，不受限制');
  });

  it('reads the zones and the thresholds from the policy', () => {
    const wider = withRule({ developedZones: ['SUNAN', 'SUZHONG'] });
    expect(checkPoaching(OUTSTANDING.principal, 'SUBEI', 'SUZHONG', wider).blocked).toBe(true);
    const countyBackbone = withRule({ outstanding: { ...policy.antiPoaching.outstanding, minBackbone: 'COUNTY' } });
    expect(checkPoaching(ordinary, 'SUBEI', 'SUNAN', countyBackbone).blocked).toBe(true);
    const firstTitle = withRule({ outstanding: { ...policy.antiPoaching.outstanding, minTitle: 'FIRST' } });
    expect(checkPoaching(ordinary, 'SUBEI', 'SUNAN', firstTitle).grounds).toEqual([{ kind: 'TITLE', level: 'FIRST', minimum: 'FIRST' }]);
    const noPosts = withRule({ outstanding: { ...policy.antiPoaching.outstanding, posts: [] } });
    expect(checkPoaching(OUTSTANDING.principal, 'SUBEI', 'SUNAN', noPosts).blocked).toBe(false);
    const protectCentral = withRule({ protectedZones: ['SUBEI', 'SUZHONG'] });
    expect(checkPoaching(OUTSTANDING['senior title'], 'SUZHONG', 'SUNAN', protectCentral).blocked).toBe(true);
    expect(checkPoaching(OUTSTANDING.principal, 'SUBEI', 'SUNAN', policy).parameters).toEqual(policy.antiPoaching);
  });
});
