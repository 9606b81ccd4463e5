import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { account, Client, loginAdmin } from './support/api';
import { eventually } from './support/eventually';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

interface Line {
  schoolId: string;
  code: string;
  name: string;
  stage: string;
  location: string | null;
  enrolmentSchoolYear: number | null;
  students: number | null;
  standardQuota: number | null;
  allocatedQuota: number | null;
  onQuotaHeadcount: number;
  vacancy: number | null;
  status: string;
  openShortageFlags: number;
}

interface Totals {
  schools: number;
  students: number;
  standardQuota: number;
  allocatedQuota: number;
  onQuotaHeadcount: number;
  vacancy: number;
  openShortageFlags: number;
  over: number;
  under: number;
  atQuota: number;
  withoutAllocation: number;
  withoutEnrolment: number;
}

const grades = (from: number, to: number, students: number, classes: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ grade: from + i, students, classes }));

/**
 * Staffing reports through HTTP: a school's standard quota with its breakdown (student ratio, class ratio of a
 * village school and a teaching point, boarding, an earlier year's enrolment), its allocation, its fraction-weighted
 * on-quota headcount and vacancy on a day; a county's report with its totals, the schools over and under, and its
 * XLSX download read back; the roll-up of a city and of the province; each role's reach; bad input; and a county
 * report whose number of SQL statements does not grow with the county's schools.
 */
