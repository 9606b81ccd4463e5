import { addDays } from '../calendar/calendar-date';
import { qualifyingIntervalsBySchool } from '../eligibility/eligibility';
import { JIANGSU_2024_POLICY } from '../policy/jiangsu-2024.policy';
import type { RecordedPosting } from '../postings/posting-rules';
import type { Subject } from '../reference/codes';
import type { ShortageSchoolFacts, ShortageStaffMember } from '../shortage/shortage-types';
import { activationWrites } from './rotation-activation';
import {
  concernsTeacher,
  eligibilityEffect,
  movedStaff,
  OpenStaffRequest,
  planWarnings,
  requestCovers,
  ReviewedAssignment,
  shortageEffect,
} from './rotation-plan-review';

const POLICY = JIANGSU_2024_POLICY.parameters;
const VERSION = JIANGSU_2024_POLICY.version;

describe('an assignment’s effect on eligibility', () => {
  // The town school never qualifies; the village school is rural from 2000 on; the other town school became weak on 2027-03-01.
  const qualifying = qualifyingIntervalsBySchool(
    [
      { schoolId: 'town', effectiveFrom: '2000-01-01', location: 'URBAN', weak: false },
      { schoolId: 'village', effectiveFrom: '2000-01-01', location: 'RURAL', weak: false },
      { schoolId: 'town2', effectiveFrom: '2000-01-01', location: 'URBAN', weak: false },
      { schoolId: 'town2', effectiveFrom: '2027-03-01', location: null, weak: true },
    ],
    POLICY,
  );
  const home: RecordedPosting = { id: 'home', schoolId: 'town', kind: 'REGULAR', startDate: '2015-09-01', endDate: null, fractionMilli: 1000 };
  const effectOf = (toSchoolId: string, fractionMilli = 1000, startDate = '2026-09-01', endDate = '2029-08-31') => {
    const mode = fractionMilli === 1000 ? 'URBAN_RURAL' : 'SHARED';
    const planned = activationWrites({ toSchoolId, mode, startDate, endDate, fractionMilli }, [home], '2015-09-01').postings;
    return eligibilityEffect([home], planned, qualifying, startDate, POLICY);
  };

  it('gives a town teacher sent to a rural school for three years the senior-title service a year in, and the principal priority on its 1095th day (a leap year in the term)', () => {
    const effect = effectOf('village');
    expect(effect.seniorTitle).toEqual({ requiredDays: 365, before: null, after: '2027-08-31', changed: true });
    // 2026-09-01 … 2029-08-30 holds 29 February 2028: 1095 days end a day before the term's third anniversary.
    expect(effect.principalPriority).toEqual({ requiredDays: 1095, before: null, after: addDays('2026-09-01', 1094), changed: true });
    expect(effect.principalPriority.after).toBe('2029-08-30');
    expect(effect.changes).toBe(true);
    expect(effect.summary.zh).toContain('2027-08-31 满足（原为不能满足）');
  });

  it('changes nothing for a move between two town schools that never qualify', () => {
    const effect = effectOf('town', 1000, '2026-09-01');
    expect(effect.changes).toBe(false);
    expect(effect.seniorTitle).toMatchObject({ before: null, after: null, changed: false });
    expect(effect.summary.zh).toContain('不变');
  });

  it('counts days at a school only from the day it is classified weak, a classification change mid-term', () => {
    const effect = effectOf('town2');
    // Weak from 2027-03-01: the year from then holds 29 February 2028, so 365 days are reached a day before its anniversary.
    expect(effect.seniorTitle.after).toBe('2028-02-28');
  });

  it('counts a shared post at a rural school only when it is at least half the week', () => {
    expect(effectOf('village', 500).seniorTitle.after).toBe('2027-08-31');
    expect(effectOf('village', 400).seniorTitle).toMatchObject({ after: null, changed: false });
  });

  it('shows no change for a teacher who has met the rules already', () => {
    const rural: RecordedPosting = {
      id: 'r',
      schoolId: 'village',
      kind: 'REGULAR',
      startDate: '2010-09-01',
      endDate: '2015-08-31',
      fractionMilli: 1000,
    };
    const planned = activationWrites(
      { toSchoolId: 'village', mode: 'URBAN_RURAL', startDate: '2026-09-01', endDate: '2029-08-31', fractionMilli: 1000 },
      [rural, home],
      '2010-09-01',
    ).postings;
    const effect = eligibilityEffect([rural, home], planned, qualifying, '2026-09-01', POLICY);
    expect(effect.seniorTitle).toEqual({ requiredDays: 365, before: '2011-08-31', after: '2011-08-31', changed: false });
    expect(effect.principalPriority.changed).toBe(false);
  });
});

