import { ImportRow, planImport, planWorkbook, RegistrySnapshot, sortProblems, TeacherRecord } from './import-plan';

let n = 0;
const newId = () => `id-${++n}`;

const teacher: TeacherRecord = {
  id: 't1',
  staffNo: 'FX1',
  name: '王静',
  gender: 'FEMALE',
  birthDate: '1986-04-12',
  hireDate: '2008-09-01',
  onQuota: true,
  subject: 'CHINESE',
  titleLevel: 'FIRST',
  titleSince: '2018-09-01',
  backbone: 'COUNTY',
  psychology: 'NONE',
  post: 'TEACHER',
  version: 3,
  extras: [{ subject: 'MUSIC', fractionMilli: 200 }],
};

const registry: RegistrySnapshot = {
  countyId: '320321',
  outsideSchools: [],
  schools: [
    {
      id: 's1',
      code: 'FX0001',
      name: '丰县城南小学',
      stage: 'PRIMARY',
      townshipCentral: false,
      boarding: false,
      groupId: null,
      districtId: null,
      version: 1,
    },
    {
      id: 's2',
      code: 'FX0002',
      name: '丰县常店镇中心小学',
      stage: 'PRIMARY',
      townshipCentral: true,
      boarding: false,
      groupId: null,
      districtId: null,
      version: 1,
    },
  ],
  clusters: [],
  classifications: [{ id: 'c1', schoolId: 's1', effectiveFrom: '1900-01-01', location: 'URBAN', weak: false }],
  enrolments: [],
  teachers: [teacher],
  postings: [{ id: 'p1', teacherId: 't1', schoolId: 's1', startDate: '2008-09-01', endDate: null, kind: 'REGULAR', fractionMilli: 1000, version: 1 }],
  trainingRecords: [],
};

const posting = (row: number, values: Record<string, string | number | null>): ImportRow => ({
  row,
  values: { staffNo: 'FX1', schoolCode: 'FX0002', endDate: null, kind: 'ROTATION', fraction: null, ...values },
});

