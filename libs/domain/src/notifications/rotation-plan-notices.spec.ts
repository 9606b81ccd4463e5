import { rotationPlanDedupeKey, rotationPlanNoticeKind, rotationPlanRecipients } from './rotation-plan-notices';

describe('who hears of a rotation plan', () => {
  const plan = { countyId: '320321' };
  const assignments = [
    { teacherId: 't1', fromSchoolId: 'town', toSchoolId: 'village' },
    { teacherId: 't2', fromSchoolId: 'town', toSchoolId: 'hill' },
  ];

  it('tells the county’s officers of a submitted plan, to approve it', () => {
    expect(rotationPlanRecipients('SUBMIT', plan, assignments)).toEqual([{ kind: 'COUNTY_OFFICERS', countyId: '320321' }]);
    expect(rotationPlanNoticeKind('SUBMIT')).toBe('ROTATION_PLAN_SUBMITTED');
  });

  it('tells each teacher in an approved or activated plan, and the principals of every school sending or receiving one, once each', () => {
    for (const happening of ['APPROVE', 'ACTIVATE'] as const) {
      expect(rotationPlanRecipients(happening, plan, assignments)).toEqual([
        { kind: 'TEACHER', teacherId: 't1' },
        { kind: 'TEACHER', teacherId: 't2' },
        { kind: 'PRINCIPALS', schoolId: 'town' },
        { kind: 'PRINCIPALS', schoolId: 'village' },
        { kind: 'PRINCIPALS', schoolId: 'hill' },
      ]);
    }
  });

  it('names each happening of a plan once', () => {
    expect(rotationPlanDedupeKey('APPROVE', 'p1')).toBe('rotation_plan:p1:approve');
    expect(new Set(['SUBMIT', 'APPROVE', 'ACTIVATE'].map((h) => rotationPlanDedupeKey(h as 'SUBMIT', 'p1'))).size).toBe(3);
  });
});
