import { findShortages, JIANGSU_2024_POLICY } from '@app/domain';
import type { FoundShortage, ShortageSchoolFacts, ShortageStaffMember, Subject } from '@app/domain';
import { GeneratedCounty, generateCounty } from '../generator/county-generator';
import { shortageFactsOf } from '../generator/shortage-facts';
import { DEMO_COUNTIES, demoCountySpec } from './demo-counties';

const POLICY = JIANGSU_2024_POLICY;

/** The demo's schools with shortages, by county: they are planned from the county's seed, whatever the day. */
const FEATURED: Record<string, { noPe: string; noFullTimePsychology: string; shortOfMusic: string }> = {
  '320321': { noPe: '丰县常店镇中心小学', noFullTimePsychology: '丰县城南小学', shortOfMusic: '丰县王沟镇九年制学校' },
  '320481': { noPe: '溧阳别桥镇小学', noFullTimePsychology: '溧阳实验小学', shortOfMusic: '溧阳溧城街道小学' },
};

/** The demo is generated on the day it loads: the day the demo's end-to-end test runs on, and days before and after it. */
const DAYS = ['2026-09-01', '2026-03-10', '2027-01-15', '2028-06-11'];

const teaches = (member: ShortageStaffMember, subject: Subject) =>
  member.subject === subject || member.extraSubjects.some((extra) => extra.subject === subject);

describe.each(DAYS.flatMap((day) => DEMO_COUNTIES.map((county) => [county.countyName, day, county] as const)))(
  'the demo county %s, scanned with the default policy on the day it was generated (%s)',
  (_name, day, demoCounty) => {
    const featured = FEATURED[demoCounty.countyId];
    let county: GeneratedCounty;
    let facts: Map<string, ShortageSchoolFacts>;
    let flags: Map<string, FoundShortage[]>;
    const idOf = (name: string): string => {
      const school = county.directory.find((entry) => entry.name === name);
      if (!school) throw new Error(`no school named ${name}`);
      return school.schoolId;
    };
    const all = () => [...flags.values()].flat();

    beforeAll(() => {
      county = generateCounty(demoCountySpec(demoCounty, day, POLICY.parameters));
      const scanned = shortageFactsOf(county, day);
      facts = new Map(scanned.map((school) => [school.schoolId, school]));
      flags = new Map(scanned.map((school) => [school.schoolId, findShortages(school, POLICY.parameters.shortage, POLICY.version)]));
    });

    it('names the three schools with shortages', () => {
      expect(county.featuredShortages).toEqual({
        noPe: expect.objectContaining({ name: featured.noPe, schoolId: idOf(featured.noPe) }),
        noFullTimePsychology: expect.objectContaining({ name: featured.noFullTimePsychology, schoolId: idOf(featured.noFullTimePsychology) }),
        shortOfMusic: expect.objectContaining({ name: featured.shortOfMusic, schoolId: idOf(featured.shortOfMusic) }),
      });
    });

    it('finds nobody teaching PE at a village school: ZERO_COVERAGE, CRITICAL', () => {
      const id = idOf(featured.noPe);
      const school = facts.get(id) as ShortageSchoolFacts;
      expect(school.location).toBe('RURAL');
      expect(school.staff.length).toBeGreaterThan(5);
      expect(school.staff.filter((member) => teaches(member, 'PE'))).toEqual([]);
      expect(flags.get(id)).toContainEqual(expect.objectContaining({ kind: 'ZERO_COVERAGE', subject: 'PE', severity: 'CRITICAL', actualFte: 0 }));
    });

    it('finds a city school without a full-time psychology teacher, its psychology lessons and 1:500 met by part-time ones', () => {
      const id = idOf(featured.noFullTimePsychology);
      const school = facts.get(id) as ShortageSchoolFacts;
      expect(school.location).toBe('URBAN');
      expect(school.staff.filter((member) => member.psychology === 'FULL_TIME')).toEqual([]);
      expect(school.staff.filter((member) => member.psychology === 'PART_TIME').length).toBeGreaterThan(0);
      const found = flags.get(id) as FoundShortage[];
      expect(found).toContainEqual(
        expect.objectContaining({ kind: 'PSY_FULLTIME_MISSING', subject: 'PSYCHOLOGY', severity: 'CRITICAL', actualFte: 0 }),
      );
      expect(found.filter((flag) => flag.kind === 'PSY_PARTTIME_SHORT' || (flag.kind === 'ZERO_COVERAGE' && flag.subject === 'PSYCHOLOGY'))).toEqual(
        [],
      );
    });

    it('finds a school short of music: one teacher gives it a fifth of the week', () => {
      const found = flags.get(idOf(featured.shortOfMusic)) as FoundShortage[];
      const music = found.find((flag) => flag.subject === 'MUSIC');
      expect(music).toMatchObject({ kind: 'SUBJECT_GAP', severity: expect.stringMatching(/^(MEDIUM|HIGH)$/) });
      expect(music?.gap).toBeGreaterThanOrEqual(POLICY.parameters.shortage.gapThreshold);
      expect(music?.explanation.actual.teachers).toEqual([expect.objectContaining({ postingFraction: 1, share: 0.2, fte: 0.2 })]);
    });

    it("gives the demo principal's school a HIGH or CRITICAL flag, so that a scan notifies the principal", () => {
      const first = county.directory[0];
      expect(first.principalId).toEqual(expect.any(String));
      expect(first.schoolId).toBe(idOf(featured.noFullTimePsychology));
      expect((flags.get(first.schoolId) ?? []).filter((flag) => flag.severity === 'HIGH' || flag.severity === 'CRITICAL').length).toBeGreaterThan(0);
    });

    it('finds a handful to a few dozen flags in the county, most of them not critical, and floods no school', () => {
      const found = all();
      const critical = found.filter((flag) => flag.severity === 'CRITICAL');
      expect(found.length).toBeGreaterThanOrEqual(5);
      expect(found.length).toBeLessThanOrEqual(40);
      expect(critical.length).toBeGreaterThanOrEqual(2);
      expect(critical.length).toBeLessThanOrEqual(6);
      expect(found.length - critical.length).toBeGreaterThanOrEqual(3);
      expect([...flags.values()].filter((schoolFlags) => schoolFlags.length > 4)).toEqual([]);
    });

    it('covers psychology, labour, comprehensive practice and information technology by extra subjects (一专多能), leaving few subjects nobody teaches', () => {
      const extras = new Set(county.extraSubjects.map((row) => row.subject));
      for (const subject of ['PSYCHOLOGY', 'LABOR', 'COMPREHENSIVE_PRACTICE', 'INFO_TECH'] as const) expect(extras.has(subject)).toBe(true);
      const noPe = idOf(featured.noPe);
      const nobody = [...flags].filter(([id, found]) =>
        found.some((flag) => flag.kind === 'ZERO_COVERAGE' && !(id === noPe && flag.subject === 'PE')),
      );
      expect(nobody.length).toBeLessThanOrEqual(3);
    });
  },
);
