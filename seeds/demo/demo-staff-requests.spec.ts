import { findShortages, JIANGSU_2024_POLICY } from '@app/domain';
import { generateCounty } from '../generator/county-generator';
import { shortageFactsOf } from '../generator/shortage-facts';
import { DEMO_COUNTIES, demoCountySpec } from './demo-counties';
import { addDemoNewHire } from './demo-staff-requests';

const POLICY = JIANGSU_2024_POLICY;

/** What a scan would read and find at the county's first school (the demo principal's): its staff, and its flags as kind/subject keys. */
function firstSchool(county: ReturnType<typeof generateCounty>, day: string): { staff: number; flags: string[] } {
  const first = shortageFactsOf(county, day).find((school) => school.schoolId === county.directory[0].schoolId);
  if (!first) throw new Error('the first school has no facts');
  return {
    staff: first.staff.length,
    flags: findShortages(first, POLICY.parameters.shortage, POLICY.version).map((flag) => `${flag.kind}/${flag.subject}`),
  };
}

describe.each(['2026-09-01', '2026-03-10', '2027-01-15'].flatMap((day) => DEMO_COUNTIES.map((county) => [county.countyName, day, county] as const)))(
  'the new hire of the demo county %s’s fulfilled staff request (%s)',
  (_name, day, demoCounty) => {
    it('is an English teacher on quota, posted full-time at the principal’s school from the start of the school year, under a staff number of its own', () => {
      const county = generateCounty(demoCountySpec(demoCounty, day, POLICY.parameters));
      const teachers = county.teachers.length;
      addDemoNewHire(county, demoCounty.countyId, day, new Date(`${day}T00:00:00Z`));
      expect(county.teachers).toHaveLength(teachers + 1);
      const hire = county.teachers[teachers];
      expect(hire).toMatchObject({ subject: 'ENGLISH', on_quota: true, post: 'TEACHER', county_id: demoCounty.countyId });
      expect(String(hire.hire_date) <= day).toBe(true);
      expect(new Set(county.teachers.map((t) => t.staff_no)).size).toBe(county.teachers.length);
      expect(county.postings.filter((p) => p.teacher_id === hire.id)).toEqual([
        expect.objectContaining({
          school_id: county.directory[0].schoolId,
          start_date: hire.hire_date,
          end_date: null,
          kind: 'REGULAR',
          fraction_milli: 1000,
        }),
      ]);
    });

    it('brings supply only: the school keeps no flag it did not have, and its missing full-time psychology teacher stays', () => {
      const without = generateCounty(demoCountySpec(demoCounty, day, POLICY.parameters));
      const before = firstSchool(without, day);
      const withHire = generateCounty(demoCountySpec(demoCounty, day, POLICY.parameters));
      addDemoNewHire(withHire, demoCounty.countyId, day, new Date(`${day}T00:00:00Z`));
      const after = firstSchool(withHire, day);
      expect(after.staff).toBe(before.staff + 1);
      expect(after.flags.filter((flag) => !before.flags.includes(flag))).toEqual([]);
      expect(after.flags).toContain('PSY_FULLTIME_MISSING/PSYCHOLOGY');
    });
  },
);
