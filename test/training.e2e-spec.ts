import { encode } from 'iconv-lite';
import { account, Client, loginAdmin, PREFIX } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const course = (overrides: Record<string, unknown> = {}) => ({
  title: '乡村教师培育站',
  provider: '江苏省教育厅',
  category: 'PROVINCIAL',
  hours: 12,
  startDate: '2026-07-10',
  endDate: '2026-07-11',
  ...overrides,
});

describe('training-hour ledger', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let principal: Client;
  let teacher: Client;
  let city: Client;
  let school: { id: string; name?: unknown };
  let me: { id: string; staffNo: string; name: string };
  let colleague: { id: string; staffNo: string };
  let head: { id: string };

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-09-01' });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });
    school = await createSchool(officer);
    me = (await createTeacher(officer, { staffNo: 'FX-ME', hireDate: '2010-09-01' })) as never;
    colleague = (await createTeacher(officer, { staffNo: 'FX-COL', hireDate: '2015-09-01' })) as never;
    head = await createTeacher(officer, { staffNo: 'FX-HEAD', post: 'PRINCIPAL' });
    for (const id of [me.id, colleague.id, head.id]) await createPosting(officer, id, { schoolId: school.id, startDate: '2016-09-01' });
    principal = await account(t, officer, { username: 'principal.fx', role: 'PRINCIPAL', schoolId: school.id, teacherId: head.id });
    teacher = await account(t, officer, { username: 'teacher.me', role: 'TEACHER', teacherId: me.id });
  });
  afterAll(() => t.close());

  describe('submitting', () => {
    it('lets a teacher record their own training, waiting for approval', async () => {
      const response = await teacher.post(`/teachers/${me.id}/training-records`, course());
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        teacherId: me.id,
        teacherName: me.name,
        staffNo: 'FX-ME',
        countyId: '320321',
        hours: 12,
        status: 'SUBMITTED',
        kind: 'RECORD',
        reversesId: null,
        decidedBy: null,
      });
    });

    it('answers 404 to a teacher submitting for someone else, and 403 to a principal submitting', async () => {
      const other = await teacher.post(`/teachers/${colleague.id}/training-records`, course());
      expect(other.status).toBe(404);
      expect((await principal.post(`/teachers/${me.id}/training-records`, course())).status).toBe(403);
    });

    it('refuses 0.3 hours, 9 hours in one day, future dates and a record across two cycles, naming the field', async () => {
      const fractional = await teacher.post(
        `/teachers/${me.id}/training-records`,
        course({ hours: 0.3, startDate: '2026-05-01', endDate: '2026-05-01' }),
      );
      expect(fractional.status).toBe(400);
      expect(fractional.body.details.fields.hours).toEqual(['must be in steps of 0.5 hours']);
      const long = await teacher.post(`/teachers/${me.id}/training-records`, course({ hours: 9, startDate: '2026-05-01', endDate: '2026-05-01' }));
      expect(long.status).toBe(400);
      expect(long.body.details.fields.hours[0]).toMatch(/at most 8 hours a day/);
      const future = await teacher.post(`/teachers/${me.id}/training-records`, course({ startDate: '2026-09-02', endDate: '2026-09-03' }));
      expect(Object.keys(future.body.details.fields).sort()).toEqual(['endDate', 'startDate']);
      const across = await teacher.post(`/teachers/${me.id}/training-records`, course({ startDate: '2025-12-31', endDate: '2026-01-01' }));
      expect(across.body.details.fields.endDate[0]).toMatch(/same training cycle/);
      const missing = await teacher.post(`/teachers/${me.id}/training-records`, { hours: 2 });
      expect(Object.keys(missing.body.details.fields).sort()).toEqual(['category', 'endDate', 'provider', 'startDate', 'title']);
    });
  });

  describe('deciding', () => {
    it('lets the principal approve school-based training of their staff, but not a county-level course (403)', async () => {
      const schoolBased = await teacher.post(
        `/teachers/${me.id}/training-records`,
        course({ title: '校本研修：作业设计', category: 'SCHOOL_BASED', hours: 4, startDate: '2026-03-12', endDate: '2026-03-12' }),
      );
      const approved = await principal.post(`/training-records/${schoolBased.body.id}/approve`);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'APPROVED', decidedBy: principal.user.id, version: 2, teacherName: me.name, staffNo: 'FX-ME' });
      const county = await teacher.post(
        `/teachers/${me.id}/training-records`,
        course({ title: '县级骨干研修', category: 'COUNTY', hours: 6, startDate: '2026-04-01', endDate: '2026-04-01' }),
      );
      const refused = await principal.post(`/training-records/${county.body.id}/approve`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      expect((await officer.post(`/training-records/${county.body.id}/approve`)).body.status).toBe('APPROVED');
    });

    it('never lets anyone decide on their own record, nor teachers and city officers at all', async () => {
      const own = await officer.post(
        `/teachers/${head.id}/training-records`,
        course({ category: 'SCHOOL_BASED', hours: 2, startDate: '2026-03-02', endDate: '2026-03-02' }),
      );
      const ownDecision = await principal.post(`/training-records/${own.body.id}/approve`);
      expect(ownDecision.status).toBe(403);
      expect(ownDecision.body.message).toBe('Nobody decides on their own training record');
      const mine = await teacher.post(
        `/teachers/${me.id}/training-records`,
        course({ category: 'SCHOOL_BASED', hours: 2, startDate: '2026-03-03', endDate: '2026-03-03' }),
      );
      expect((await teacher.post(`/training-records/${mine.body.id}/approve`)).status).toBe(403);
      expect((await city.post(`/training-records/${mine.body.id}/approve`)).status).toBe(403);
      expect((await officer.post(`/training-records/${own.body.id}/approve`)).status).toBe(200);
    });

    it('rejects with a reason, and a decision is final (422 ALREADY_DECIDED)', async () => {
      const record = await teacher.post(`/teachers/${me.id}/training-records`, course({ hours: 3, startDate: '2026-02-02', endDate: '2026-02-02' }));
      expect((await officer.post(`/training-records/${record.body.id}/reject`, {})).body.details.fields).toHaveProperty('reason');
      const rejected = await officer.post(`/training-records/${record.body.id}/reject`, { reason: '无结业证书' });
      expect(rejected.body).toMatchObject({ status: 'REJECTED', reason: '无结业证书', teacherId: me.id, teacherName: me.name, staffNo: 'FX-ME' });
      const again = await officer.post(`/training-records/${record.body.id}/approve`);
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('ALREADY_DECIDED');
    });

    it('reverses an approved record with a linked negative entry, once; never a pending one', async () => {
      const record = await teacher.post(
        `/teachers/${me.id}/training-records`,
        course({ title: '重复登记的课程', hours: 7.5, startDate: '2026-06-01', endDate: '2026-06-01' }),
      );
      const pending = await officer.post(`/training-records/${record.body.id}/reversal`, { reason: '重复' });
      expect(pending.status).toBe(422);
      expect(pending.body.code).toBe('NOT_APPROVED');
      await officer.post(`/training-records/${record.body.id}/approve`);
      const reversal = await officer.post(`/training-records/${record.body.id}/reversal`, { reason: '重复登记' });
      expect(reversal.status).toBe(201);
      expect(reversal.body).toMatchObject({
        hours: -7.5,
        status: 'APPROVED',
        kind: 'REVERSAL',
        reversesId: record.body.id,
        reason: '重复登记',
        teacherName: me.name,
        staffNo: 'FX-ME',
      });
      const twice = await officer.post(`/training-records/${record.body.id}/reversal`, { reason: '再次' });
      expect(twice.status).toBe(422);
      expect(twice.body.code).toBe('ALREADY_REVERSED');
      expect((await officer.post(`/training-records/${reversal.body.id}/reversal`, { reason: 'x' })).body.code).toBe('NOT_REVERSIBLE');
      const ledger = await teacher.get(`/teachers/${me.id}/training-records?cycle=2026`);
      const original = ledger.body.items.find((r: { id: string }) => r.id === record.body.id);
      expect(original).toMatchObject({ status: 'APPROVED', hours: 7.5, reversedById: reversal.body.id, teacherName: me.name, staffNo: 'FX-ME' });
      const audit = await officer.get(`/audit?entity=training_record&entityId=${record.body.id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['training.reverse', 'training.approve', 'training.submit']);
    });
  });

  describe('summary and lists', () => {
    it('sums approved (net of reversals) and pending hours in the current cycle, with pace and status', async () => {
      const fresh = await createTeacher(officer, { hireDate: '2012-09-01' });
      await createPosting(officer, fresh.id, { schoolId: school.id, startDate: '2012-09-01' });
      const add = async (hours: number, day: string, approve: boolean) => {
        const r = await officer.post(`/teachers/${fresh.id}/training-records`, course({ hours, startDate: day, endDate: day }));
        if (approve) await officer.post(`/training-records/${r.body.id}/approve`);
        return r.body;
      };
      await add(8, '2026-01-05', true);
      await add(8, '2026-02-05', true);
      const wrong = await add(8, '2026-03-05', true);
      await officer.post(`/training-records/${wrong.id}/reversal`, { reason: '误登' });
      await add(6.5, '2026-04-05', false);
      await add(8, '2025-11-05', true); // previous cycle: not counted in 2026–2030
      const summary = await officer.get(`/teachers/${fresh.id}/training-summary`);
      expect(summary.status).toBe(200);
      expect(summary.body).toEqual({
        teacherId: fresh.id,
        asOf: '2026-09-01',
        cycle: { start: '2026-01-01', end: '2030-12-31' },
        requiredHours: 360,
        approvedHours: 16,
        pendingHours: 6.5,
        remainingHours: 344,
        expectedHoursToDate: 48.1,
        status: 'BEHIND',
        policyVersion: 'jiangsu-2024.1',
      });
      const previous = await officer.get(`/teachers/${fresh.id}/training-summary?asOf=2025-12-31`);
      expect(previous.body).toMatchObject({
        cycle: { start: '2021-01-01', end: '2025-12-31' },
        approvedHours: 8,
        expectedHoursToDate: 360,
        status: 'BEHIND',
      });
      expect((await officer.get(`/teachers/${fresh.id}/training-records?cycle=2021`)).body.items).toHaveLength(1);
      expect((await officer.get(`/teachers/${fresh.id}/training-records`)).body.items).toHaveLength(5);
      expect((await officer.get(`/teachers/${fresh.id}/training-summary?asOf=2026-13-01`)).status).toBe(400);
    });

    it('pro-rates a teacher hired inside the cycle', async () => {
      const newcomer = await createTeacher(officer, { hireDate: '2026-03-01', title: { level: 'NONE' } });
      const summary = await officer.get(`/teachers/${newcomer.id}/training-summary`);
      expect(summary.body).toMatchObject({ requiredHours: 348.5, approvedHours: 0, status: 'BEHIND' });
      expect(summary.body.expectedHoursToDate).toBeCloseTo((348.5 * 185) / 1767, 1);
    });

    it('lets the principal see what waits for their decision', async () => {
      const waiting = await teacher.post(
        `/teachers/${me.id}/training-records`,
        course({ category: 'SCHOOL_BASED', title: '待审校本研修', hours: 2, startDate: '2026-05-20', endDate: '2026-05-20' }),
      );
      const queue = await principal.get(`/training-records?status=SUBMITTED&category=SCHOOL_BASED&schoolId=${school.id}`);
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(waiting.body.id);
      expect(queue.body.items.every((r: { status: string; category: string }) => r.status === 'SUBMITTED' && r.category === 'SCHOOL_BASED')).toBe(
        true,
      );
      expect(queue.body.items.find((r: { id: string }) => r.id === waiting.body.id)).toMatchObject({ teacherName: me.name, staffNo: 'FX-ME' });
      const elsewhere = await createSchool(officer);
      expect((await principal.get(`/training-records?schoolId=${elsewhere.id}`)).status).toBe(404);
      expect((await teacher.get(`/training-records`)).body.items.every((r: { teacherId: string }) => r.teacherId === me.id)).toBe(true);
    });
  });

  describe("a principal's waiting list (?decidable=true)", () => {
    const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((r) => r.id);

    it('holds the school-based records of their staff only: never the county’s categories, never their own', async () => {
      const submit = (teacherId: string, client: Client, overrides: Record<string, unknown>) =>
        client.post(`/teachers/${teacherId}/training-records`, course({ hours: 2, startDate: '2026-08-03', endDate: '2026-08-03', ...overrides }));
      const staffSchoolBased = (await submit(me.id, teacher, { title: '校本：课堂观察', category: 'SCHOOL_BASED' })).body;
      const staffCounty = (await submit(me.id, teacher, { title: '县级：新课标', category: 'COUNTY' })).body;
      const ownSchoolBased = (await submit(head.id, officer, { title: '校本：校长领导力', category: 'SCHOOL_BASED' })).body;

      const waiting = await principal.get('/training-records?decidable=true&pageSize=500');
      expect(waiting.status).toBe(200);
      expect(ids(waiting)).toContain(staffSchoolBased.id);
      expect(ids(waiting)).not.toContain(staffCounty.id);
      expect(ids(waiting)).not.toContain(ownSchoolBased.id);
      expect(
        waiting.body.items.every(
          (r: { status: string; category: string; teacherId: string }) =>
            r.status === 'SUBMITTED' && r.category === 'SCHOOL_BASED' && r.teacherId !== head.id,
        ),
      ).toBe(true);
      expect(waiting.body.items.find((r: { id: string }) => r.id === staffSchoolBased.id)).toMatchObject({ teacherName: me.name, staffNo: 'FX-ME' });
      expect(waiting.body.total).toBe(waiting.body.items.length);
      // Every record on the list can indeed be decided by the principal.
      for (const record of waiting.body.items as { id: string }[])
        expect((await principal.post(`/training-records/${record.id}/approve`)).status).toBe(200);
      expect((await principal.get('/training-records?decidable=true')).body).toMatchObject({ items: [], total: 0 });

      // Everything pending that the principal can see is still there without the filter.
      expect(ids(await principal.get('/training-records?status=SUBMITTED&pageSize=500'))).toEqual(
        expect.arrayContaining([staffCounty.id, ownSchoolBased.id]),
      );
      // The county officer's list holds every category, the principal's own record included.
      expect(ids(await officer.get('/training-records?decidable=true&pageSize=500'))).toEqual(
        expect.arrayContaining([staffCounty.id, ownSchoolBased.id]),
      );
    });

    it('is empty for those who decide nothing, and refuses a status other than SUBMITTED (400 naming decidable)', async () => {
      await teacher.post(
        `/teachers/${me.id}/training-records`,
        course({ category: 'SCHOOL_BASED', hours: 1, startDate: '2026-08-04', endDate: '2026-08-04' }),
      );
      expect((await teacher.get('/training-records?decidable=true')).body).toMatchObject({ items: [], total: 0 });
      expect((await city.get('/training-records?decidable=true')).body).toMatchObject({ items: [], total: 0 });
      const approved = await officer.get('/training-records?decidable=true&status=APPROVED');
      expect(approved.status).toBe(400);
      expect(approved.body.details.fields).toHaveProperty('decidable');
      expect((await officer.get('/training-records?decidable=maybe')).body.details.fields).toHaveProperty('decidable');
    });
  });

  describe('county report and completion', () => {
    it('reports completion, teachers behind pace (paged, sorted) and hours by category, consistent with the province view', async () => {
      const report = await officer.get('/counties/320321/training-report?cycle=2026&pageSize=2');
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({
        countyId: '320321',
        cycle: { startYear: 2026, start: '2026-01-01', end: '2030-12-31' },
        asOf: '2026-09-01',
        policyVersion: 'jiangsu-2024.1',
      });
      expect(report.body.teachersOwing).toBeGreaterThanOrEqual(5);
      expect(report.body.behind.items).toHaveLength(2);
      const shortfalls = report.body.behind.items.map((x: { shortfall: number }) => x.shortfall);
      expect(shortfalls[0]).toBeGreaterThanOrEqual(shortfalls[1]);
      for (const item of report.body.behind.items) {
        expect(item.shortfall).toBeCloseTo(item.expectedHoursToDate - item.approvedHours, 5);
        expect(item.schoolId).toBe(school.id);
        expect(item.schoolName).toBe(school.name);
      }
      const ascending = await officer.get('/counties/320321/training-report?sort=shortfall&pageSize=500');
      const values = ascending.body.behind.items.map((x: { shortfall: number }) => x.shortfall);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      expect(ascending.body.behind.total).toBe(report.body.teachersBehind);
      expect(report.body.hoursByCategory.map((c: { category: string }) => c.category)).toEqual([
        'NATIONAL',
        'PROVINCIAL',
        'MUNICIPAL',
        'COUNTY',
        'SCHOOL_BASED',
        'ONLINE',
      ]);
      expect(report.body.hoursByCategory.find((c: { category: string }) => c.category === 'COUNTY').approvedHours).toBe(6);

      const province = await admin.get('/training-completion?cycle=2026');
      const fengxian = province.body.counties.find((c: { countyId: string }) => c.countyId === '320321');
      expect(fengxian).toMatchObject({
        name: '丰县',
        teachersOwing: report.body.teachersOwing,
        teachersComplete: report.body.teachersComplete,
        completionRate: report.body.completionRate,
      });
      expect(province.body.counties).toHaveLength(95);
      expect((await city.get('/training-completion')).body.counties.every((c: { countyId: string }) => c.countyId.startsWith('3203'))).toBe(true);
    });

    it('counts a teacher complete once approved hours reach the (pro-rated) requirement', async () => {
      // Cycle 2021–2025: hired 2025-07-02, 183 of 1826 days, owes ceil(720 × 183 / 1826) half hours = 36.5 h.
      const late = await createTeacher(officer, { hireDate: '2025-07-02', title: { level: 'NONE' } });
      const completion = async () => (await officer.get('/counties/320321/training-report?cycle=2021&pageSize=500')).body;
      const before = await completion();
      const entry = (await officer.get(`/teachers/${late.id}/training-summary?asOf=2025-12-31`)).body;
      expect(entry).toMatchObject({ requiredHours: 36.5, approvedHours: 0, status: 'BEHIND' });
      expect(before.behind.items.map((x: { teacherId: string }) => x.teacherId)).toContain(late.id);

      const record = await officer.post(
        `/teachers/${late.id}/training-records`,
        course({ hours: 36, startDate: '2025-10-08', endDate: '2025-10-12' }),
      );
      await officer.post(`/training-records/${record.body.id}/approve`);
      expect((await completion()).teachersComplete).toBe(before.teachersComplete);
      const half = await officer.post(
        `/teachers/${late.id}/training-records`,
        course({ title: '补足', hours: 0.5, startDate: '2025-10-13', endDate: '2025-10-13' }),
      );
      await officer.post(`/training-records/${half.body.id}/approve`);
      const after = await completion();
      expect(after.teachersComplete).toBe(before.teachersComplete + 1);
      expect(after.teachersOwing).toBe(before.teachersOwing);
      expect(after.asOf).toBe('2025-12-31');
      expect(after.behind.items.map((x: { teacherId: string }) => x.teacherId)).not.toContain(late.id);
      const province = (await admin.get('/training-completion?cycle=2023')).body;
      expect(province.cycle.startYear).toBe(2021);
      expect(province.counties.find((c: { countyId: string }) => c.countyId === '320321')).toMatchObject({
        teachersOwing: after.teachersOwing,
        teachersComplete: after.teachersComplete,
      });
    });

    it('gives completion by the school where each teacher owing hours works today, those without a posting in one null row', async () => {
      type Row = {
        schoolId: string | null;
        schoolCode: string | null;
        teachersOwing: number;
        teachersComplete: number;
        completionRate: number | null;
      };
      const schools = async (): Promise<Row[]> => (await officer.get('/counties/320321/training-report?cycle=2021&pageSize=1')).body.schools;
      const unposted = async () => (await schools()).find((r) => r.schoolId === null)?.teachersOwing ?? 0;
      const before = await unposted();
      const site = await createSchool(officer);
      // Both hired 2025-07-02: each owes the pro-rated 36.5 h of the 2021–2025 cycle; one reaches it. One hired after the cycle owes nothing.
      const done = await createTeacher(officer, { hireDate: '2025-07-02', title: { level: 'NONE' } });
      const owing = await createTeacher(officer, { hireDate: '2025-07-02', title: { level: 'NONE' } });
      const newcomer = await createTeacher(officer, { hireDate: '2026-03-01', title: { level: 'NONE' } });
      for (const x of [done, owing]) await createPosting(officer, x.id, { schoolId: site.id, startDate: '2025-07-02' });
      await createPosting(officer, newcomer.id, { schoolId: site.id, startDate: '2026-03-01' });
      await createTeacher(officer, { hireDate: '2025-07-02', title: { level: 'NONE' } });
      const record = await officer.post(
        `/teachers/${done.id}/training-records`,
        course({ title: '校本研修', hours: 36.5, startDate: '2025-10-08', endDate: '2025-10-12' }),
      );
      await officer.post(`/training-records/${record.body.id}/approve`);

      const rows = await schools();
      expect(rows.find((r) => r.schoolId === site.id)).toEqual({
        schoolId: site.id,
        schoolCode: site.code,
        schoolName: site.name,
        teachersOwing: 2,
        teachersComplete: 1,
        completionRate: 0.5,
        teachersBehind: 1,
      });
      expect(rows.at(-1)).toMatchObject({ schoolId: null, schoolCode: null, schoolName: null, teachersOwing: before + 1 });
      const codes = rows.filter((r) => r.schoolId !== null).map((r) => r.schoolCode ?? '');
      expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b)));
      const report = (await officer.get('/counties/320321/training-report?cycle=2021&pageSize=1')).body;
      expect(report.schools.reduce((sum: number, r: Row) => sum + r.teachersOwing, 0)).toBe(report.teachersOwing);
      expect(report.schools.reduce((sum: number, r: Row) => sum + r.teachersComplete, 0)).toBe(report.teachersComplete);
    });

    it('gives no completion rate (null, not 0) for a county where no teacher owes hours, nor for a reach without any', async () => {
      const empty = await admin.get('/counties/320322/training-report');
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({ countyId: '320322', teachersOwing: 0, teachersComplete: 0, completionRate: null, teachersBehind: 0 });
      const province = (await admin.get('/training-completion')).body;
      expect(province.counties.find((c: { countyId: string }) => c.countyId === '320322')).toEqual({
        countyId: '320322',
        name: '沛县',
        teachersOwing: 0,
        teachersComplete: 0,
        completionRate: null,
      });
      expect(province.total.completionRate).toEqual(expect.any(Number));
      const quiet = await account(t, admin, { username: 'officer.suining', role: 'COUNTY_OFFICER', countyId: '320324' });
      const own = (await quiet.get('/training-completion')).body;
      expect(own.counties).toEqual([{ countyId: '320324', name: '睢宁县', teachersOwing: 0, teachersComplete: 0, completionRate: null }]);
      expect(own.total).toEqual({ teachersOwing: 0, teachersComplete: 0, completionRate: null });
    });

    it('is for officers only, within their counties', async () => {
      expect((await principal.get('/counties/320321/training-report')).status).toBe(403);
      expect((await teacher.get('/training-completion')).status).toBe(403);
      const neighbour = await account(t, admin, { username: 'officer.liyang', role: 'COUNTY_OFFICER', countyId: '320481' });
      expect((await neighbour.get('/counties/320321/training-report')).status).toBe(404);
      expect((await city.get('/counties/320321/training-report')).status).toBe(200);
      expect((await officer.get('/counties/320321/training-report?sort=random')).status).toBe(400);
    });
  });

  describe('CSV import', () => {
    const header = 'staffNo,title,provider,category,hours,startDate,endDate';
    const importCsv = (client: Client, csv: string) =>
      t
        .http()
        .post(`${PREFIX}/counties/320321/training-records/import`)
        .set('Authorization', `Bearer ${client.token}`)
        .set('Content-Type', 'text/csv')
        .send(csv);

    it('writes nothing when one row is bad, and names the line and column', async () => {
      const before = (await officer.get(`/teachers/${colleague.id}/training-records`)).body.items.length;
      const csv = [
        header,
        `${colleague.staffNo},国培计划,教育部,NATIONAL,24,2026-07-01,2026-07-03`,
        `${me.staffNo},国培计划,教育部,NATIONAL,0.3,2026-07-01,2026-07-03`,
        '',
      ].join('\n');
      const response = await importCsv(officer, csv);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details.fields).toEqual({ 'row 3.hours': ['must be in steps of 0.5 hours'] });
      expect((await officer.get(`/teachers/${colleague.id}/training-records`)).body.items).toHaveLength(before);
    });

    it('names unknown staff numbers, bad categories and dates, and a wrong header', async () => {
      const csv = [header, `NOBODY,课程,机构,NATIONAL,4,2026-07-01,2026-07-01`, `${me.staffNo},课程,机构,GLOBAL,4,2026-07-01,2026-02-30`].join('\n');
      const response = await importCsv(officer, csv);
      expect(Object.keys(response.body.details.fields).sort()).toEqual(['row 2.staffNo', 'row 3.category', 'row 3.endDate']);
      const badHeader = await importCsv(officer, 'name,hours\nx,1');
      expect(badHeader.body.details.fields).toHaveProperty('header');
    });

    it('imports every row at once (as a file upload too), and refuses the same file twice', async () => {
      const csv = `\ufeff${header}\n${colleague.staffNo},省级骨干教师培训,江苏省教育厅,PROVINCIAL,16,2026-08-10,2026-08-11\n${me.staffNo},省级骨干教师培训,江苏省教育厅,PROVINCIAL,16,2026-08-10,2026-08-11\n`;
      const response = await t
        .http()
        .post(`${PREFIX}/counties/320321/training-records/import?approve=true`)
        .set('Authorization', `Bearer ${officer.token}`)
        .attach('file', Buffer.from(csv), 'courses.csv');
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ countyId: '320321', imported: 2, status: 'APPROVED' });
      const ledger = await officer.get(`/teachers/${colleague.id}/training-records`);
      expect(ledger.body.items.find((r: { title: string }) => r.title === '省级骨干教师培训')).toMatchObject({
        hours: 16,
        status: 'APPROVED',
        decidedBy: officer.user.id,
      });
      const again = await importCsv(officer, csv);
      expect(again.status).toBe(400);
      expect(Object.keys(again.body.details.fields)).toEqual(['row 2.title', 'row 3.title']);
    });

    const sendBytes = (client: Client, bytes: Buffer) =>
      t
        .http()
        .post(`${PREFIX}/counties/320321/training-records/import`)
        .set('Authorization', `Bearer ${client.token}`)
        .set('Content-Type', 'text/csv')
        .send(bytes);
    const uploadBytes = (client: Client, bytes: Buffer, name: string) =>
      t.http().post(`${PREFIX}/counties/320321/training-records/import`).set('Authorization', `Bearer ${client.token}`).attach('file', bytes, name);
    const titlesOf = async (teacherId: string) =>
      (await officer.get(`/teachers/${teacherId}/training-records`)).body.items.map((r: { title: string }) => r.title);

    it('reads a GB18030 file from Excel on Chinese Windows, with Chinese headings and category labels, without garbling a character', async () => {
      const csv = [
        '工号,培训名称,举办单位,类别,学时,开始日期,结束日期',
        `${colleague.staffNo},“国培计划”——乡村骨干教师（喆堃）研修,江苏省教育厅,国家级培训,12,2026-06-01,2026-06-02`,
        `${me.staffNo},校本研修：作业设计,丰县华山镇中心小学,SCHOOL_BASED,4,2026-06-03,2026-06-03`,
      ].join('\r\n');
      const response = await sendBytes(officer, encode(csv, 'gb18030'));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ imported: 2, status: 'SUBMITTED' });
      const ledger = (await officer.get(`/teachers/${colleague.id}/training-records`)).body.items;
      expect(ledger.find((r: { title: string }) => r.title === '“国培计划”——乡村骨干教师（喆堃）研修')).toMatchObject({
        provider: '江苏省教育厅',
        category: 'NATIONAL',
        hours: 12,
      });
      expect(await titlesOf(me.id)).toContain('校本研修：作业设计');
    });

    it('reads UTF-8 with a byte-order mark sent as text/csv, the category as its Chinese label', async () => {
      const csv = `\ufeff${header}\n${me.staffNo},市级学科带头人培训,徐州市教育局,市级培训,8,2026-06-10,2026-06-10\n`;
      const response = await sendBytes(officer, Buffer.from(csv, 'utf8'));
      expect(response.status).toBe(201);
      const ledger = (await officer.get(`/teachers/${me.id}/training-records`)).body.items;
      expect(ledger.find((r: { title: string }) => r.title === '市级学科带头人培训')).toMatchObject({
        category: 'MUNICIPAL',
        provider: '徐州市教育局',
      });
    });

    it('refuses a Latin-1 or binary file with 400 naming the file, and stores nothing', async () => {
      const before = await titlesOf(colleague.id);
      const latin1 = Buffer.from(
        `${header}\n${colleague.staffNo},Fortbildung für Lehrkräfte,Schulamt Köln,NATIONAL,4,2026-06-12,2026-06-12\n`,
        'latin1',
      );
      const refused = await uploadBytes(officer, latin1, '培训记录（德语）.csv');
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.details.fields.file[0]).toMatch(/^The file "培训记录（德语）\.csv" is neither UTF-8 nor GB18030 \(GBK\) text/);
      const asBody = await sendBytes(officer, latin1);
      expect(asBody.status).toBe(400);
      expect(asBody.body.details.fields.file[0]).toMatch(/neither UTF-8 nor GB18030/);
      const binary = await uploadBytes(
        officer,
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]),
        '培训记录.xlsx',
      );
      expect(binary.status).toBe(400);
      expect(binary.body.details.fields.file[0]).toMatch(/"培训记录\.xlsx"/);
      expect(await titlesOf(colleague.id)).toEqual(before);
    });

    it('numbers rows as the spreadsheet shows them: a cell spanning lines is one row, blank rows count', async () => {
      const csv = [
        '工号,培训名称,举办单位,类别,学时,开始日期,结束日期',
        `${colleague.staffNo},"县级研修：\n第一期\n（上）",丰县教师发展中心,县级培训,6,2026-05-04,2026-05-04`,
        '',
        `${me.staffNo},县级研修：第二期,丰县教师发展中心,县级培训,6.3,2026-05-05,2026-05-05`,
        ',,,,,,',
        `${me.staffNo},县级研修：第三期,丰县教师发展中心,县级,6,2026-05-06,2026-05-06`,
        '',
      ].join('\n');
      const response = await sendBytes(officer, Buffer.from(csv, 'utf8'));
      expect(response.status).toBe(400);
      expect(response.body.details.fields).toEqual({
        'row 4.学时': ['must be in steps of 0.5 hours'],
        'row 6.类别': [expect.stringMatching(/^must be one of NATIONAL, .*or its Chinese label \(国家级培训、/)],
      });
    });

    it('names the missing, unknown and repeated headings, in English or Chinese', async () => {
      const response = await sendBytes(
        officer,
        Buffer.from('工号,培训名称,title,类别,学时,开始日期,备注\nX,课程,课程,COUNTY,1,2026-05-01,\n', 'utf8'),
      );
      expect(response.status).toBe(400);
      expect(response.body.details.fields.header).toEqual([
        'lacks provider (举办单位), endDate (结束日期)',
        'has unknown columns 备注',
        'names title more than once',
      ]);
    });

    it('is for the county’s officers: principals 403, other counties 404, nothing sent 400', async () => {
      expect((await importCsv(principal, header)).status).toBe(403);
      const neighbour = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
      expect((await importCsv(neighbour, header)).status).toBe(404);
      const empty = await officer.post('/counties/320321/training-records/import', {});
      expect(empty.status).toBe(400);
      expect(empty.body.details.fields).toHaveProperty('file');
    });
  });
});
