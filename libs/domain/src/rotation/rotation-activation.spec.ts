import fc from 'fast-check';
import { addDays } from '../calendar/calendar-date';
import { RuleViolationError } from '../errors/domain-error';
import { findOverload } from '../postings/posting-load';
import { applyPlannedPostings, PostingAt, RecordedPosting } from '../postings/posting-rules';
import { ActivatedAssignment, activationWrites, ActivationWrites } from './rotation-activation';
import { POSTING_KIND_OF_MODE, ROTATION_MODES } from './rotation-codes';
import { continuityAt } from './years-at-school';

const home: RecordedPosting = { id: 'home', schoolId: 'city', kind: 'REGULAR', startDate: '2012-09-01', endDate: null, fractionMilli: 1000 };

const assignment = (overrides: Partial<ActivatedAssignment> = {}): ActivatedAssignment => ({
  toSchoolId: 'village',
  mode: 'DISTRICT',
  startDate: '2026-09-01',
  endDate: '2029-08-31',
  fractionMilli: 1000,
  ...overrides,
});

/** The teacher's rows once the writes are applied to the recorded ones, oldest first. */
function rowsAfter(recorded: readonly RecordedPosting[], writes: ActivationWrites): PostingAt[] {
  const updated = recorded.map((p) => {
    const change = writes.update.find((u) => u.postingId === p.id);
    return change ? { ...p, endDate: change.endDate, fractionMilli: change.fractionMilli } : p;
  });
  const rows: PostingAt[] = [
    ...updated.map(({ schoolId, kind, startDate, endDate, fractionMilli }) => ({ schoolId, kind, startDate, endDate, fractionMilli })),
    ...writes.insert.map(({ schoolId, kind, startDate, endDate, fractionMilli }) => ({ schoolId, kind, startDate, endDate, fractionMilli })),
  ];
  return rows.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.schoolId < b.schoolId ? -1 : 1));
}

