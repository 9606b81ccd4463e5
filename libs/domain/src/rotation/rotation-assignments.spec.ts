import { RuleViolationError, ValidationFailedError } from '../errors/domain-error';
import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import { assertFits, assertPostingDates, RecordedPosting } from '../postings/posting-rules';
import { AssignmentContext, AssignmentRequest, defaultTermEnd, validateAssignment } from './rotation-assignments';

const policy = JIANGSU_2024_POLICY.parameters;

const home: RecordedPosting = { id: 'home', schoolId: 'city', kind: 'REGULAR', startDate: '2012-09-01', endDate: null, fractionMilli: 1000 };

function context(overrides: Partial<AssignmentContext> = {}): AssignmentContext {
  return {
    countyId: '320321',
    teacher: { countyId: '320321', hireDate: '2012-09-01', postings: [home] },
    toSchool: { schoolId: 'village', countyId: '320321' },
    planAssignments: [],
    ...overrides,
  };
}

const request = (overrides: Partial<AssignmentRequest> = {}): AssignmentRequest => ({
  teacherId: 't1',
  toSchoolId: 'village',
  startDate: '2026-09-01',
  mode: 'DISTRICT',
  ...overrides,
});

/** The thrown domain error of `run`, for assertions on its code and details. */
function errorOf(run: () => unknown): RuleViolationError | ValidationFailedError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleViolationError || error instanceof ValidationFailedError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('rotation assignments', () => {
  it('end after the policy’s default term when no end is given: three years from 2026-09-01 end on 2029-08-31', () => {
    expect(defaultTermEnd('2026-09-01', policy)).toBe('2029-08-31');
    expect(defaultTermEnd('2026-09-01', { rotation: { ...policy.rotation, defaultTermYears: 2 } })).toBe('2028-08-31');
    // From 29 February: the anniversary is 28 February of a common year, the term ends the day before.
    expect(defaultTermEnd('2028-02-29', policy)).toBe('2031-02-27');
  });

  it('leave from the home school on the first day, with the kind of posting of their mode', () => {
    expect(validateAssignment(request(), context(), policy)).toEqual({
      teacherId: 't1',
      fromSchoolId: 'city',
      homePostingId: 'home',
      toSchoolId: 'village',
      startDate: '2026-09-01',
      endDate: '2029-08-31',
      mode: 'DISTRICT',
      teamId: null,
      fractionMilli: 1000,
      kind: 'ROTATION',
    });
    expect(validateAssignment(request({ mode: 'URBAN_RURAL', endDate: '2027-08-31' }), context(), policy)).toMatchObject({
      kind: 'SUPPORT',
      endDate: '2027-08-31',
    });
    expect(validateAssignment(request({ mode: 'SHADOWING' }), context(), policy).kind).toBe('SHADOWING');
    expect(validateAssignment(request({ mode: 'GROUP', fraction: 1 }), context(), policy).fractionMilli).toBe(1000);
  });

  it('take a shared teacher at a part of the week beside the home posting', () => {
    expect(validateAssignment(request({ mode: 'SHARED', fraction: 0.5 }), context(), policy)).toMatchObject({ kind: 'SHARED', fractionMilli: 500 });
  });

  it('refuse bad input with 400, naming every bad field at once', () => {
    expect(errorOf(() => validateAssignment(request({ mode: 'SHARED' }), context(), policy)).details).toEqual({
      fields: { fraction: ['is required for a SHARED assignment'] },
    });
    expect(errorOf(() => validateAssignment(request({ mode: 'SHARED', fraction: 1 }), context(), policy)).details).toEqual({
      fields: { fraction: ['must be below 1: a SHARED assignment is part of the week'] },
    });
    expect(errorOf(() => validateAssignment(request({ mode: 'SHARED', fraction: 0.0005 }), context(), policy)).code).toBe('VALIDATION_FAILED');
    const many = errorOf(() => validateAssignment(request({ mode: 'TEAM', fraction: 0.5, endDate: '2026-08-31' }), context(), policy));
    expect(many).toBeInstanceOf(ValidationFailedError);
    expect(Object.keys((many as ValidationFailedError).fields).sort()).toEqual(['endDate', 'fraction', 'teamId']);
    expect(errorOf(() => validateAssignment(request({ mode: 'GROUP', teamId: 'x' }), context(), policy)).details).toEqual({
      fields: { teamId: ['is for TEAM assignments only'] },
    });
  });

  it('refuse an assignment starting before the hire date with the code recording uses', () => {
    const refused = errorOf(() => validateAssignment(request({ startDate: '2012-08-31' }), context(), policy));
    expect(refused).toMatchObject({ code: 'POSTING_BEFORE_HIRE', details: { startDate: '2012-08-31', hireDate: '2012-09-01' } });
    expect(errorOf(() => assertPostingDates({ startDate: '2012-08-31', endDate: null }, '2012-09-01')).code).toBe(refused.code);
  });

  it('stay within the plan’s county, for the destination and the teacher', () => {
    expect(errorOf(() => validateAssignment(request(), context({ toSchool: { schoolId: 'village', countyId: '320322' } }), policy))).toMatchObject({
      code: 'ROTATION_OTHER_COUNTY',
      details: { countyId: '320321', teacherCountyId: '320321', toSchoolCountyId: '320322' },
    });
    const teacherElsewhere = context({ teacher: { countyId: '320100', hireDate: '2012-09-01', postings: [home] } });
    expect(errorOf(() => validateAssignment(request(), teacherElsewhere, policy)).code).toBe('ROTATION_OTHER_COUNTY');
  });

  it('need a regular post at a school on the first day, and another school as the destination', () => {
    const away: RecordedPosting[] = [
      { ...home, endDate: '2025-08-31' },
      { id: 'rot', schoolId: 'town', kind: 'ROTATION', startDate: '2025-09-01', endDate: '2028-08-31', fractionMilli: 1000 },
    ];
    const onRotation = context({ teacher: { countyId: '320321', hireDate: '2012-09-01', postings: away } });
    expect(errorOf(() => validateAssignment(request(), onRotation, policy))).toMatchObject({
      code: 'ROTATION_NOT_AT_SCHOOL',
      details: { startDate: '2026-09-01' },
    });
    expect(
      errorOf(() => validateAssignment(request({ toSchoolId: 'city' }), context({ toSchool: { schoolId: 'city', countyId: '320321' } }), policy)),
    ).toMatchObject({
      code: 'ROTATION_SAME_SCHOOL',
      details: { schoolId: 'city' },
    });
  });

  it('take a teacher once per plan', () => {
    const planAssignments = [{ teacherId: 't1', toSchoolId: 'town', startDate: '2026-09-01', endDate: '2029-08-31', teamId: null }];
    expect(errorOf(() => validateAssignment(request(), context({ planAssignments }), policy))).toMatchObject({
      code: 'ROTATION_TEACHER_TWICE',
      details: { teacherId: 't1' },
    });
  });

  it('move a team together: same destination, same first and last day', () => {
    const team = [{ teacherId: 't0', toSchoolId: 'village', startDate: '2026-09-01', endDate: '2029-08-31', teamId: 'team-1' }];
    const member = request({ mode: 'TEAM', teamId: 'team-1' });
    expect(validateAssignment(member, context({ planAssignments: team }), policy)).toMatchObject({
      teamId: 'team-1',
      endDate: '2029-08-31',
      kind: 'ROTATION',
    });
    for (const apart of [{ startDate: '2026-09-02' }, { endDate: '2028-08-31' }, { toSchoolId: 'town' }]) {
      const refused = errorOf(() =>
        validateAssignment(
          { ...member, ...apart },
          context({ planAssignments: team, toSchool: { schoolId: apart.toSchoolId ?? 'village', countyId: '320321' } }),
          policy,
        ),
      );
      expect(refused).toMatchObject({
        code: 'ROTATION_TEAM_APART',
        details: { teamId: 'team-1', team: { toSchoolId: 'village', startDate: '2026-09-01', endDate: '2029-08-31' } },
      });
    }
    // Another team may go elsewhere on other days.
    expect(
      validateAssignment({ ...member, teamId: 'team-2', toSchoolId: 'town', startDate: '2027-02-01' }, context({ planAssignments: team }), policy)
        .teamId,
    ).toBe('team-2');
  });

  it('refuse an overlap with the teacher’s other postings as recording does (same code, day and total)', () => {
    const later: RecordedPosting = { id: 'later', schoolId: 'town', kind: 'REGULAR', startDate: '2027-09-01', endDate: null, fractionMilli: 1000 };
    const postings = [{ ...home, endDate: '2027-08-31' }, later];
    const planned = errorOf(() =>
      validateAssignment(request(), context({ teacher: { countyId: '320321', hireDate: '2012-09-01', postings } }), policy),
    );
    expect(planned).toMatchObject({ code: 'POSTING_OVERLAP', details: { date: '2027-09-01', total: 2, overlappingPostingIds: ['later'] } });
    // Recording the same rotation posting beside the postings as activation leaves them refuses it with the same code, day and total.
    const recorded = errorOf(() =>
      assertFits([{ ...home, endDate: '2026-08-31' }, later], { startDate: '2026-09-01', endDate: '2029-08-31', fractionMilli: 1000 }),
    );
    expect(recorded.code).toBe(planned.code);
    expect(recorded.details).toMatchObject({ date: '2027-09-01', total: 2 });
  });

  it('check it with the teacher’s assignments in other plans not yet activated', () => {
    const otherPlanned = [{ schoolId: 'town', kind: 'SHARED' as const, startDate: '2027-09-01', endDate: '2028-08-31', fractionMilli: 600 }];
    expect(errorOf(() => validateAssignment(request({ mode: 'SHARED', fraction: 0.5 }), context({ otherPlanned }), policy))).toMatchObject({
      code: 'POSTING_OVERLAP',
      // Home would keep nothing beside 0.5 here and 0.6 there: it is left at 0.5, and the day adds up to 1.6.
      details: { date: '2027-09-01', total: 1.6 },
    });
    // At 0.3, home keeps 0.1 of the week while both run.
    expect(validateAssignment(request({ mode: 'SHARED', fraction: 0.3 }), context({ otherPlanned }), policy).fractionMilli).toBe(300);
  });
});
