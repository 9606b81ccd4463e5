import { account, Client, loginAdmin, PREFIX } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { Importer, sheetValues, workbookOf, XLSX } from './support/imports';
import { createTestApp, TestApp } from './support/test-app';

type Row = {
  teacherId: string;
  staffNo: string;
  name: string;
  titleLevel: string;
  status: string;
  schoolId: string | null;
  schoolName: string | null;
};

/** Splits a CSV download into rows of cells (no cell of these tests holds a comma or quote). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('eligibility for senior titles and principal selection', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let principal: Client;
  let self: Client;
  let city: { id: string };
  let village: { id: string };
  let improving: { id: string };
  let wang: { id: string };
  let li: { id: string };
  let sun: { id: string };
  let zhou: { id: string };

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-09-01' });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    city = await createSchool(officer, { name: '丰县城南小学', location: 'URBAN', weak: false, classifiedFrom: '2000-01-01' });
    village = await createSchool(officer, { name: '丰县华山镇中心小学', location: 'RURAL', weak: false, classifiedFrom: '2000-01-01' });
    improving = await createSchool(officer, {
      name: '丰县欢口镇初级中学',
      stage: 'JUNIOR',
      location: 'TOWN',
      weak: true,
      classifiedFrom: '2000-01-01',
    });

    // 王: urban since 2008, rotated to the village school on 2026-02-01 (the contract's example).
    wang = await createTeacher(officer, { name: '王老师', hireDate: '2008-09-01', title: { level: 'FIRST', since: '2020-01-15' } });
    await createPosting(officer, wang.id, { schoolId: city.id, startDate: '2008-09-01', endDate: '2026-01-31' });
    await createPosting(officer, wang.id, { schoolId: village.id, startDate: '2026-02-01', kind: 'ROTATION', endDate: '2029-01-31' });
    const training = await officer.post(`/teachers/${wang.id}/training-records`, {
      title: '国培计划',
      provider: '教育部',
      category: 'NATIONAL',
      hours: 60,
      startDate: '2026-07-01',
      endDate: '2026-07-10',
    });
    await officer.post(`/training-records/${training.body.id}/approve`);

    // 李: at a weak school that stopped being weak on 2024-09-01.
    li = await createTeacher(officer, { name: '李老师', hireDate: '2015-09-01', title: { level: 'SECOND', since: '2018-09-01' } });
    await createPosting(officer, li.id, { schoolId: improving.id, startDate: '2022-09-01' });
    await officer.post(`/schools/${improving.id}/classifications`, { effectiveFrom: '2024-09-01', weak: false });

    // 孙: a senior teacher at the village school for sixteen years.
    sun = await createTeacher(officer, {
      name: '孙老师',
      birthDate: '1975-03-01',
      hireDate: '2000-09-01',
      title: { level: 'SENIOR', since: '2019-09-01' },
    });
    await createPosting(officer, sun.id, { schoolId: village.id, startDate: '2010-09-01' });

    // 周: in town until next summer, then a rotation to the village school already recorded.
    zhou = await createTeacher(officer, { name: '周老师', hireDate: '2015-09-01', title: { level: 'FIRST', since: '2018-09-01' } });
    await createPosting(officer, zhou.id, { schoolId: city.id, startDate: '2015-09-01', endDate: '2027-08-31' });
    await createPosting(officer, zhou.id, { schoolId: village.id, startDate: '2027-09-01', endDate: '2030-08-31', kind: 'ROTATION' });

    const head = await createTeacher(officer, { name: '华山校长', post: 'PRINCIPAL' });
    await createPosting(officer, head.id, { schoolId: village.id, startDate: '2016-09-01' });
    principal = await account(t, officer, { username: 'principal.huashan', role: 'PRINCIPAL', schoolId: village.id, teacherId: head.id });
    self = await account(t, officer, { username: 'teacher.wang', role: 'TEACHER', teacherId: wang.id });
  });
  afterAll(() => t.close());

  it('answers as the contract describes: status, rules with required, actual and what is missing, the earliest date, named periods', async () => {
    const response = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2026-09-01`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      teacherId: wang.id,
      teacherName: '王老师',
      asOf: '2026-09-01',
      policyVersion: 'jiangsu-2024.1',
      seniorTitle: {
        eligible: false,
        status: 'NOT_YET',
        rules: [
          {
            code: 'RURAL_OR_WEAK_SERVICE',
            passed: false,
            required: 365,
            actual: 213,
            unit: 'days',
            message: { zh: '乡村或薄弱学校任教经历尚差 152 天（需 365 天）', en: '152 more days at a rural or weak school needed (365 required)' },
          },
          { code: 'TITLE_TENURE', passed: true, required: 5, actual: 6.6, unit: 'years' },
          { code: 'TRAINING_ON_PACE', passed: true, required: 48.1, actual: 60, unit: 'hours' },
        ],
        earliestServiceDate: '2027-01-31',
      },
      principalPriority: { priority: false, required: 1095, actual: 213, unit: 'days' },
      qualifyingPeriods: [
        { schoolId: village.id, schoolName: '丰县华山镇中心小学', schoolIds: [village.id], from: '2026-02-01', to: '2026-09-01', days: 213 },
      ],
    });
    expect((await officer.get(`/teachers/${wang.id}/eligibility`)).body.asOf).toBe('2026-09-01');
  });

  it('projects a later day: service and tenure on that day, training judged today with the hours to record by then', async () => {
    const future = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2027-01-31`);
    expect(future.status).toBe(200);
    expect(future.body.seniorTitle).toMatchObject({ eligible: true, status: 'ELIGIBLE', earliestServiceDate: null });
    expect(future.body.seniorTitle.rules[0]).toEqual({ code: 'RURAL_OR_WEAK_SERVICE', passed: true, required: 365, actual: 365, unit: 'days' });
    // 48.1 h are expected today and 60 are approved; 78.1 h will be expected on 2027-01-31.
    expect(future.body.seniorTitle.rules[2]).toEqual({
      code: 'TRAINING_ON_PACE',
      passed: true,
      required: 48.1,
      actual: 60,
      unit: 'hours',
      hoursToRecordBy: { date: '2027-01-31', hours: 18.1 },
    });
    // In the next cycle (2031–2035) nothing can have been approved yet.
    const nextCycle = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2031-06-30`);
    expect(nextCycle.body.seniorTitle.rules[2]).toMatchObject({
      passed: true,
      required: 48.1,
      actual: 60,
      hoursToRecordBy: { date: '2031-06-30', hours: 35.7 },
    });
    expect((await officer.get(`/teachers/${wang.id}/eligibility?asOf=2026-09-01`)).body.seniorTitle.rules[2]).not.toHaveProperty('hoursToRecordBy');
  });

  it('refuses a day before the hire date and a malformed day (400 naming asOf)', async () => {
    const early = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2008-08-31`);
    expect(early.status).toBe(400);
    expect(early.body.details.fields).toHaveProperty('asOf');
    const malformed = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2026-02-30`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.fields).toHaveProperty('asOf');
  });

  it('counts a school only on the days it was weak, after a reclassification mid-posting, and says what the title rule misses', async () => {
    const response = await officer.get(`/teachers/${li.id}/eligibility?asOf=2026-09-01`);
    expect(response.body.principalPriority.actual).toBe(731); // 2022-09-01 … 2024-08-31
    expect(response.body.qualifyingPeriods).toEqual([
      { schoolId: improving.id, schoolName: '丰县欢口镇初级中学', schoolIds: [improving.id], from: '2022-09-01', to: '2024-08-31', days: 731 },
    ]);
    expect(response.body.seniorTitle.rules[1]).toEqual({
      code: 'TITLE_TENURE',
      passed: false,
      required: 5,
      actual: 0,
      unit: 'years',
      message: { zh: '尚未取得一级教师职称（需任该职称满 5 年）', en: 'The title First-level teacher is not held yet (5 years holding it required)' },
    });
    expect(response.body.seniorTitle.rules[2].message).toEqual({
      zh: '培训学时尚差 48.1 学时（截至 2026-09-01 应完成 48.1 学时）',
      en: '48.1 more training hours needed (48.1 expected by 2026-09-01)',
    });
    // The school is no longer weak and keeps that classification: the recorded posting never gets there.
    expect(response.body.seniorTitle.earliestServiceDate).toBeNull();
  });

  it('answers HOLDS_TITLE for a teacher who is a senior teacher already, not eligible, with the rules still shown', async () => {
    const response = await officer.get(`/teachers/${sun.id}/eligibility?asOf=2026-09-01`);
    expect(response.status).toBe(200);
    expect(response.body.teacherName).toBe('孙老师');
    expect(response.body.seniorTitle).toMatchObject({ eligible: false, status: 'HOLDS_TITLE', earliestServiceDate: null });
    expect(response.body.seniorTitle.rules.map((r: { code: string; passed: boolean }) => [r.code, r.passed])).toEqual([
      ['RURAL_OR_WEAK_SERVICE', true],
      ['TITLE_TENURE', true],
      ['TRAINING_ON_PACE', false],
    ]);
    expect(response.body.principalPriority.priority).toBe(true);
  });

  it('gives the earliest service date from a rotation to a rural school that is recorded to start later', async () => {
    const response = await officer.get(`/teachers/${zhou.id}/eligibility?asOf=2026-09-01`);
    expect(response.body.seniorTitle.rules[0]).toMatchObject({
      passed: false,
      actual: 0,
      message: { zh: '乡村或薄弱学校任教经历尚差 365 天（需 365 天）' },
    });
    // 365 days from 2027-09-01, 29 February 2028 among them.
    expect(response.body.seniorTitle.earliestServiceDate).toBe('2028-08-30');
    expect(response.body.qualifyingPeriods).toEqual([]);
    expect((await officer.get(`/teachers/${zhou.id}/eligibility?asOf=2028-08-30`)).body.seniorTitle.rules[0]).toMatchObject({
      passed: true,
      actual: 365,
    });
  });

  it('lets the teacher, their principal and the county read it; others get 404', async () => {
    expect((await self.get(`/teachers/${wang.id}/eligibility`)).status).toBe(200);
    expect((await self.get(`/teachers/${li.id}/eligibility`)).status).toBe(404);
    const byPrincipal = await principal.get(`/teachers/${wang.id}/eligibility`);
    expect(byPrincipal.status).toBe(200);
    expect(byPrincipal.body.qualifyingPeriods[0].schoolName).toBe('丰县华山镇中心小学');
    expect((await principal.get(`/teachers/${li.id}/eligibility`)).status).toBe(404);
    const neighbour = await account(t, admin, { username: 'officer.liyang', role: 'COUNTY_OFFICER', countyId: '320481' });
    expect((await neighbour.get(`/teachers/${wang.id}/eligibility`)).status).toBe(404);
    expect((await officer.get('/teachers/00000000-0000-4000-8000-000000000000/eligibility')).status).toBe(404);
  });

  describe('what-if', () => {
    it('answers as if a planned rotation existed, closing the home posting the day before and resuming it after, and writes nothing', async () => {
      const zhang = await createTeacher(officer, { name: '张老师', hireDate: '2012-09-01', title: { level: 'FIRST', since: '2019-09-01' } });
      const home = await createPosting(officer, zhang.id, { schoolId: city.id, startDate: '2012-09-01' });
      const plan = await officer.post(`/teachers/${zhang.id}/eligibility/what-if`, {
        postings: [{ schoolId: village.id, startDate: '2027-09-01', endDate: '2030-08-31', kind: 'ROTATION' }],
      });
      expect(plan.status).toBe(200);
      expect(plan.body).toMatchObject({ teacherId: zhang.id, teacherName: '张老师', asOf: '2027-09-01', serviceRuleMetOn: '2028-08-30' });
      expect(plan.body.assumptions).toEqual({
        closedPostings: [{ postingId: home.id, schoolId: city.id, schoolName: '丰县城南小学', endDate: '2027-08-31' }],
        reducedPostings: [],
        resumedPostings: [{ postingId: home.id, schoolId: city.id, schoolName: '丰县城南小学', startDate: '2030-09-01', endDate: null, fraction: 1 }],
      });
      expect(plan.body.seniorTitle.rules[0]).toMatchObject({ actual: 1, passed: false });
      expect(plan.body.seniorTitle.earliestServiceDate).toBe('2028-08-30');
      expect(plan.body.qualifyingPeriods).toEqual([
        { schoolId: village.id, schoolName: '丰县华山镇中心小学', schoolIds: [village.id], from: '2027-09-01', to: '2027-09-01', days: 1 },
      ]);
      // A what-if is about a later day: training is judged today, with the hours to record by then.
      expect(plan.body.seniorTitle.rules[2]).toMatchObject({
        passed: false,
        required: 48.1,
        actual: 0,
        hoursToRecordBy: { date: '2027-09-01', hours: 120.1 },
      });

      const later = await officer.post(`/teachers/${zhang.id}/eligibility/what-if`, {
        asOf: '2030-08-31',
        postings: [{ schoolId: village.id, startDate: '2027-09-01', endDate: '2030-08-31', kind: 'ROTATION' }],
      });
      expect(later.body.principalPriority).toMatchObject({ priority: true, actual: 1096 });
      expect(later.body.serviceRuleMetOn).toBe('2028-08-30');
      const postings = await officer.get(`/teachers/${zhang.id}/postings`);
      expect(postings.body).toHaveLength(1);
      expect(postings.body[0]).toMatchObject({ id: home.id, endDate: null, version: 1 });
    });

    it('accepts a 0.5 shared plan beside a full-time home posting: home keeps 0.5 for the term', async () => {
      const wu = await createTeacher(officer, { name: '吴老师', hireDate: '2016-09-01', title: { level: 'FIRST', since: '2021-09-01' } });
      const home = await createPosting(officer, wu.id, { schoolId: city.id, startDate: '2016-09-01' });
      const plan = await officer.post(`/teachers/${wu.id}/eligibility/what-if`, {
        postings: [{ schoolId: village.id, startDate: '2026-09-01', endDate: '2028-08-31', kind: 'SHARED', fraction: 0.5 }],
      });
      expect(plan.status).toBe(200);
      expect(plan.body.assumptions).toEqual({
        closedPostings: [{ postingId: home.id, schoolId: city.id, schoolName: '丰县城南小学', endDate: '2026-08-31' }],
        reducedPostings: [
          { postingId: home.id, schoolId: city.id, schoolName: '丰县城南小学', startDate: '2026-09-01', endDate: '2028-08-31', fraction: 0.5 },
        ],
        resumedPostings: [{ postingId: home.id, schoolId: city.id, schoolName: '丰县城南小学', startDate: '2028-09-01', endDate: null, fraction: 1 }],
      });
      // Half a post at a rural school makes a qualifying day: 365 of them from 2026-09-01.
      expect(plan.body.serviceRuleMetOn).toBe('2027-08-31');
      expect(plan.body.seniorTitle.earliestServiceDate).toBe('2027-08-31');
      expect((await officer.get(`/teachers/${wu.id}/postings`)).body).toHaveLength(1);
    });

    it('refuses a plan before the hire date with the code recording uses (422 POSTING_BEFORE_HIRE)', async () => {
      const recorded = await officer.post(`/teachers/${wang.id}/postings`, {
        schoolId: village.id,
        startDate: '2008-08-31',
        endDate: '2008-08-31',
        kind: 'SUPPORT',
      });
      expect(recorded.status).toBe(422);
      const plan = await officer.post(`/teachers/${wang.id}/eligibility/what-if`, {
        postings: [
          { schoolId: village.id, startDate: '2029-02-01', kind: 'REGULAR' },
          { schoolId: village.id, startDate: '2008-08-31', endDate: '2008-08-31', kind: 'SUPPORT' },
        ],
      });
      expect(plan.status).toBe(422);
      expect(plan.body).toMatchObject({
        code: recorded.body.code,
        details: { startDate: '2008-08-31', hireDate: '2008-09-01', field: 'postings.1.startDate' },
      });
      expect(plan.body.code).toBe('POSTING_BEFORE_HIRE');
    });

    it('refuses a plan that would exceed a full post (422 POSTING_OVERLAP), names bad fields, and is for officers', async () => {
      const twice = await officer.post(`/teachers/${wang.id}/eligibility/what-if`, {
        postings: [
          { schoolId: village.id, startDate: '2027-09-01', endDate: '2028-08-31', kind: 'ROTATION' },
          { schoolId: improving.id, startDate: '2028-01-01', kind: 'SUPPORT' },
        ],
      });
      expect(twice.status).toBe(422);
      expect(twice.body).toMatchObject({ code: 'POSTING_OVERLAP', details: { date: '2028-01-01', total: 2 } });

      const bad = await officer.post(`/teachers/${wang.id}/eligibility/what-if`, {
        postings: [{ schoolId: village.id, startDate: 'soon', kind: 'TRIP' }],
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details.fields).sort()).toEqual(['postings.0.kind', 'postings.0.startDate']);
      const backwards = await officer.post(`/teachers/${wang.id}/eligibility/what-if`, {
        postings: [{ schoolId: village.id, startDate: '2027-09-01', endDate: '2027-08-31', kind: 'ROTATION' }],
      });
      expect(backwards.status).toBe(400);
      expect(Object.keys(backwards.body.details.fields)).toEqual(['postings.0.endDate']);
      const fraction = await officer.post(`/teachers/${wang.id}/eligibility/what-if`, {
        postings: [{ schoolId: village.id, startDate: '2027-09-01', kind: 'SHARED', fraction: 0.3333 }],
      });
      expect(fraction.status).toBe(400);
      expect(fraction.body.details.fields).toHaveProperty(['postings.0.fraction']);
      expect((await officer.post(`/teachers/${wang.id}/eligibility/what-if`, { postings: [] })).status).toBe(400);

      const plan = { postings: [{ schoolId: village.id, startDate: '2027-09-01', kind: 'SHARED', fraction: 0.5 }] };
      expect((await self.post(`/teachers/${wang.id}/eligibility/what-if`, plan)).status).toBe(403);
      expect((await principal.post(`/teachers/${wang.id}/eligibility/what-if`, plan)).status).toBe(403);
      const elsewhere = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
      const theirSchool = await createSchool(elsewhere);
      const outside = await officer.post(`/teachers/${wang.id}/eligibility/what-if`, {
        postings: [{ schoolId: theirSchool.id, startDate: '2027-09-01', kind: 'SUPPORT' }],
      });
      expect(outside.status).toBe(404);
      expect((await elsewhere.post(`/teachers/${wang.id}/eligibility/what-if`, plan)).status).toBe(404);
    });
  });

  describe('the county view', () => {
    const rowsOf = async (query: string): Promise<Row[]> => {
      const response = await officer.get(`/counties/320321/eligibility?pageSize=500&${query}`);
      expect(response.status).toBe(200);
      return response.body.items;
    };

    it('lists every teacher with title, answer, school name and rule outcomes, filtered by rule and outcome, paged', async () => {
      const all = await officer.get('/counties/320321/eligibility?asOf=2026-05-31');
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ countyId: '320321', asOf: '2026-05-31', policyVersion: 'jiangsu-2024.1' });
      expect(all.body.total).toBeGreaterThanOrEqual(4);
      const wangRow = all.body.items.find((r: Row) => r.teacherId === wang.id);
      expect(wangRow).toMatchObject({
        name: '王老师',
        titleLevel: 'FIRST',
        status: 'NOT_YET',
        eligible: false,
        schoolId: village.id,
        schoolName: '丰县华山镇中心小学',
        qualifyingDays: 120,
        principalPriority: false,
        earliestServiceDate: '2027-01-31',
      });
      expect(wangRow.rules.map((r: { code: string }) => r.code)).toEqual(['RURAL_OR_WEAK_SERVICE', 'TITLE_TENURE', 'TRAINING_ON_PACE']);
      expect(wangRow.rules[0].message.zh).toBe('乡村或薄弱学校任教经历尚差 245 天（需 365 天）');

      const serviceMissing = await officer.get('/counties/320321/eligibility?asOf=2026-05-31&rule=RURAL_OR_WEAK_SERVICE&passed=false');
      expect(serviceMissing.body.items.every((r: { rules: { code: string; passed: boolean }[] }) => r.rules[0].passed === false)).toBe(true);
      const tenure = await officer.get('/counties/320321/eligibility?asOf=2026-05-31&rule=TITLE_TENURE&passed=true');
      expect(tenure.body.items.map((r: Row) => r.teacherId)).toContain(wang.id);
      expect(tenure.body.items.map((r: Row) => r.teacherId)).not.toContain(li.id);
      const paged = await officer.get('/counties/320321/eligibility?pageSize=1&page=2');
      expect(paged.body).toMatchObject({ page: 2, pageSize: 1 });
      expect(paged.body.items).toHaveLength(1);
      expect((await officer.get('/counties/320321/eligibility?rule=LUCK')).status).toBe(400);
    });

    it('filters by title level and by answer, and names bad filters (400)', async () => {
      const seniors = await rowsOf('asOf=2026-09-01&title=SENIOR');
      expect(seniors.map((r) => r.teacherId)).toEqual([sun.id]);
      expect(seniors[0]).toMatchObject({ titleLevel: 'SENIOR', status: 'HOLDS_TITLE', name: '孙老师', schoolName: '丰县华山镇中心小学' });
      const holding = await rowsOf('asOf=2026-09-01&status=HOLDS_TITLE');
      expect(holding.map((r) => r.teacherId)).toEqual([sun.id]);
      const notYet = await rowsOf('asOf=2026-09-01&status=NOT_YET');
      expect(notYet.map((r) => r.teacherId)).toEqual(expect.arrayContaining([wang.id, li.id, zhou.id]));
      expect(notYet.every((r) => r.status === 'NOT_YET')).toBe(true);
      const firstNotYet = await rowsOf('asOf=2026-09-01&title=FIRST&status=NOT_YET');
      expect(firstNotYet.map((r) => r.teacherId)).toEqual(expect.arrayContaining([wang.id, zhou.id]));
      expect(firstNotYet.map((r) => r.teacherId)).not.toContain(li.id);
      expect(firstNotYet.every((r) => r.titleLevel === 'FIRST')).toBe(true);
      // On 2027-01-31 王 reaches the service requirement and is eligible.
      expect((await rowsOf('asOf=2027-01-31&status=ELIGIBLE')).map((r) => r.teacherId)).toContain(wang.id);

      const badTitle = await officer.get('/counties/320321/eligibility?title=PROFESSOR');
      expect(badTitle.status).toBe(400);
      expect(badTitle.body.details.fields).toHaveProperty('title');
      const badStatus = await officer.get('/counties/320321/eligibility?status=MAYBE');
      expect(badStatus.status).toBe(400);
      expect(badStatus.body.details.fields).toHaveProperty('status');
    });

    it('projects a later day like the single answer, with the hours to record by then', async () => {
      const row = (await officer.get('/counties/320321/eligibility?asOf=2027-01-31&pageSize=500')).body.items.find(
        (r: Row) => r.teacherId === wang.id,
      );
      const single = (await officer.get(`/teachers/${wang.id}/eligibility?asOf=2027-01-31`)).body;
      expect(row.rules).toEqual(single.seniorTitle.rules);
      expect(row.rules[2].hoursToRecordBy).toEqual({ date: '2027-01-31', hours: 18.1 });
    });

    it('agrees with the single-teacher answer', async () => {
      for (const teacher of [li, sun, zhou]) {
        const row = (await officer.get('/counties/320321/eligibility?asOf=2026-09-01&pageSize=500')).body.items.find(
          (r: Row) => r.teacherId === teacher.id,
        );
        const single = (await officer.get(`/teachers/${teacher.id}/eligibility?asOf=2026-09-01`)).body;
        expect(row.rules).toEqual(single.seniorTitle.rules);
        expect(row.status).toBe(single.seniorTitle.status);
        expect(row.eligible).toBe(single.seniorTitle.eligible);
        expect(row.earliestServiceDate).toBe(single.seniorTitle.earliestServiceDate);
        expect(row.qualifyingDays).toBe(single.principalPriority.actual);
      }
    });

    it('counts service at a rural school of another county where the teacher was posted, names it, and only for that teacher', async () => {
      // 沛县's village school, where the province seconded a 丰县 teacher for two years.
      const neighbour = await createSchool(admin, {
        countyId: '320322',
        name: '沛县杨屯镇中心小学',
        location: 'RURAL',
        classifiedFrom: '2000-01-01',
      });
      const zhao = await createTeacher(officer, { name: '赵老师', hireDate: '2010-09-01', title: { level: 'FIRST', since: '2015-09-01' } });
      await createPosting(officer, zhao.id, { schoolId: city.id, startDate: '2010-09-01', endDate: '2020-08-31' });
      await createPosting(admin, zhao.id, { schoolId: neighbour.id, startDate: '2020-09-01', endDate: '2022-08-31', kind: 'ROTATION' });
      await createPosting(officer, zhao.id, { schoolId: city.id, startDate: '2022-09-01' });

      const row = (await officer.get('/counties/320321/eligibility?asOf=2026-09-01&pageSize=500')).body.items.find(
        (r: Row) => r.teacherId === zhao.id,
      );
      const single = (await officer.get(`/teachers/${zhao.id}/eligibility?asOf=2026-09-01`)).body;
      expect(row.qualifyingDays).toBe(730);
      expect(row.rules[0]).toMatchObject({ code: 'RURAL_OR_WEAK_SERVICE', passed: true, actual: 730, unit: 'days' });
      expect(row.rules).toEqual(single.seniorTitle.rules);
      expect(single.qualifyingPeriods[0]).toMatchObject({ schoolId: neighbour.id, schoolName: '沛县杨屯镇中心小学' });
      // Seconded there in 2021: the row names the other county's school.
      const then = (await officer.get('/counties/320321/eligibility?asOf=2021-09-01&pageSize=500')).body.items.find(
        (r: Row) => r.teacherId === zhao.id,
      );
      expect(then).toMatchObject({ schoolId: neighbour.id, schoolName: '沛县杨屯镇中心小学' });
      // The neighbouring county's own view does not list the seconded teacher.
      const peixian = await account(t, admin, { username: 'officer.peixian.2', role: 'COUNTY_OFFICER', countyId: '320322' });
      const theirs = await peixian.get('/counties/320322/eligibility?asOf=2026-09-01&pageSize=500');
      expect(theirs.status).toBe(200);
      expect(theirs.body.items.map((r: Row) => r.teacherId)).not.toContain(zhao.id);
    });

    it('downloads the same list as CSV with Chinese headings and labels, UTF-8 with BOM, formula-safe', async () => {
      await createTeacher(officer, {
        name: '=HYPERLINK("x")',
        staffNo: '-T900',
        hireDate: '2020-09-01',
        title: { level: 'SECOND', since: '2021-09-01' },
      });
      const response = await t
        .http()
        .get(`${PREFIX}/counties/320321/eligibility?asOf=2026-09-01&format=csv`)
        .set('Authorization', `Bearer ${officer.token}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers['content-disposition']).toContain('eligibility-320321-2026-09-01.csv');
      expect(response.text.startsWith('\ufeff')).toBe(true);
      const lines = response.text
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        '工号,姓名,职称,学校,结论,' +
          '乡村或薄弱学校任教经历,乡村或薄弱学校任教经历实际（天）,乡村或薄弱学校任教经历要求（天）,' +
          '现职称任职年限,现职称任职年限实际（年）,现职称任职年限要求（年）,' +
          '培训学时进度,培训学时进度实际（学时）,培训学时进度要求（学时）,' +
          '未满足条件说明,届时尚需登记培训学时,最早满足日期,校长选任优先条件,乡村或薄弱学校任教天数,县（区）代码,统计日期,政策版本',
      );
      const json = await officer.get('/counties/320321/eligibility?asOf=2026-09-01&pageSize=500');
      expect(lines).toHaveLength(json.body.total + 1);
      const rows = csvRows(response.text);
      const wangRow = rows.find((cells) => cells[1] === '王老师');
      expect(wangRow?.slice(2, 14)).toEqual([
        '一级教师',
        '丰县华山镇中心小学',
        '暂不符合',
        '不满足',
        '213',
        '365',
        '满足',
        '6.6',
        '5',
        '满足',
        '60',
        '48.1',
      ]);
      expect(wangRow?.slice(14, 22)).toEqual([
        '乡村或薄弱学校任教经历尚差 152 天（需 365 天）',
        '',
        '2027-01-31',
        '不满足',
        '213',
        '320321',
        '2026-09-01',
        'jiangsu-2024.1',
      ]);
      expect(rows.find((cells) => cells[1] === '孙老师')?.slice(2, 5)).toEqual(['高级教师', '丰县华山镇中心小学', '已具备高级职称']);
      // A cell a spreadsheet would run as a formula starts with an apostrophe.
      expect(lines.find((l) => l.includes('HYPERLINK'))).toMatch(/^'-T900,"'=HYPERLINK\(""x""\)",二级教师,/);

      const filtered = await t
        .http()
        .get(`${PREFIX}/counties/320321/eligibility?asOf=2026-09-01&format=csv&status=HOLDS_TITLE`)
        .set('Authorization', `Bearer ${officer.token}`);
      expect(
        csvRows(filtered.text)
          .slice(1)
          .map((cells) => cells[1]),
      ).toEqual(['孙老师']);
      const future = await t
        .http()
        .get(`${PREFIX}/counties/320321/eligibility?asOf=2027-01-31&format=csv&title=FIRST`)
        .set('Authorization', `Bearer ${officer.token}`);
      const wangThen = csvRows(future.text).find((cells) => cells[1] === '王老师');
      expect([wangThen?.[4], wangThen?.[15]]).toEqual(['符合申报条件', '18.1']);
      const byAccept = await t
        .http()
        .get(`${PREFIX}/counties/320321/eligibility`)
        .set('Authorization', `Bearer ${officer.token}`)
        .set('Accept', 'text/csv');
      expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
      const badFormat = await officer.get('/counties/320321/eligibility?format=xls');
      expect(badFormat.status).toBe(400);
      expect(badFormat.body.details.fields).toHaveProperty('format');
    });

    it('downloads the same list as an Excel workbook: the CSV headings frozen, figures as numbers, the same filters', async () => {
      const files = new Importer(t);
      const response = await files.download(officer, '/counties/320321/eligibility?asOf=2026-09-01&format=xlsx');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toBe('attachment; filename="eligibility-320321-2026-09-01.xlsx"');
      const workbook = await workbookOf(response.body as Buffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['职称申报资格']);
      expect(workbook.getWorksheet('职称申报资格')?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const rows = sheetValues(workbook, '职称申报资格');
      const csv = await t
        .http()
        .get(`${PREFIX}/counties/320321/eligibility?asOf=2026-09-01&format=csv`)
        .set('Authorization', `Bearer ${officer.token}`);
      const csvLines = csvRows(csv.text);
      expect(rows[0]).toEqual(csvLines[0]);
      expect(rows).toHaveLength(csvLines.length);
      const wangRow = rows.find((cells) => cells[1] === '王老师');
      expect(wangRow).toEqual([
        expect.any(String),
        '王老师',
        '一级教师',
        '丰县华山镇中心小学',
        '暂不符合',
        '不满足',
        213,
        365,
        '满足',
        6.6,
        5,
        '满足',
        60,
        48.1,
        '乡村或薄弱学校任教经历尚差 152 天（需 365 天）',
        undefined, // an empty cell: no hours to record by that day
        '2027-01-31',
        '不满足',
        213,
        '320321',
        '2026-09-01',
        'jiangsu-2024.1',
      ]);
      // Text is text, never a formula, and keeps no apostrophe.
      expect(rows.find((cells) => cells[0] === '-T900')?.slice(0, 3)).toEqual(['-T900', '=HYPERLINK("x")', '二级教师']);

      const filtered = await files.download(officer, '/counties/320321/eligibility?asOf=2026-09-01&format=xlsx&status=HOLDS_TITLE');
      expect(
        sheetValues(await workbookOf(filtered.body as Buffer), '职称申报资格')
          .slice(1)
          .map((cells) => cells[1]),
      ).toEqual(['孙老师']);
      const byAccept = await files.download(officer, '/counties/320321/eligibility?title=SENIOR').set('Accept', XLSX);
      expect(byAccept.headers['content-type']).toBe(XLSX);
      expect(sheetValues(await workbookOf(byAccept.body as Buffer), '职称申报资格').map((cells) => cells[2])).toEqual(['职称', '高级教师']);
    });

    it('is for officers of the county', async () => {
      expect((await principal.get('/counties/320321/eligibility')).status).toBe(403);
      expect((await self.get('/counties/320321/eligibility')).status).toBe(403);
      const neighbour = await account(t, admin, { username: 'officer.jiangyin', role: 'COUNTY_OFFICER', countyId: '320281' });
      expect((await neighbour.get('/counties/320321/eligibility')).status).toBe(404);
      expect((await neighbour.get('/counties/320321/eligibility?format=csv')).status).toBe(404);
      expect((await neighbour.get('/counties/320321/eligibility?format=xlsx')).status).toBe(404);
      expect((await principal.get('/counties/320321/eligibility?format=xlsx')).status).toBe(403);
    });
  });

  // Last: it publishes a policy version that changes the answers above.
  it('follows a new policy version taking effect today: the answer, its messages and the reported version change', async () => {
    const before = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2026-09-01`);
    expect(before.body.seniorTitle.rules[0].passed).toBe(false);
    const current = (await admin.get('/policy')).body;
    const published = await admin.post('/policy/versions', {
      version: 'jiangsu-2024.2',
      effectiveFrom: '2026-09-01',
      title: '乡村任教年限调整（试行）',
      parameters: {
        ...current.parameters,
        eligibility: { ...current.parameters.eligibility, seniorTitle: { ...current.parameters.eligibility.seniorTitle, serviceDays: 300 } },
      },
    });
    expect(published.status).toBe(201);
    const after = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2026-09-01`);
    expect(after.body.policyVersion).toBe('jiangsu-2024.2');
    expect(after.body.seniorTitle.rules[0]).toEqual({
      code: 'RURAL_OR_WEAK_SERVICE',
      passed: false,
      required: 300,
      actual: 213,
      unit: 'days',
      message: { zh: '乡村或薄弱学校任教经历尚差 87 天（需 300 天）', en: '87 more days at a rural or weak school needed (300 required)' },
    });
    expect(after.body.seniorTitle.earliestServiceDate).toBe('2026-11-27');
    // Earlier days still use the version in force then.
    expect((await officer.get(`/teachers/${wang.id}/eligibility?asOf=2026-08-31`)).body.policyVersion).toBe('jiangsu-2024.1');
  });
});