describe('staffing reports', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let neighbour: Client;
  let city: Client;
  let principal: Client;
  let teacher: Client;
  let huashan: { id: string; code: string };
  let huankou: { id: string; code: string };
  let point: { id: string; code: string };
  let nineYear: { id: string; code: string };
  let newSchool: { id: string; code: string };

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-10-15', env: { SHORTAGE_RESCAN_DELAY_MS: '3600000' } });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    neighbour = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });

    huashan = await createSchool(officer, { code: 'FX01', name: '华山中心小学', location: 'URBAN' });
    huankou = await createSchool(officer, { code: 'FX02', name: '欢口村小', location: 'RURAL' });
    point = await createSchool(officer, { code: 'FX03', name: '欢口教学点', location: 'RURAL', stage: 'TEACHING_POINT' });
    nineYear = await createSchool(officer, { code: 'FX04', name: '首羡九年制学校', location: 'TOWN', stage: 'NINE_YEAR', boarding: true });
    newSchool = await createSchool(officer, { code: 'FX05', name: '丰县新城小学', location: 'URBAN' });
    const enrol = async (school: { id: string }, body: object) =>
      expect((await officer.put(`/schools/${school.id}/enrolment`, body)).status).toBe(200);
    await enrol(huashan, { schoolYear: 2026, grades: grades(1, 5, 38, 1) }); // 190 pupils ÷ 19 = 10
    await enrol(huankou, { schoolYear: 2026, grades: grades(1, 6, 10, 1) }); // 60 pupils in 6 classes: 6 × 1.8 = 10.8 → 11
    await enrol(point, { schoolYear: 2026, grades: grades(1, 2, 6, 1) }); // 2 classes × 1.8 = 3.6 → 4
    // Only last year's enrolment: 480/19 + 405/13.5 = 55.26 → 56, and 150 boarders → 2 more.
    await enrol(nineYear, { schoolYear: 2025, grades: [...grades(1, 6, 80, 2), ...grades(7, 9, 135, 3)], boarders: 150 });

    // 华山: the principal and two teachers full time, one shared half time with 欢口 this school year, one off the quota,
    // one whose posting ended at the end of the last school year.
    const head = await createTeacher(officer, { name: '王校长', post: 'PRINCIPAL', subject: 'CHINESE' });
    await createPosting(officer, head.id, { schoolId: huashan.id, startDate: '2016-09-01' });
    principal = await account(t, officer, { username: 'principal.huashan', role: 'PRINCIPAL', schoolId: huashan.id, teacherId: head.id });
    for (const name of ['李老师', '张老师']) {
      const full = await createTeacher(officer, { name });
      await createPosting(officer, full.id, { schoolId: huashan.id, startDate: '2018-09-01' });
    }
    const shared = await createTeacher(officer, { name: '赵老师', subject: 'MUSIC' });
    await createPosting(officer, shared.id, { schoolId: huashan.id, startDate: '2026-09-01', kind: 'SHARED', fraction: 0.5 });
    await createPosting(officer, shared.id, { schoolId: huankou.id, startDate: '2026-09-01', kind: 'SHARED', fraction: 0.5 });
    const contract = await createTeacher(officer, { name: '代课教师', onQuota: false });
    await createPosting(officer, contract.id, { schoolId: huashan.id, startDate: '2025-09-01' });
    const left = await createTeacher(officer, { name: '周老师' });
    await createPosting(officer, left.id, { schoolId: huashan.id, startDate: '2020-09-01', endDate: '2026-08-31' });
    teacher = await account(t, officer, { username: 'teacher.zhou', role: 'TEACHER', teacherId: left.id });
    // 欢口: two full-time teachers and the shared one.
    for (const name of ['孙老师', '吴老师']) {
      const full = await createTeacher(officer, { name });
      await createPosting(officer, full.id, { schoolId: huankou.id, startDate: '2015-09-01' });
    }

    // The pool of 2026: 华山 3 (3.5 posted: overstaffed 0.5), 欢口 5 (2.5 posted), the teaching point 0, the nine-year school 20, the new school none.
    expect((await officer.put('/counties/320321/quota', { year: 2026, approvedTotal: 40 })).status).toBe(200);
    for (const [school, allocated] of [
      [huashan, 3],
      [huankou, 5],
      [point, 0],
      [nineYear, 20],
    ] as const) {
      expect((await officer.put(`/schools/${school.id}/quota-allocation`, { year: 2026, allocated })).status).toBe(200);
    }
  });
  afterAll(() => t.close());

  describe('a school', () => {
    it('shows the standard quota with its breakdown, the allocation, the fraction-weighted headcount and the vacancy', async () => {
      const response = await officer.get(`/schools/${huashan.id}/staffing?asOf=2026-10-15`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        schoolId: huashan.id,
        code: 'FX01',
        name: '华山中心小学',
        countyId: '320321',
        stage: 'PRIMARY',
        location: 'URBAN',
        asOf: '2026-10-15',
        year: 2026,
        enrolmentSchoolYear: 2026,
        students: 190,
        boarders: 0,
        standardQuota: 10,
        breakdown: [
          {
            rule: 'STUDENT_RATIO',
            band: 'primary',
            students: 190,
            studentsPerStaff: 19,
            classes: null,
            teachersPerClass: null,
            boarders: null,
            boardersPerStaff: null,
            staff: 10,
            summary: { zh: '小学学段：学生 190 人 ÷ 生师比 19 = 10', en: 'Primary band: 190 pupils ÷ 19 pupils per staff member = 10' },
          },
        ],
        smallSchool: null,
        allocatedQuota: 3,
        onQuotaHeadcount: 3.5,
        vacancy: -0.5,
        status: 'OVER',
        openShortageFlags: 0,
        policyVersion: 'jiangsu-2024.1',
      });
    });

    it('gives a 60-pupil village school the class ratio, and counts the shared teacher there for half', async () => {
      const body = (await officer.get(`/schools/${huankou.id}/staffing`)).body;
      expect(body).toMatchObject({
        asOf: '2026-10-15',
        standardQuota: 11,
        smallSchool: { reason: 'LOCATION', students: 60, maxStudents: 100, studentRatioQuota: 4, classRatioQuota: 11, applied: 'CLASS_RATIO' },
        allocatedQuota: 5,
        onQuotaHeadcount: 2.5,
        vacancy: 2.5,
        status: 'UNDER',
      });
      expect(body.breakdown.map((part: { rule: string; staff: number }) => [part.rule, part.staff])).toEqual([
        ['CLASS_RATIO', 10.8],
        ['ROUNDING', 0.2],
      ]);
    });

    it('gives a teaching point the class ratio whatever its size', async () => {
      const body = (await officer.get(`/schools/${point.id}/staffing`)).body;
      expect(body).toMatchObject({
        standardQuota: 4,
        smallSchool: { reason: 'STAGE' },
        allocatedQuota: 0,
        onQuotaHeadcount: 0,
        vacancy: 0,
        status: 'AT_QUOTA',
      });
    });

    it('reads the latest enrolment before the year when the year has none, and adds the boarding posts', async () => {
      const body = (await officer.get(`/schools/${nineYear.id}/staffing`)).body;
      expect(body).toMatchObject({
        enrolmentSchoolYear: 2025,
        students: 885,
        boarders: 150,
        standardQuota: 58,
        allocatedQuota: 20,
        vacancy: 20,
        status: 'UNDER',
      });
      expect(body.breakdown.map((part: { rule: string; band: string | null; staff: number }) => [part.rule, part.band, part.staff])).toEqual([
        ['STUDENT_RATIO', 'primary', 25.263],
        ['STUDENT_RATIO', 'junior', 30],
        ['ROUNDING', null, 0.737],
        ['BOARDING', null, 2],
      ]);
    });

    it('has no standard quota without an enrolment, and no vacancy without an allocation', async () => {
      expect((await officer.get(`/schools/${newSchool.id}/staffing`)).body).toMatchObject({
        enrolmentSchoolYear: null,
        students: null,
        boarders: null,
        standardQuota: null,
        breakdown: [],
        smallSchool: null,
        allocatedQuota: null,
        onQuotaHeadcount: 0,
        vacancy: null,
        status: 'UNALLOCATED',
      });
    });

    it('judges an earlier day: its school year’s allocation (none) and the teachers posted then', async () => {
      expect((await officer.get(`/schools/${huashan.id}/staffing?asOf=2026-06-01`)).body).toMatchObject({
        asOf: '2026-06-01',
        year: 2025,
        enrolmentSchoolYear: null,
        standardQuota: null,
        allocatedQuota: null,
        // The principal, 李, 张 and 周 (whose posting ran to 2026-08-31); the shared teacher came in September.
        onQuotaHeadcount: 4,
        vacancy: null,
        status: 'UNALLOCATED',
      });
    });
  });

  describe('a county', () => {
    let report: { schools: Line[]; totals: Totals } & Record<string, unknown>;

    beforeAll(async () => {
      const response = await officer.get('/counties/320321/staffing-report');
      expect(response.status).toBe(200);
      report = response.body;
    });

    it('lists every school by code with its figures, the pool and the totals', () => {
      expect(report).toMatchObject({
        countyId: '320321',
        countyName: '丰县',
        year: 2026,
        asOf: '2026-10-15',
        policyVersion: 'jiangsu-2024.1',
        pool: { approvedTotal: 40, allocated: 28, unallocated: 12 },
      });
      expect(report.schools.map((s) => [s.code, s.standardQuota, s.allocatedQuota, s.onQuotaHeadcount, s.vacancy, s.status])).toEqual([
        ['FX01', 10, 3, 3.5, -0.5, 'OVER'],
        ['FX02', 11, 5, 2.5, 2.5, 'UNDER'],
        ['FX03', 4, 0, 0, 0, 'AT_QUOTA'],
        ['FX04', 58, 20, 0, 20, 'UNDER'],
        ['FX05', null, null, 0, null, 'UNALLOCATED'],
      ]);
      expect(report.totals).toEqual({
        schools: 5,
        students: 190 + 60 + 12 + 885,
        standardQuota: 83,
        allocatedQuota: 28,
        onQuotaHeadcount: 6,
        vacancy: 22,
        openShortageFlags: 0,
        over: 1,
        under: 2,
        atQuota: 1,
        withoutAllocation: 1,
        withoutEnrolment: 1,
      });
    });

    it('names the schools over their allocation and those with posts to fill, the largest first', () => {
      expect(report.overstaffed).toEqual([
        { schoolId: huashan.id, code: 'FX01', name: '华山中心小学', allocatedQuota: 3, onQuotaHeadcount: 3.5, vacancy: -0.5 },
      ]);
      expect((report.understaffed as { code: string; vacancy: number }[]).map((s) => [s.code, s.vacancy])).toEqual([
        ['FX04', 20],
        ['FX02', 2.5],
      ]);
    });

    it('judges a past year on its last day, and refuses a day outside the year asked for (400 naming asOf)', async () => {
      const past = await officer.get('/counties/320321/staffing-report?year=2025');
      expect(past.body).toMatchObject({ year: 2025, asOf: '2026-08-31', pool: { approvedTotal: null, allocated: 0, unallocated: null } });
      expect(past.body.totals).toMatchObject({ withoutAllocation: 5, standardQuota: 58 });
      const wrong = await officer.get('/counties/320321/staffing-report?year=2026&asOf=2026-08-31');
      expect(wrong.status).toBe(400);
      expect(wrong.body.details.fields).toHaveProperty('asOf');
    });

    it('counts each school’s open shortage flags', async () => {
      const started = await officer.post('/shortage-scans', { countyId: '320321' });
      expect(started.status).toBe(202);
      await eventually(async () => expect((await officer.get(`/shortage-scans/${started.body.scanId}`)).body.status).toBe('DONE'), 60_000);
      const flags = (await officer.get('/shortage-flags?countyId=320321&status=OPEN&pageSize=500')).body.items as { schoolId: string }[];
      expect(flags.length).toBeGreaterThan(0);
      const lines = (await officer.get('/counties/320321/staffing-report')).body.schools as Line[];
      for (const line of lines) expect(line.openShortageFlags).toBe(flags.filter((flag) => flag.schoolId === line.schoolId).length);
      expect((await officer.get(`/schools/${huankou.id}/staffing`)).body.openShortageFlags).toBe(
        flags.filter((f) => f.schoolId === huankou.id).length,
      );
    });

    it('downloads as an Excel workbook with Chinese headings, a row a school and a totals row that adds up', async () => {
      const json = (await officer.get('/counties/320321/staffing-report')).body as { schools: Line[]; totals: Totals };
      const response = await officer
        .get('/counties/320321/staffing-report?format=xlsx')
        .buffer(true)
        .parse((res, callback) => {
          // The workbook as bytes.
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers['content-disposition']).toBe('attachment; filename="staffing-320321-2026-2026-10-15.xlsx"');
      const workbook = new Workbook();
      const body = response.body as Buffer;
      // exceljs types its argument as an ArrayBuffer-like Buffer of its own; it takes Node's Buffer.
      await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['编制情况', '编制池']);
      const sheet = workbook.getWorksheet('编制情况');
      if (!sheet) throw new Error('no sheet 编制情况');
      const cells = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
      expect(cells(1)).toEqual([
        '学校代码',
        '学校名称',
        '学段',
        '城乡类别',
        '在校学生数',
        '标准编制',
        '分配编制',
        '在编在岗人数（折算）',
        '空编（+）/超编（−）',
        '编制状态',
        '未解决缺员预警',
      ]);
      expect(sheet.rowCount).toBe(1 + 5 + 1);
      expect(cells(2)).toEqual(['FX01', '华山中心小学', '小学', '城区', 190, 10, 3, 3.5, -0.5, '超编', json.schools[0].openShortageFlags]);
      expect(cells(6).slice(0, 7)).toEqual(['FX05', '丰县新城小学', '小学', '城区', undefined, undefined, undefined]);
      const totals = cells(7);
      expect(totals[0]).toBe('合计');
      expect(totals[1]).toBe('共 5 所学校');
      expect(totals.slice(4, 9)).toEqual([
        json.totals.students,
        json.totals.standardQuota,
        json.totals.allocatedQuota,
        json.totals.onQuotaHeadcount,
        json.totals.vacancy,
      ]);
      expect(totals[10]).toBe(json.totals.openShortageFlags);
      // The totals row is the sum of the rows above it, column by column.
      for (const column of [5, 6, 7, 8, 9, 11]) {
        let sum = 0;
        for (let row = 2; row <= 6; row++) sum += Number(sheet.getRow(row).getCell(column).value ?? 0);
        expect(Number(sheet.getRow(7).getCell(column).value)).toBeCloseTo(sum, 9);
      }
      const pool = workbook.getWorksheet('编制池');
      expect(pool?.getRow(5).values).toEqual([undefined, '核定编制总数', 40]);
    });

    it('reads the same number of SQL statements for a county of 5 schools as for one of 15', async () => {
      const dataSource = t.app.get(DataSource);
      const statements = async () => {
        const spy = jest.spyOn(dataSource.logger, 'logQuery');
        try {
          expect((await officer.get('/counties/320321/staffing-report')).status).toBe(200);
          // The job outbox's relay polls on its own schedule: its statements are not the report's.
          return spy.mock.calls.filter(([sql]) => !/outbox_entry/.test(String(sql))).length;
        } finally {
          spy.mockRestore();
        }
      };
      const small = await statements();
      for (let i = 0; i < 10; i++) {
        const school = await createSchool(officer, { code: `FX1${i}`, name: `丰县第${i}小学` });
        await officer.put(`/schools/${school.id}/enrolment`, { schoolYear: 2026, grades: grades(1, 6, 40, 1) });
      }
      expect(await statements()).toBe(small);
      expect(small).toBeLessThanOrEqual(12);
    });
  });

  describe('roll-ups', () => {
    it('sums each county of a city for its city officer, agreeing with the county report', async () => {
      const response = await city.get('/staffing-report');
      expect(response.status).toBe(200);
      const county = (await officer.get('/counties/320321/staffing-report')).body;
      expect(response.body).toMatchObject({ cityId: '320300', year: 2026, asOf: '2026-10-15', policyVersion: 'jiangsu-2024.1' });
      const fengxian = response.body.counties.find((c: { countyId: string }) => c.countyId === '320321');
      expect(fengxian).toEqual({ countyId: '320321', countyName: '丰县', cityId: '320300', ...county.pool, ...county.totals });
      expect(response.body.counties.every((c: { cityId: string }) => c.cityId === '320300')).toBe(true);
      expect(response.body.totals).toMatchObject({
        ...county.totals,
        approvedTotal: 40,
        countiesWithoutApprovedTotal: response.body.counties.length - 1,
      });
      expect((await city.get('/staffing-report?cityId=320300')).status).toBe(200);
      expect((await city.get('/staffing-report?cityId=320400')).status).toBe(404);
    });

    it('sums the province for the administrator, or one city on request', async () => {
      const province = (await admin.get('/staffing-report')).body;
      expect(province.cityId).toBeNull();
      expect(province.counties).toHaveLength(95);
      expect(province.totals.schools).toBe(province.counties.reduce((sum: number, c: { schools: number }) => sum + c.schools, 0));
      expect((await admin.get('/staffing-report?cityId=320400')).body.counties.every((c: { cityId: string }) => c.cityId === '320400')).toBe(true);
      expect((await admin.get('/staffing-report?cityId=329900')).status).toBe(404);
    });
  });

  describe('who reads', () => {
    it('lets a principal read their own school’s staffing only', async () => {
      expect((await principal.get(`/schools/${huashan.id}/staffing`)).body.allocatedQuota).toBe(3);
      expect((await principal.get(`/schools/${huankou.id}/staffing`)).status).toBe(404);
      expect((await principal.get('/counties/320321/staffing-report')).status).toBe(403);
      expect((await principal.get('/staffing-report')).status).toBe(403);
    });

    it('answers 403 to a teacher, 404 to an officer of another county, 403 to a county officer for roll-ups', async () => {
      expect((await teacher.get(`/schools/${huashan.id}/staffing`)).status).toBe(403);
      expect((await teacher.get('/counties/320321/staffing-report')).status).toBe(403);
      expect((await neighbour.get(`/schools/${huashan.id}/staffing`)).status).toBe(404);
      expect((await neighbour.get('/counties/320321/staffing-report')).status).toBe(404);
      expect((await neighbour.get('/counties/320321/staffing-report?format=xlsx')).status).toBe(404);
      expect((await officer.get('/staffing-report')).status).toBe(403);
      expect((await city.get('/counties/320321/staffing-report')).status).toBe(200);
      expect((await city.get('/counties/320481/staffing-report')).status).toBe(404);
    });
  });

  it.each([
    ['/schools/{school}/staffing?asOf=2026-13-01', 'asOf'],
    ['/schools/{school}/staffing?asOf=yesterday', 'asOf'],
    ['/counties/320321/staffing-report?format=pdf', 'format'],
    ['/counties/320321/staffing-report?year=next', 'year'],
    ['/counties/320321/staffing-report?asOf=1899-12-31', 'asOf'],
    ['/staffing-report?cityId=32', 'cityId'],
    ['/staffing-report?year=2030&asOf=2026-10-15', 'asOf'],
  ])('refuses %s with 400 naming %s', async (path, field) => {
    const response = await admin.get(path.replace('{school}', huashan.id));
    expect(response.status).toBe(400);
    expect(response.body.details.fields).toHaveProperty(field);
  });
});