const assignment = (overrides: Partial<ReviewedAssignment> = {}): ReviewedAssignment => ({
  assignmentId: 'a1',
  teacherId: 't1',
  fromSchoolId: 'town',
  toSchoolId: 'village',
  startDate: '2026-09-01',
  endDate: '2029-08-31',
  mode: 'URBAN_RURAL',
  fractionMilli: 1000,
  subjects: ['PE'],
  ...overrides,
});

const request = (overrides: Partial<OpenStaffRequest> = {}): OpenStaffRequest => ({
  id: 'r1',
  schoolId: 'village',
  subject: 'PE',
  status: 'APPROVED',
  submittedOn: '2026-05-10',
  neededFrom: '2026-09-01',
  headcount: 1,
  coveredMilli: 0,
  ...overrides,
});

describe('the staff requests a plan covers', () => {
  it('counts a teacher of the subject arriving at the requesting school towards its oldest open request', () => {
    const covers = requestCovers([assignment()], [request({ id: 'late', submittedOn: '2026-06-01' }), request({ id: 'early' })]);
    expect(covers.get('a1')).toEqual({
      requestId: 'early',
      status: 'APPROVED',
      subject: 'PE',
      addsMilli: 1000,
      coveredMilli: 1000,
      requiredMilli: 1000,
      covered: true,
    });
  });

  it('covers a request for two with a full-time teacher and two halves, in the plan’s order, and passes the rest to the next request', () => {
    const covers = requestCovers(
      [
        assignment({ assignmentId: 'full' }),
        assignment({ assignmentId: 'half1', mode: 'SHARED', fractionMilli: 500 }),
        assignment({ assignmentId: 'half2', mode: 'SHARED', fractionMilli: 500 }),
        assignment({ assignmentId: 'more' }),
      ],
      [request({ id: 'two', headcount: 2 }), request({ id: 'next', submittedOn: '2026-07-01' })],
    );
    expect(covers.get('full')).toMatchObject({ requestId: 'two', coveredMilli: 1000, covered: false });
    expect(covers.get('half1')).toMatchObject({ requestId: 'two', coveredMilli: 1500, covered: false });
    // Fractions summing to exactly the headcount cover it.
    expect(covers.get('half2')).toMatchObject({ requestId: 'two', coveredMilli: 2000, covered: true });
    expect(covers.get('more')).toMatchObject({ requestId: 'next', covered: true });
  });

  it('counts nothing for another subject, another school, a request asked after the move, a term ending before the need, a covered request, or shadowing', () => {
    const none = (a: ReviewedAssignment, r: OpenStaffRequest) => expect(requestCovers([a], [r]).size).toBe(0);
    none(assignment({ subjects: ['MUSIC'] }), request());
    none(assignment({ toSchoolId: 'elsewhere' }), request());
    none(assignment({ startDate: '2026-05-09' }), request());
    none(assignment({ endDate: '2026-08-31', startDate: '2026-06-01' }), request());
    none(assignment(), request({ coveredMilli: 1000 }));
    none(assignment({ mode: 'SHADOWING' }), request());
  });

  it('counts a teacher by an extra subject they teach', () => {
    expect(requestCovers([assignment({ subjects: ['CHINESE', 'PE'] })], [request()]).get('a1')?.requestId).toBe('r1');
  });
});

function member(teacherId: string, subject: Subject, fractionMilli = 1000): ShortageStaffMember {
  return { teacherId, name: teacherId, fractionMilli, subject, extraSubjects: [], psychology: 'NONE' };
}

/** A six-class primary school (grades 1–6, one class each) with the given staff. */
function primary(schoolId: string, staff: ShortageStaffMember[]): ShortageSchoolFacts {
  return {
    schoolId,
    stage: 'PRIMARY',
    location: schoolId === 'village' ? 'RURAL' : 'URBAN',
    townshipCentral: false,
    enrolment: { schoolYear: 2026, grades: [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, classes: 1, students: 30 })) },
    staff,
  };
}