describe('planning an import against the registry', () => {
  it('refuses what the API refuses, with its codes, and leaves a refused row out of the rows after it', () => {
    const plan = planImport(
      'postings',
      [
        posting(2, { startDate: '2020-09-01' }), // the open home posting is full: overlap
        posting(3, { startDate: '2007-09-01', endDate: '2007-12-31' }), // before hire
        posting(4, { startDate: '2021-09-01', endDate: '2021-01-01' }), // ends before it starts
        posting(5, { staffNo: 'NOBODY', schoolCode: 'NOWHERE', startDate: '2021-09-01' }),
        posting(6, { schoolCode: 'FX0001', startDate: '2008-09-01', endDate: '2020-08-31' }), // closes home: then 2 would fit, but 2 came first
        posting(7, { startDate: '2020-09-01', endDate: null, kind: 'ROTATION' }), // repeats row 2's key
      ],
      registry,
      newId,
    );
    expect(plan.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'startDate', 'POSTING_BEFORE_HIRE'],
      [4, 'endDate', 'VALIDATION_FAILED'],
      [5, 'staffNo', 'NOT_FOUND'],
      [5, 'schoolCode', 'NOT_FOUND'],
      [7, 'startDate', 'DUPLICATE'],
    ]);
    // Row 6 shortens the home posting first, so row 2 fits: the file is judged as a whole.
    expect(plan.changes.postings.update).toEqual([expect.objectContaining({ id: 'p1', endDate: '2020-08-31', version: 2 })]);
    expect(plan.changes.postings.insert).toEqual([expect.objectContaining({ schoolId: 's2', startDate: '2020-09-01', fractionMilli: 1000 })]);
  });

  it('names the row that takes a day above one full post (POSTING_OVERLAP)', () => {
    const plan = planImport(
      'postings',
      [posting(2, { startDate: '2020-09-01', fraction: 500 }), posting(3, { startDate: '2021-09-01', schoolCode: 'FX0001', fraction: 300 })],
      registry,
      newId,
    );
    expect(plan.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'POSTING_OVERLAP'],
      [3, 'POSTING_OVERLAP'],
    ]);
  });

  it('changes nothing for rows equal to what is stored, and updates only what differs', () => {
    const same = {
      staffNo: 'FX1',
      name: '王静',
      gender: 'FEMALE',
      birthDate: '1986-04-12',
      hireDate: '2008-09-01',
      onQuota: true,
      subject: 'CHINESE',
      extraSubjects: [{ subject: 'MUSIC' as const, fraction: 0.2 }],
      titleLevel: 'FIRST',
      titleSince: '2018-09-01',
      backbone: 'COUNTY',
      psychology: 'NONE',
      post: 'TEACHER',
    };
    expect(planImport('teachers', [{ row: 2, values: same }], registry, newId).counts).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const edited = planImport('teachers', [{ row: 2, values: { ...same, extraSubjects: null } }], registry, newId);
    expect(edited.counts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(edited.changes.teachers.update[0]).toMatchObject({ id: 't1', version: 4, extras: [] });
    const later = planImport('teachers', [{ row: 2, values: { ...same, hireDate: '2009-09-01' } }], registry, newId);
    expect(later.problems.map((p) => [p.column, p.code])).toEqual([['hireDate', 'POSTING_BEFORE_HIRE']]);
    const noTitleDate = planImport('teachers', [{ row: 2, values: { ...same, titleSince: null } }], registry, newId);
    expect(noTitleDate.problems.map((p) => [p.column, p.code])).toEqual([['titleSince', 'VALIDATION_FAILED']]);
  });

  it('upserts schools by code with their first classification, and classifications by school and day', () => {
    const schools = planImport(
      'schools',
      [
        {
          row: 2,
          values: {
            code: 'FX0001',
            name: '丰县城南小学',
            stage: 'PRIMARY',
            location: 'URBAN',
            weak: false,
            townshipCentral: null,
            boarding: null,
            classifiedFrom: null,
          },
        },
        {
          row: 3,
          values: {
            code: 'FX0003',
            name: '新学校',
            stage: 'JUNIOR',
            location: 'RURAL',
            weak: true,
            townshipCentral: null,
            boarding: true,
            classifiedFrom: '2015-09-01',
          },
        },
      ],
      registry,
      newId,
    );
    expect(schools.counts).toEqual({ created: 1, updated: 0, unchanged: 1 });
    expect(schools.changes.classifications.insert).toEqual([expect.objectContaining({ effectiveFrom: '2015-09-01', location: 'RURAL', weak: true })]);
    const changes = planImport(
      'classifications',
      [
        { row: 2, values: { schoolCode: 'FX0001', effectiveFrom: '2022-09-01', location: 'RURAL', weak: null } },
        { row: 3, values: { schoolCode: 'FX0002', effectiveFrom: '2022-09-01', location: 'RURAL', weak: null } },
        { row: 4, values: { schoolCode: 'FX0001', effectiveFrom: '2023-09-01', location: null, weak: null } },
      ],
      registry,
      newId,
    );
    expect(changes.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'weak'],
      [4, 'location'],
    ]);
  });

  it('checks a school year’s enrolment as a whole, as PUT /schools/:id/enrolment does', () => {
    const row = (r: number, grade: number, students: number, classes: number, boarders: number | null = null): ImportRow => ({
      row: r,
      values: { schoolCode: 'FX0001', schoolYear: 2026, grade, students, classes, boarders },
    });
    const plan = planImport('enrolment', [row(2, 1, 40, 1, 10), row(3, 1, 40, 1, 10), row(4, 7, 3, 5, 10), row(5, 2, 40, 0, 20)], registry, newId);
    expect(plan.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'grade', 'DUPLICATE'],
      [4, 'grade', 'VALIDATION_FAILED'],
      [4, 'classes', 'VALIDATION_FAILED'],
      [5, 'classes', 'VALIDATION_FAILED'],
      [5, 'boarders', 'VALIDATION_FAILED'],
    ]);
    const good = planImport('enrolment', [row(2, 1, 40, 1), row(3, 2, 38, 1)], registry, newId);
    expect(good.changes.enrolments.insert).toEqual([
      expect.objectContaining({ schoolId: 's1', schoolYear: 2026, boarders: 0, grades: expect.any(Array) }),
    ]);
  });

  it('orders problems by row, then by the sheet’s column order, the row as a whole first', () => {
    const sorted = sortProblems('postings', [
      { row: 3, column: 'fraction', code: 'VALIDATION_FAILED', message: '' },
      { row: 3, column: 'staffNo', code: 'NOT_FOUND', message: '' },
      { row: 2, column: 'kind', code: 'VALIDATION_FAILED', message: '' },
      { row: 3, column: null, code: 'VALIDATION_FAILED', message: '' },
    ]);
    expect(sorted.map((p) => `${p.row}.${p.column}`)).toEqual(['2.kind', '3.null', '3.staffNo', '3.fraction']);
  });

  it('plans a workbook of several kinds in their order, each sheet seeing the rows of the sheets before it, and writes a row once', () => {
    const school = {
      code: 'FX0009',
      name: '丰县新校',
      stage: 'PRIMARY',
      location: 'RURAL',
      weak: false,
      townshipCentral: null,
      boarding: null,
      classifiedFrom: '2020-09-01',
    };
    const newTeacher = { ...teacher, staffNo: 'FX9', extraSubjects: null, titleLevel: 'FIRST', titleSince: '2018-09-01' };
    const plan = planWorkbook(
      [
        // Given out of order: postings name the teacher and school of the sheets read before them.
        { kind: 'postings', rows: [posting(2, { staffNo: 'FX9', schoolCode: 'FX0009', startDate: '2020-09-01', kind: 'REGULAR' })] },
        { kind: 'teachers', rows: [{ row: 2, values: newTeacher as unknown as ImportRow['values'] }] },
        { kind: 'classifications', rows: [{ row: 2, values: { schoolCode: 'FX0009', effectiveFrom: '2020-09-01', location: null, weak: true } }] },
        { kind: 'schools', rows: [{ row: 2, values: school }] },
      ],
      registry,
      newId,
    );
    expect(plan.sheets).toEqual([[], [], [], []]);
    expect(plan.counts).toEqual({ created: 3, updated: 1, unchanged: 0 });
    expect(plan.changes.schools.insert.map((s) => s.code)).toEqual(['FX0009']);
    // The classification the schools sheet inserts, changed by the classifications sheet, is inserted once as it ends up.
    expect(plan.changes.classifications.insert).toEqual([expect.objectContaining({ effectiveFrom: '2020-09-01', location: 'RURAL', weak: true })]);
    expect(plan.changes.classifications.update).toEqual([]);
    expect(plan.changes.postings.insert).toEqual([
      expect.objectContaining({ teacherId: plan.changes.teachers.insert[0].id, schoolId: plan.changes.schools.insert[0].id }),
    ]);

    const alone = planImport('postings', [posting(2, { staffNo: 'FX9', schoolCode: 'FX0009', startDate: '2020-09-01' })], registry, newId);
    expect(alone.problems.map((p) => p.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });

  it('judges training records by the training rules in force, matches them by teacher, title and dates, and never changes a decided one', () => {
    const training = { cycleYears: 5, cycleAnchorYear: 2021, hoursPerCycle: 360, hourStep: 0.5, maxHoursPerDay: 8 };
    const stored = { teacherId: 't1', provider: '江苏省教育厅', category: 'PROVINCIAL' as const, hours: 24, endDate: '2026-07-03', version: 1 };
    const withRecords: RegistrySnapshot = {
      ...registry,
      trainingRecords: [
        { ...stored, id: 'r1', title: '已批准', startDate: '2026-07-01', status: 'APPROVED' },
        { ...stored, id: 'r2', title: '待审核', startDate: '2026-07-01', status: 'SUBMITTED' },
        { ...stored, id: 'r3', title: '不变', startDate: '2026-07-01', status: 'REJECTED' },
      ],
    };
    const row = (n: number, values: Record<string, string>): ImportRow => ({
      row: n,
      values: {
        staffNo: 'FX1',
        provider: '江苏省教育厅',
        category: 'PROVINCIAL',
        hours: '24',
        startDate: '2026-07-01',
        endDate: '2026-07-03',
        ...values,
      },
    });
    const plan = planImport(
      'training-records',
      [
        row(2, { title: '不变' }),
        row(3, { title: '已批准', hours: '16' }),
        row(4, { title: '待审核', hours: '16' }),
        row(5, { title: '新的', hours: '16.5' }),
        row(6, { title: '步长', hours: '16.2' }),
      ],
      withRecords,
      newId,
      { today: '2026-09-01', training },
    );
    expect(plan.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'hours', 'ALREADY_DECIDED'],
      [6, 'hours', 'VALIDATION_FAILED'],
    ]);
    expect(plan.counts).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(plan.changes.trainingRecords.update).toEqual([expect.objectContaining({ id: 'r2', hours: 16, version: 2 })]);
    // The step is the policy's: with whole hours only, 16.5 is refused too.
    const stricter = planImport('training-records', [row(5, { title: '新的', hours: '16.5' })], withRecords, newId, {
      today: '2026-09-01',
      training: { ...training, hourStep: 1 },
    });
    expect(stricter.problems.map((p) => [p.row, p.column])).toEqual([[5, 'hours']]);
  });
});
