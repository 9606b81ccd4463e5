import type { BulkRow } from '@app/database';
import type { GeneratedCounty } from './county-generator';
import { shortageFactsOf } from './shortage-facts';

const school = (id: string, stage: string, townshipCentral: boolean): BulkRow => ({ id, stage, township_central: townshipCentral });
const teacher = (id: string, name: string, subject: string, psychology = 'NONE'): BulkRow => ({ id, name, subject, psychology });
const posting = (teacherId: string, schoolId: string, start: string, end: string | null, fraction: number): BulkRow => ({
  teacher_id: teacherId,
  school_id: schoolId,
  start_date: start,
  end_date: end,
  fraction_milli: fraction,
});

/** Two schools: a town central primary school classified RURAL, then TOWN (a change that sets only the location), and a city one without enrolment. */
const COUNTY: GeneratedCounty = {
  schools: [school('s1', 'PRIMARY', true), school('s2', 'JUNIOR', false)],
  classifications: [
    { school_id: 's1', effective_from: '2005-09-01', location: 'RURAL', weak: false },
    { school_id: 's1', effective_from: '2019-09-01', location: 'TOWN', weak: null },
    { school_id: 's1', effective_from: '2022-09-01', location: null, weak: true },
    { school_id: 's2', effective_from: '2005-09-01', location: 'URBAN', weak: false },
  ],
  enrolments: [
    { id: 'e2025', school_id: 's1', school_year: 2025 },
    { id: 'e2026', school_id: 's1', school_year: 2026 },
  ],
  grades: [
    { enrolment_id: 'e2025', grade: 1, students: 40, classes: 1 },
    { enrolment_id: 'e2025', grade: 2, students: 50, classes: 2 },
    { enrolment_id: 'e2026', grade: 1, students: 99, classes: 3 },
  ],
  teachers: [
    teacher('t1', '王芳', 'MATH'),
    teacher('t2', '李强', 'MORAL_LAW', 'PART_TIME'),
    teacher('t3', '张敏', 'PE'),
    teacher('t4', '陈静', 'PSYCHOLOGY', 'FULL_TIME'),
  ],
  extraSubjects: [
    { teacher_id: 't1', subject: 'PE', fraction_milli: 200 },
    { teacher_id: 't1', subject: 'INFO_TECH', fraction_milli: 100 },
  ],
  postings: [
    posting('t1', 's1', '2020-09-01', null, 1000),
    // Shared (走教) this school year: 0.8 at home, 0.2 at the other school.
    posting('t2', 's1', '2018-09-01', '2025-08-31', 1000),
    posting('t2', 's1', '2025-09-01', null, 800),
    posting('t2', 's2', '2025-09-01', '2026-07-15', 200),
    // Left before the day; starts after it.
    posting('t3', 's1', '2015-09-01', '2025-12-31', 1000),
    posting('t4', 's2', '2026-04-01', null, 1000),
  ],
  trainingRecords: [],
  directory: [],
  featured: null,
  featuredShortages: null,
};

describe('shortageFactsOf', () => {
  it('reads each school on the day: classification in force, enrolment of the school year containing the day, and the teachers posted there with their fractions summed', () => {
    expect(shortageFactsOf(COUNTY, '2026-03-10')).toEqual([
      {
        schoolId: 's1',
        stage: 'PRIMARY',
        location: 'TOWN',
        townshipCentral: true,
        enrolment: {
          schoolYear: 2025,
          grades: [
            { grade: 1, students: 40, classes: 1 },
            { grade: 2, students: 50, classes: 2 },
          ],
        },
        staff: [
          {
            teacherId: 't1',
            name: '王芳',
            fractionMilli: 1000,
            subject: 'MATH',
            extraSubjects: [
              { subject: 'PE', fractionMilli: 200 },
              { subject: 'INFO_TECH', fractionMilli: 100 },
            ],
            psychology: 'NONE',
          },
          { teacherId: 't2', name: '李强', fractionMilli: 800, subject: 'MORAL_LAW', extraSubjects: [], psychology: 'PART_TIME' },
        ],
      },
      {
        schoolId: 's2',
        stage: 'JUNIOR',
        location: 'URBAN',
        townshipCentral: false,
        enrolment: null,
        staff: [{ teacherId: 't2', name: '李强', fractionMilli: 200, subject: 'MORAL_LAW', extraSubjects: [], psychology: 'PART_TIME' }],
      },
    ]);
  });

  it('takes the latest enrolment of a school year up to the day, counts a posting on its first and last day, and not the day after', () => {
    const [s1, s2] = shortageFactsOf(COUNTY, '2026-09-01');
    expect(s1.enrolment?.schoolYear).toBe(2026);
    expect(s1.staff.map((member) => [member.teacherId, member.fractionMilli])).toEqual([
      ['t1', 1000],
      ['t2', 800],
    ]);
    expect(s2.staff.map((member) => member.teacherId)).toEqual(['t4']);
    expect(shortageFactsOf(COUNTY, '2026-07-15')[1].staff.map((member) => member.teacherId)).toEqual(['t2', 't4']);
    expect(shortageFactsOf(COUNTY, '2025-12-31')[0].staff.map((member) => member.teacherId)).toEqual(['t1', 't2', 't3']);
  });
});