describe('the shortages a plan opens and closes', () => {
  const peTeacher = member('pe', 'PE');
  const town = primary('town', [peTeacher, member('c1', 'CHINESE'), member('m1', 'MATH')]);
  const village = primary('village', [member('c2', 'CHINESE'), member('m2', 'MATH')]);
  const staffOf = new Map([[peTeacher.teacherId, peTeacher]]);
  const shared = assignment({ teacherId: 'pe', mode: 'SHARED', fractionMilli: 500 });
  const full = assignment({ teacherId: 'pe' });

  it('takes a leaving teacher off by the assignment’s share and adds an arriving one at it, only while the term runs', () => {
    expect(movedStaff(town, '2026-09-01', [shared], staffOf).staff.find((m) => m.teacherId === 'pe')?.fractionMilli).toBe(500);
    expect(movedStaff(town, '2026-09-01', [full], staffOf).staff.find((m) => m.teacherId === 'pe')).toBeUndefined();
    expect(movedStaff(village, '2026-09-01', [shared], staffOf).staff.find((m) => m.teacherId === 'pe')).toMatchObject({
      fractionMilli: 500,
      subject: 'PE',
    });
    expect(movedStaff(village, '2029-09-01', [shared], staffOf).staff.find((m) => m.teacherId === 'pe')).toBeUndefined();
  });

  it('never counts a teacher above a full post at the school joined, when postings recorded since already hold them there', () => {
    const already = primary('village', [{ ...peTeacher, fractionMilli: 1000 }]);
    expect(movedStaff(already, '2026-09-01', [shared], staffOf).staff.find((m) => m.teacherId === 'pe')?.fractionMilli).toBe(1000);
    expect(() => shortageEffect({ day: '2026-09-01', facts: already }, [shared], staffOf, POLICY.shortage, VERSION)).not.toThrow();
  });

  it('closes the receiving school’s zero-coverage PE flag with a shared PE teacher (a smaller gap is left), and opens none at home while half stays', () => {
    const atVillage = shortageEffect({ day: '2026-09-01', facts: village }, [shared], staffOf, POLICY.shortage, VERSION);
    expect(atVillage.closes.map((c) => [c.kind, c.subject, c.gap])).toContainEqual(['ZERO_COVERAGE', 'PE', 1.25]);
    // Half a PE teacher for six classes: the scan would resolve the zero-coverage flag and open a smaller subject gap.
    expect(atVillage.opens.map((o) => [o.kind, o.subject, o.gap])).toEqual([['SUBJECT_GAP', 'PE', 0.75]]);
    expect(shortageEffect({ day: '2026-09-01', facts: village }, [full], staffOf, POLICY.shortage, VERSION).opens).toEqual([]);
    const atTown = shortageEffect({ day: '2026-09-01', facts: town }, [shared], staffOf, POLICY.shortage, VERSION);
    expect(atTown.opens.filter((o) => o.kind === 'ZERO_COVERAGE')).toEqual([]);
  });

  it('opens a zero-coverage flag at home when the only PE teacher leaves full time, and warns of it', () => {
    const atTown = shortageEffect({ day: '2026-09-01', facts: town }, [full], staffOf, POLICY.shortage, VERSION);
    expect(atTown.opens.map((o) => [o.kind, o.subject])).toContainEqual(['ZERO_COVERAGE', 'PE']);
    const warnings = planWarnings(
      [full],
      [atTown],
      [{ schoolId: 'village', kind: 'ZERO_COVERAGE', subject: 'PE' }],
      ['PE', 'MUSIC', 'FINE_ARTS'],
      new Map([['town', '城关小学']]),
    );
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'SENDING_SCHOOL_LOSES_LAST_TEACHER', assignmentId: 'a1', schoolId: 'town', subject: 'PE' }),
    ]);
    expect(warnings[0].message.zh).toBe('2026-09-01 起城关小学将没有体育与健康教师，而课程需要该学科教师');
  });

  it('warns when the receiving school has no open need for what the teacher teaches, but not for shadowing', () => {
    const names = new Map([['village', '村小']]);
    const noNeed = planWarnings(
      [shared],
      [],
      [{ schoolId: 'village', kind: 'STAFF_REQUEST', subject: 'MUSIC' }],
      ['PE', 'MUSIC', 'FINE_ARTS'],
      names,
    );
    expect(noNeed.map((w) => w.code)).toEqual(['RECEIVING_SCHOOL_NO_NEED']);
    expect(noNeed[0].message.zh).toBe('村小目前没有体育与健康学科的缺口预警或补充教师申请');
    expect(planWarnings([shared], [], [{ schoolId: 'village', kind: 'STAFF_REQUEST', subject: 'PE' }], [], names)).toEqual([]);
    expect(planWarnings([assignment({ mode: 'SHADOWING' })], [], [], [], names)).toEqual([]);
  });

  it('reads a PE/arts ratio flag (no subject) as a need of PE, music and art teachers only', () => {
    expect(concernsTeacher({ kind: 'PE_ARTS_RATIO_LOW', subject: null }, ['PE'], ['PE', 'MUSIC', 'FINE_ARTS'])).toBe(true);
    expect(concernsTeacher({ kind: 'PE_ARTS_RATIO_LOW', subject: null }, ['MATH'], ['PE', 'MUSIC', 'FINE_ARTS'])).toBe(false);
    expect(concernsTeacher({ kind: 'SUBJECT_GAP', subject: 'MATH' }, ['CHINESE', 'MATH'], [])).toBe(true);
  });
});
