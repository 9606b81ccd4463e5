import fc from 'fast-check';
import { addDays, toDay } from '../calendar/calendar-date';
import type { ClassificationChange } from '../classification/classification-timeline';
import {
  dayServiceReaches,
  DayInterval,
  qualifiesOn,
  qualifyingIntervals,
  qualifyingService,
  qualifyingServiceReaching,
  ServicePosting,
} from './qualifying-service';

const rule = { locations: ['RURAL'] as const, weakQualifies: true, minDailyMilli: 500 };
const change = (effectiveFrom: string, location: ClassificationChange['location'], weak: boolean | null): ClassificationChange => ({
  effectiveFrom,
  location,
  weak,
});
const posting = (schoolId: string, startDate: string, endDate: string | null, fraction = 1): ServicePosting => ({
  schoolId,
  startDate,
  endDate,
  fractionMilli: Math.round(fraction * 1000),
});

/** Schools of the examples: always rural, always urban, and schools whose classification changes. */
function schools(extra: Record<string, ClassificationChange[]> = {}): Map<string, DayInterval[]> {
  const changes: Record<string, ClassificationChange[]> = {
    rural: [change('1990-01-01', 'RURAL', false)],
    rural2: [change('1990-01-01', 'RURAL', false)],
    urban: [change('1990-01-01', 'URBAN', false)],
    ...extra,
  };
  return new Map(Object.entries(changes).map(([id, list]) => [id, qualifyingIntervals(list, rule)]));
}

describe('qualifying days', () => {
  it('counts inclusive days at rural schools up to the as-of day, open postings running to it', () => {
    const result = qualifyingService([posting('rural', '2026-02-01', null)], schools(), '2026-09-01', 500);
    expect(result.days).toBe(213);
    expect(result.periods).toEqual([{ schoolId: 'rural', schoolIds: ['rural'], from: '2026-02-01', to: '2026-09-01', days: 213 }]);
    expect(qualifyingService([posting('urban', '2010-01-01', null)], schools(), '2026-09-01', 500).days).toBe(0);
  });

  it('is zero without postings, and for an as-of day before every posting', () => {
    expect(qualifyingService([], schools(), '2026-09-01', 500)).toEqual({ days: 0, periods: [] });
    expect(qualifyingService([posting('rural', '2027-01-01', null)], schools(), '2026-09-01', 500).days).toBe(0);
  });

  it('counts a future as-of day as a projection', () => {
    expect(qualifyingService([posting('rural', '2026-09-01', null)], schools(), '2027-08-31', 500).days).toBe(365);
  });

  it('does not count a posting that ends the day before the school becomes rural', () => {
    const map = schools({ village: [change('2000-01-01', 'TOWN', false), change('2020-09-01', 'RURAL', null)] });
    expect(qualifyingService([posting('village', '2015-09-01', '2020-08-31')], map, '2026-09-01', 500).days).toBe(0);
    expect(qualifyingService([posting('village', '2015-09-01', '2020-09-01')], map, '2026-09-01', 500).days).toBe(1);
  });

  it('counts only the weak part of a posting when the school stops being weak mid-posting', () => {
    const map = schools({ improving: [change('2000-01-01', 'URBAN', true), change('2024-09-01', null, false)] });
    const result = qualifyingService([posting('improving', '2024-03-01', null)], map, '2026-09-01', 500);
    expect(result.days).toBe(toDay('2024-08-31') - toDay('2024-03-01') + 1);
    expect(result.periods).toEqual([{ schoolId: 'improving', schoolIds: ['improving'], from: '2024-03-01', to: '2024-08-31', days: 184 }]);
  });

  it('keeps one period when a school turns from rural to weak without a gap', () => {
    const map = schools({ shifting: [change('2000-01-01', 'RURAL', false), change('2019-09-01', 'TOWN', true)] });
    expect(qualifyingService([posting('shifting', '2018-09-01', '2020-08-31')], map, '2026-09-01', 500).periods).toHaveLength(1);
  });

  it('counts Feb 29', () => {
    expect(qualifyingService([posting('rural', '2024-02-28', '2024-03-01')], schools(), '2026-09-01', 500).days).toBe(3);
    expect(qualifyingService([posting('rural', '2023-02-28', '2023-03-01')], schools(), '2026-09-01', 500).days).toBe(2);
  });

  it('counts a shared posting of 0.5; not 0.4 alone; two of 0.3 at qualifying schools on the same days do', () => {
    expect(qualifyingService([posting('rural', '2026-01-01', '2026-01-10', 0.5)], schools(), '2026-09-01', 500).days).toBe(10);
    expect(qualifyingService([posting('rural', '2026-01-01', '2026-01-10', 0.4)], schools(), '2026-09-01', 500).days).toBe(0);
    const pair = qualifyingService(
      [posting('rural', '2026-01-01', '2026-01-10', 0.3), posting('rural2', '2026-01-05', '2026-01-20', 0.3)],
      schools(),
      '2026-09-01',
      500,
    );
    expect(pair.days).toBe(6);
    expect(pair.periods).toEqual([{ schoolId: 'rural', schoolIds: ['rural', 'rural2'], from: '2026-01-05', to: '2026-01-10', days: 6 }]);
    // 0.3 rural + 0.3 urban does not qualify: only rural or weak schools count.
    expect(
      qualifyingService(
        [posting('rural', '2026-01-01', '2026-01-10', 0.3), posting('urban', '2026-01-01', '2026-01-10', 0.7)],
        schools(),
        '2026-09-01',
        500,
      ).days,
    ).toBe(0);
  });

  it('counts overlapping postings once', () => {
    expect(
      qualifyingService([posting('rural', '2026-01-01', '2026-01-31'), posting('rural2', '2026-01-15', '2026-02-14')], schools(), '2026-09-01', 500)
        .days,
    ).toBe(45);
  });

  it('counts a 40-year career of alternating rural and urban years like the day-by-day definition', () => {
    const career = Array.from({ length: 40 }, (_, i) => posting(i % 2 === 0 ? 'rural' : 'urban', `${1986 + i}-09-01`, `${1987 + i}-08-31`));
    const map = schools();
    let dayByDay = 0;
    for (let day = '1986-09-01'; day <= '2026-09-01'; day = addDays(day, 1)) if (qualifiesOn(career, map, day, 500)) dayByDay++;
    // Rural years start in 1986, 1988, …, 2024; the school is rural from 1990, so 18 count, none holding a Feb 29.
    expect(qualifyingService(career, map, '2026-09-01', 500).days).toBe(18 * 365);
    expect(dayByDay).toBe(18 * 365);
  });
});