describe('activating an assignment', () => {
  it('closes the home posting the day before a full-time rotation, opens the rotation and returns home after the term', () => {
    const writes = activationWrites(assignment(), [home], '2012-09-01');
    expect(writes.update).toEqual([{ postingId: 'home', endDate: '2026-08-31', fractionMilli: 1000 }]);
    expect(writes.insert).toEqual([
      {
        schoolId: 'village',
        kind: 'ROTATION',
        startDate: '2026-09-01',
        endDate: '2029-08-31',
        fractionMilli: 1000,
        role: 'ASSIGNMENT',
        continuesPostingId: null,
      },
      { schoolId: 'city', kind: 'REGULAR', startDate: '2029-09-01', endDate: null, fractionMilli: 1000, role: 'RETURN', continuesPostingId: 'home' },
    ]);
    // After the return, the years at the home school count from the day back.
    expect(continuityAt(writes.postings, '2030-09-01')).toMatchObject({ schoolId: 'city', since: '2029-09-01', fullYears: 1 });
  });

  it('splits the home posting to 1 − f for a shared post at f, and restores its share after the term', () => {
    const writes = activationWrites(assignment({ mode: 'SHARED', fractionMilli: 500, endDate: '2027-08-31' }), [home], '2012-09-01');
    expect(writes.update).toEqual([{ postingId: 'home', endDate: '2026-08-31', fractionMilli: 1000 }]);
    expect(writes.insert).toEqual([
      {
        schoolId: 'city',
        kind: 'REGULAR',
        startDate: '2026-09-01',
        endDate: '2027-08-31',
        fractionMilli: 500,
        role: 'HOME_DURING_TERM',
        continuesPostingId: 'home',
      },
      {
        schoolId: 'village',
        kind: 'SHARED',
        startDate: '2026-09-01',
        endDate: '2027-08-31',
        fractionMilli: 500,
        role: 'ASSIGNMENT',
        continuesPostingId: null,
      },
      { schoolId: 'city', kind: 'REGULAR', startDate: '2027-09-01', endDate: null, fractionMilli: 1000, role: 'RETURN', continuesPostingId: 'home' },
    ]);
    // A shared post does not break the years at home.
    expect(continuityAt(writes.postings, '2028-09-01')).toMatchObject({ schoolId: 'city', since: '2012-09-01' });
  });

  it('reduces in place a home posting that starts on the first day, and leaves alone one that already leaves room', () => {
    const fresh: RecordedPosting = { ...home, startDate: '2026-09-01' };
    const inPlace = activationWrites(assignment({ mode: 'SHARED', fractionMilli: 300, endDate: '2027-08-31' }), [fresh], '2026-09-01');
    expect(inPlace.update).toEqual([{ postingId: 'home', endDate: '2027-08-31', fractionMilli: 700 }]);
    expect(inPlace.insert.map((i) => [i.role, i.schoolId, i.startDate, i.endDate, i.fractionMilli])).toEqual([
      ['ASSIGNMENT', 'village', '2026-09-01', '2027-08-31', 300],
      ['RETURN', 'city', '2027-09-01', null, 1000],
    ]);
    const half = activationWrites(assignment({ mode: 'SHARED', fractionMilli: 500 }), [{ ...home, fractionMilli: 500 }], '2012-09-01');
    expect(half.update).toEqual([]);
    expect(half.insert.map((i) => i.role)).toEqual(['ASSIGNMENT']);
  });

  it('writes the posting kind of the mode: support for town–country, shadowing for a new teacher', () => {
    for (const mode of ROTATION_MODES) {
      const writes = activationWrites(assignment({ mode, fractionMilli: mode === 'SHARED' ? 500 : 1000 }), [home], '2012-09-01');
      expect(writes.insert.find((i) => i.role === 'ASSIGNMENT')?.kind).toBe(POSTING_KIND_OF_MODE[mode]);
    }
    expect(POSTING_KIND_OF_MODE).toEqual({
      DISTRICT: 'ROTATION',
      GROUP: 'ROTATION',
      URBAN_RURAL: 'SUPPORT',
      TEAM: 'ROTATION',
      SHARED: 'SHARED',
      SHADOWING: 'SHADOWING',
    });
  });

  it('writes no return for a home posting that ends within the term', () => {
    const writes = activationWrites(assignment(), [{ ...home, endDate: '2028-08-31' }], '2012-09-01');
    expect(writes.update).toEqual([{ postingId: 'home', endDate: '2026-08-31', fractionMilli: 1000 }]);
    expect(writes.insert.map((i) => i.role)).toEqual(['ASSIGNMENT']);
  });

  it('refuses with the codes of recording when the postings no longer allow it', () => {
    const later: RecordedPosting = { id: 'later', schoolId: 'town', kind: 'REGULAR', startDate: '2027-09-01', endDate: null, fractionMilli: 1000 };
    expect(() => activationWrites(assignment(), [{ ...home, endDate: '2027-08-31' }, later], '2012-09-01')).toThrow(
      expect.objectContaining({
        code: 'POSTING_OVERLAP',
        details: expect.objectContaining({ date: '2027-09-01', overlappingPostingIds: ['later'] }),
      }),
    );
    expect(() => activationWrites(assignment({ startDate: '2012-08-01' }), [home], '2012-09-01')).toThrow(
      expect.objectContaining({ code: 'POSTING_BEFORE_HIRE' }),
    );
  });

  describe('whatever the assignment', () => {
    const base = '2020-01-01';
    const arbitrary = fc
      .record({
        mode: fc.constantFrom(...ROTATION_MODES),
        start: fc.integer({ min: 0, max: 400 }),
        length: fc.integer({ min: 1, max: 400 }),
        open: fc.boolean(),
        sharedMilli: fc.integer({ min: 1, max: 999 }),
        homeStart: fc.integer({ min: 0, max: 200 }),
        homeMilli: fc.constantFrom(400, 500, 1000),
        homeEnd: fc.option(fc.integer({ min: 200, max: 900 }), { nil: null }),
      })
      .map((r) => ({
        assignment: assignment({
          mode: r.mode,
          startDate: addDays(base, r.start),
          endDate: r.open ? null : addDays(base, r.start + r.length - 1),
          fractionMilli: r.mode === 'SHARED' ? r.sharedMilli : 1000,
        }),
        recorded: [
          {
            ...home,
            startDate: addDays(base, r.homeStart),
            endDate: r.homeEnd === null ? null : addDays(base, r.homeEnd),
            fractionMilli: r.homeMilli,
          },
        ],
      }));

    it('writes exactly the postings the what-if shows, within one full post, or refuses as the what-if does', () => {
      fc.assert(
        fc.property(arbitrary, ({ assignment: a, recorded }) => {
          const planned: PostingAt = {
            schoolId: a.toSchoolId,
            kind: POSTING_KIND_OF_MODE[a.mode],
            startDate: a.startDate,
            endDate: a.endDate,
            fractionMilli: a.fractionMilli,
          };
          let whatIf;
          try {
            whatIf = applyPlannedPostings(recorded, [planned], home.startDate);
          } catch (error) {
            expect(() => activationWrites(a, recorded, home.startDate)).toThrow(
              expect.objectContaining({ code: (error as RuleViolationError).code }),
            );
            return;
          }
          const writes = activationWrites(a, recorded, home.startDate);
          const shown = whatIf.postings.map(({ schoolId, kind, startDate, endDate, fractionMilli }) => ({
            schoolId,
            kind,
            startDate,
            endDate,
            fractionMilli,
          }));
          expect(rowsAfter(recorded, writes)).toEqual(
            shown.sort((x, y) => (x.startDate < y.startDate ? -1 : x.startDate > y.startDate ? 1 : x.schoolId < y.schoolId ? -1 : 1)),
          );
          expect(findOverload(rowsAfter(recorded, writes))).toBeNull();
          expect(writes.insert.filter((i) => i.role === 'ASSIGNMENT')).toHaveLength(1);
        }),
      );
    });
  });
});
