import { addDays } from '@app/domain';
import { account, Client, loginAdmin, PREFIX } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

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

    const head = await createTeacher(officer, { name: '华山校长', post: 'PRINCIPAL' });
    await createPosting(officer, head.id, { schoolId: village.id, startDate: '2016-09-01' });
    principal = await account(t, officer, { username: 'principal.huashan', role: 'PRINCIPAL', schoolId: village.id, teacherId: head.id });
    self = await account(t, officer, { username: 'teacher.wang', role: 'TEACHER', teacherId: wang.id });
  });
  afterAll(() => t.close());

  it('answers as the contract describes: rules with required and actual, the earliest service date, the periods', async () => {
    const response = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2026-09-01`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      teacherId: wang.id,
      asOf: '2026-09-01',
      policyVersion: 'jiangsu-2024.1',
      seniorTitle: {
        eligible: false,
        rules: [
          { code: 'RURAL_OR_WEAK_SERVICE', passed: false, required: 365, actual: 213, unit: 'days' },
          { code: 'TITLE_TENURE', passed: true, required: 5, actual: 6.6, unit: 'years' },
          { code: 'TRAINING_ON_PACE', passed: true, required: 48.1, actual: 60, unit: 'hours' },
        ],
        earliestServiceDate: '2027-01-31',
      },
      principalPriority: { priority: false, required: 1095, actual: 213, unit: 'days' },
      qualifyingPeriods: [{ schoolId: village.id, schoolIds: [village.id], from: '2026-02-01', to: '2026-09-01', days: 213 }],
    });
    expect((await officer.get(`/teachers/${wang.id}/eligibility`)).body.asOf).toBe('2026-09-01');
  });

  it('projects a future day, and refuses a day before the hire date (400)', async () => {
    const future = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2027-01-31`);
    expect(future.body.seniorTitle.rules[0]).toMatchObject({ passed: true, actual: 365 });
    const early = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2008-08-31`);
    expect(early.status).toBe(400);
    expect(early.body.details.fields).toHaveProperty('asOf');
    expect((await officer.get(`/teachers/${wang.id}/eligibility?asOf=2026-02-30`)).status).toBe(400);
  });

  it('counts a school only on the days it was weak, after a reclassification mid-posting', async () => {
    const response = await officer.get(`/teachers/${li.id}/eligibility?asOf=2026-09-01`);
    expect(response.body.principalPriority.actual).toBe(731); // 2022-09-01 … 2024-08-31
    expect(response.body.qualifyingPeriods).toEqual([
      { schoolId: improving.id, schoolIds: [improving.id], from: '2022-09-01', to: '2024-08-31', days: 731 },
    ]);
    expect(response.body.seniorTitle.rules[1]).toMatchObject({ code: 'TITLE_TENURE', passed: false, actual: 0 });
    expect(response.body.seniorTitle.earliestServiceDate).toBeNull();
  });

  it('lets the teacher, their principal and the county read it; others get 404', async () => {
    expect((await self.get(`/teachers/${wang.id}/eligibility`)).status).toBe(200);
    expect((await self.get(`/teachers/${li.id}/eligibility`)).status).toBe(404);
    expect((await principal.get(`/teachers/${wang.id}/eligibility`)).status).toBe(200);
    expect((await principal.get(`/teachers/${li.id}/eligibility`)).status).toBe(404);
    const neighbour = await account(t, admin, { username: 'officer.liyang', role: 'COUNTY_OFFICER', countyId: '320481' });
    expect((await neighbour.get(`/teachers/${wang.id}/eligibility`)).status).toBe(404);
  });

  it('follows a new policy version taking effect today: the answer and the reported version change', async () => {
    const before = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2026-09-01`);
    expect(before.body.seniorTitle.rules[0].passed).toBe(false);
    const current = (await admin.get('/policy')).body;
    const published = await admin.post('/policy/versions', {
      version: 'jiangsu-2024.2',
      effectiveFrom: '2026-09-01',
      title: '乡村任教年限调整（试行）',
      parameters: {
        ...current.parameters,
        eligibility: { ...current.parameters.eligibility, seniorTitle: { ...current.parameters.eligibility.seniorTitle, serviceDays: 200 } },
      },
    });
    expect(published.status).toBe(201);
    const after = await officer.get(`/teachers/${wang.id}/eligibility?asOf=2026-09-01`);
    expect(after.body.policyVersion).toBe('jiangsu-2024.2');
    expect(after.body.seniorTitle.rules[0]).toEqual({ code: 'RURAL_OR_WEAK_SERVICE', passed: true, required: 200, actual: 213, unit: 'days' });
    expect(after.body.seniorTitle.eligible).toBe(true);
    expect(after.body.seniorTitle.earliestServiceDate).toBeNull();
    // Earlier days still use the version in force then.
    expect((await officer.get(`/teachers/${wang.id}/eligibility?asOf=2026-08-31`)).body.policyVersion).toBe('jiangsu-2024.1');
  });

  describe('what-if', () => {
    it('answers as if a planned rotation existed, closing the home posting the day before, and writes nothing', async () => {
      const zhang = await createTeacher(officer, { name: '张老师', hireDate: '2012-09-01', title: { level: 'FIRST', since: '2019-09-01' } });
      const home = await createPosting(officer, zhang.id, { schoolId: city.id, startDate: '2012-09-01' });
      const plan = await officer.post(`/teachers/${zhang.id}/eligibility/what-if`, {
        postings: [{ schoolId: village.id, startDate: '2027-09-01', endDate: '2030-08-31', kind: 'ROTATION' }],
      });
      expect(plan.status).toBe(200);
      expect(plan.body.asOf).toBe('2027-09-01');
      expect(plan.body.assumptions).toEqual({ closedPostings: [{ postingId: home.id, schoolId: city.id, endDate: '2027-08-31' }] });
      expect(plan.body.seniorTitle.rules[0]).toMatchObject({ actual: 1, passed: false });
      // The day the plan starts counts as day 1 (the version in force may ask 365 days, or 200 after the test above).
      expect(plan.body.seniorTitle.earliestServiceDate).toBe(addDays('2027-09-01', plan.body.seniorTitle.rules[0].required - 1));
      const later = await officer.post(`/teachers/${zhang.id}/eligibility/what-if`, {
        asOf: '2030-08-31',
        postings: [{ schoolId: village.id, startDate: '2027-09-01', endDate: '2030-08-31', kind: 'ROTATION' }],
      });
      expect(later.body.principalPriority).toMatchObject({ priority: true, actual: 1096 });
      const postings = await officer.get(`/teachers/${zhang.id}/postings`);
      expect(postings.body).toHaveLength(1);
      expect(postings.body[0]).toMatchObject({ id: home.id, endDate: null, version: 1 });
    });

    it('refuses a plan that would exceed a full post, names bad fields, and is for officers', async () => {
      const plan = { postings: [{ schoolId: village.id, startDate: '2027-09-01', kind: 'SHARED', fraction: 0.5 }] };
      const overload = await officer.post(`/teachers/${wang.id}/eligibility/what-if`, {
        postings: [{ ...plan.postings[0], startDate: '2026-09-01' }],
      });
      expect(overload.status).toBe(422);
      expect(overload.body.code).toBe('POSTING_OVERLAP');
      const bad = await officer.post(`/teachers/${wang.id}/eligibility/what-if`, {
        postings: [{ schoolId: village.id, startDate: 'soon', kind: 'TRIP' }],
      });
      expect(Object.keys(bad.body.details.fields).sort()).toEqual(['postings.0.kind', 'postings.0.startDate']);
      expect((await officer.post(`/teachers/${wang.id}/eligibility/what-if`, { postings: [] })).status).toBe(400);
      expect((await self.post(`/teachers/${wang.id}/eligibility/what-if`, plan)).status).toBe(403);
      const elsewhere = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
      const theirSchool = await createSchool(elsewhere);
      expect(
        (
          await officer.post(`/teachers/${wang.id}/eligibility/what-if`, {
            postings: [{ schoolId: theirSchool.id, startDate: '2027-09-01', kind: 'SUPPORT' }],
          })
        ).status,
      ).toBe(404);
    });
  });

  describe('the county view', () => {
    it('lists every teacher with their rule outcomes, filtered by rule and outcome, paged', async () => {
      const all = await officer.get('/counties/320321/eligibility?asOf=2026-05-31');
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ countyId: '320321', asOf: '2026-05-31', policyVersion: 'jiangsu-2024.1' });
      expect(all.body.total).toBeGreaterThanOrEqual(3);
      const wangRow = all.body.items.find((r: { teacherId: string }) => r.teacherId === wang.id);
      expect(wangRow).toMatchObject({
        eligible: false,
        schoolId: village.id,
        qualifyingDays: 120,
        principalPriority: false,
        earliestServiceDate: '2027-01-31',
      });
      expect(wangRow.rules.map((r: { code: string }) => r.code)).toEqual(['RURAL_OR_WEAK_SERVICE', 'TITLE_TENURE', 'TRAINING_ON_PACE']);

      const serviceMissing = await officer.get('/counties/320321/eligibility?asOf=2026-05-31&rule=RURAL_OR_WEAK_SERVICE&passed=false');
      expect(serviceMissing.body.items.every((r: { rules: { code: string; passed: boolean }[] }) => r.rules[0].passed === false)).toBe(true);
      const tenure = await officer.get('/counties/320321/eligibility?asOf=2026-05-31&rule=TITLE_TENURE&passed=true');
      expect(tenure.body.items.map((r: { teacherId: string }) => r.teacherId)).toContain(wang.id);
      expect(tenure.body.items.map((r: { teacherId: string }) => r.teacherId)).not.toContain(li.id);
      const paged = await officer.get('/counties/320321/eligibility?pageSize=1&page=2');
      expect(paged.body).toMatchObject({ page: 2, pageSize: 1 });
      expect(paged.body.items).toHaveLength(1);
      expect((await officer.get('/counties/320321/eligibility?rule=LUCK')).status).toBe(400);
    });

    it('agrees with the single-teacher answer', async () => {
      const row = (await officer.get('/counties/320321/eligibility?asOf=2026-09-01&pageSize=500')).body.items.find(
        (r: { teacherId: string }) => r.teacherId === li.id,
      );
      const single = (await officer.get(`/teachers/${li.id}/eligibility?asOf=2026-09-01`)).body;
      expect(row.rules).toEqual(single.seniorTitle.rules);
      expect(row.eligible).toBe(single.seniorTitle.eligible);
      expect(row.qualifyingDays).toBe(single.principalPriority.actual);
    });

    it('counts service at a rural school of another county where the teacher was posted, and only for that teacher', async () => {
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
        (r: { teacherId: string }) => r.teacherId === zhao.id,
      );
      const single = (await officer.get(`/teachers/${zhao.id}/eligibility?asOf=2026-09-01`)).body;
      expect(row.qualifyingDays).toBe(730);
      expect(row.rules[0]).toMatchObject({ code: 'RURAL_OR_WEAK_SERVICE', passed: true, actual: 730, unit: 'days' });
      expect(row.rules).toEqual(single.seniorTitle.rules);
      // The neighbouring county's own view does not list the seconded teacher.
      const peixian = await account(t, admin, { username: 'officer.peixian.2', role: 'COUNTY_OFFICER', countyId: '320322' });
      const theirs = await peixian.get('/counties/320322/eligibility?asOf=2026-09-01&pageSize=500');
      expect(theirs.status).toBe(200);
      expect(theirs.body.items.map((r: { teacherId: string }) => r.teacherId)).not.toContain(zhao.id);
    });

    it('downloads the same list as CSV', async () => {
      const response = await t
        .http()
        .get(`${PREFIX}/counties/320321/eligibility?asOf=2026-09-01&format=csv`)
        .set('Authorization', `Bearer ${officer.token}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toContain('eligibility-320321-2026-09-01.csv');
      const lines = response.text
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'staffNo,name,school,eligible,RURAL_OR_WEAK_SERVICE.passed,RURAL_OR_WEAK_SERVICE.actual,RURAL_OR_WEAK_SERVICE.required,TITLE_TENURE.passed,TITLE_TENURE.actual,TITLE_TENURE.required,TRAINING_ON_PACE.passed,TRAINING_ON_PACE.actual,TRAINING_ON_PACE.required,earliestServiceDate,principalPriority,qualifyingDays,countyId,asOf,policyVersion',
      );
      const json = await officer.get('/counties/320321/eligibility?asOf=2026-09-01&pageSize=500');
      expect(lines).toHaveLength(json.body.total + 1);
      expect(lines.find((l) => l.includes('王老师'))).toContain('丰县华山镇中心小学,true,true,213,200');
      const byAccept = await t
        .http()
        .get(`${PREFIX}/counties/320321/eligibility`)
        .set('Authorization', `Bearer ${officer.token}`)
        .set('Accept', 'text/csv');
      expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
    });

    it('is for officers of the county', async () => {
      expect((await principal.get('/counties/320321/eligibility')).status).toBe(403);
      expect((await self.get('/counties/320321/eligibility')).status).toBe(403);
      const neighbour = await account(t, admin, { username: 'officer.jiangyin', role: 'COUNTY_OFFICER', countyId: '320281' });
      expect((await neighbour.get('/counties/320321/eligibility')).status).toBe(404);
    });
  });
});