describe('qualifying days: properties', () => {
  const base = '2000-01-01';
  const schoolIds = ['a', 'b', 'c'];
  const arbitrarySchools = fc
    .tuple(
      ...schoolIds.map(() =>
        fc.array(
          fc.record({
            offset: fc.integer({ min: 0, max: 400 }),
            location: fc.constantFrom('URBAN', 'TOWN', 'RURAL', null),
            weak: fc.constantFrom(true, false, null),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      ),
    )
    .map((lists) => {
      const map = new Map<string, ClassificationChange[]>();
      lists.forEach((list, i) => {
        const changes = list.map((c) => change(addDays(base, c.offset), c.location, c.weak));
        changes.push(change(addDays(base, -1), 'TOWN', false));
        map.set(schoolIds[i], changes);
      });
      return map;
    });
  const arbitraryPosting = fc
    .record({
      school: fc.constantFrom(...schoolIds),
      start: fc.integer({ min: 0, max: 500 }),
      length: fc.integer({ min: 1, max: 200 }),
      open: fc.boolean(),
      milli: fc.integer({ min: 1, max: 1000 }),
    })
    .map((p) => ({
      schoolId: p.school,
      startDate: addDays(base, p.start),
      endDate: p.open ? null : addDays(base, p.start + p.length - 1),
      fractionMilli: p.milli,
    }));
  const asOf = addDays(base, 450);
  const intervalsOf = (changes: Map<string, ClassificationChange[]>) =>
    new Map([...changes].map(([id, list]) => [id, qualifyingIntervals(list, rule)]));

  /** The definition, day by day, as an oracle. */
  function oracle(postings: ServicePosting[], changes: Map<string, ClassificationChange[]>): number {
    const map = intervalsOf(changes);
    let days = 0;
    for (let d = 0; d <= 460; d++) {
      const day = addDays(base, d - 5);
      if (day > asOf) break;
      if (qualifiesOn(postings, map, day, 500)) days++;
    }
    return days;
  }

  it('matches the day-by-day definition', () => {
    fc.assert(
      fc.property(fc.array(arbitraryPosting, { maxLength: 6 }), arbitrarySchools, (postings, changes) => {
        expect(qualifyingService(postings, intervalsOf(changes), asOf, 500).days).toBe(oracle(postings, changes));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same days and periods when the sweep goes on past the as-of day to find when a requirement is reached', () => {
    fc.assert(
      fc.property(fc.array(arbitraryPosting, { maxLength: 6 }), arbitrarySchools, fc.integer({ min: 1, max: 900 }), (postings, changes, required) => {
        const plain = qualifyingService(postings, intervalsOf(changes), asOf, 500);
        const reaching = qualifyingServiceReaching(postings, intervalsOf(changes), asOf, 500, required);
        expect({ days: reaching.days, periods: reaching.periods }).toEqual(plain);
        if (reaching.reachedOn !== null) expect(qualifyingService(postings, intervalsOf(changes), reaching.reachedOn, 500).days).toBe(required);
      }),
      { numRuns: 150 },
    );
  });

  it('never exceeds the days elapsed, and the periods add up to the count without overlapping', () => {
    fc.assert(
      fc.property(fc.array(arbitraryPosting, { maxLength: 6 }), arbitrarySchools, (postings, changes) => {
        const result = qualifyingService(postings, intervalsOf(changes), asOf, 500);
        expect(result.days).toBeLessThanOrEqual(toDay(asOf) - toDay(base) + 1);
        expect(result.periods.reduce((sum, p) => sum + p.days, 0)).toBe(result.days);
        for (let i = 1; i < result.periods.length; i++) expect(result.periods[i].from > result.periods[i - 1].to).toBe(true);
        for (const period of result.periods) expect(period.to <= asOf).toBe(true);
      }),
    );
  });

  it('does not change when postings are split at arbitrary dates or given in another order', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryPosting, { minLength: 1, maxLength: 6 }),
        arbitrarySchools,
        fc.nat(),
        fc.integer({ min: 1, max: 199 }),
        (postings, changes, which, at) => {
          const map = intervalsOf(changes);
          const target = postings[which % postings.length];
          const cut = addDays(target.startDate, at);
          const split =
            target.endDate !== null && cut > target.endDate
              ? postings
              : [...postings.filter((p) => p !== target), { ...target, endDate: addDays(cut, -1) }, { ...target, startDate: cut }];
          const original = qualifyingService(postings, map, asOf, 500);
          expect(qualifyingService([...split].reverse(), map, asOf, 500)).toEqual(original);
        },
      ),
    );
  });

  it('never goes down when a posting is added', () => {
    fc.assert(
      fc.property(fc.array(arbitraryPosting, { maxLength: 6 }), arbitraryPosting, arbitrarySchools, (postings, extra, changes) => {
        const map = intervalsOf(changes);
        expect(qualifyingService([...postings, extra], map, asOf, 500).days).toBeGreaterThanOrEqual(qualifyingService(postings, map, asOf, 500).days);
      }),
    );
  });
});

describe('the day service reaches a requirement', () => {
  it('is the day on which the qualifying days first reach the requirement, whatever the postings', () => {
    const base = '2000-01-01';
    const arbitraryPosting = fc
      .record({
        school: fc.constantFrom('rural', 'rural2', 'urban', 'changing'),
        start: fc.integer({ min: 0, max: 400 }),
        length: fc.integer({ min: 1, max: 300 }),
        open: fc.boolean(),
        milli: fc.integer({ min: 1, max: 1000 }),
      })
      .map((p) => posting(p.school, addDays(base, p.start), p.open ? null : addDays(base, p.start + p.length - 1), p.milli / 1000));
    const map = schools({
      changing: [change('1990-01-01', 'URBAN', false), change('2000-06-01', 'RURAL', null), change('2000-12-01', 'TOWN', null)],
    });
    fc.assert(
      fc.property(fc.array(arbitraryPosting, { maxLength: 6 }), fc.integer({ min: 1, max: 400 }), (postings, required) => {
        const day = dayServiceReaches(postings, map, base, required, 500, 2);
        if (day === null) {
          expect(qualifyingService(postings, map, addDays(base, 365 * 3), 500).days).toBeLessThan(required);
        } else {
          expect(qualifyingService(postings, map, day, 500).days).toBe(required);
          expect(qualifyingService(postings, map, addDays(day, -1), 500).days).toBe(required - 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is the as-of day plus the days still missing, when the postings go on', () => {
    expect(dayServiceReaches([posting('rural', '2026-02-01', null)], schools(), '2026-09-01', 365, 500)).toBe('2027-01-31');
  });

  it('follows recorded plans: a posting that ends first means a later day, or never', () => {
    const plan = [posting('rural', '2026-02-01', '2026-12-31'), posting('rural2', '2027-09-01', null)];
    // 334 days by 2026-12-31, then 31 more from 2027-09-01.
    expect(dayServiceReaches(plan, schools(), '2026-09-01', 365, 500)).toBe('2027-10-01');
    expect(dayServiceReaches([posting('rural', '2026-02-01', '2026-12-31')], schools(), '2026-09-01', 365, 500)).toBeNull();
  });
});
