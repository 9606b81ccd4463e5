import { account, Client, loginAdmin } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Each role sees exactly its part: officers their county (or city), a principal their school and
 * its current and incoming staff, a teacher only themself. Out of scope answers 404, never 403,
 * so that nothing leaks about what exists; a role that may never do a thing answers 403.
 */
describe('roles and scopes', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let principal: Client;
  let teacherClient: Client;
  let school: { id: string };
  let otherSchool: { id: string };
  let staff: { id: string };
  let incoming: { id: string };
  let former: { id: string };
  let elsewhere: { id: string };
  let self: { id: string };

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-09-01' });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    school = await createSchool(officer, { name: '华山中心小学' });
    otherSchool = await createSchool(officer, { name: '欢口中心小学' });
    staff = await createTeacher(officer, { name: '在岗教师' });
    incoming = await createTeacher(officer, { name: '将到教师' });
    former = await createTeacher(officer, { name: '已调离教师' });
    elsewhere = await createTeacher(officer, { name: '他校教师' });
    self = await createTeacher(officer, { name: '本人' });
    await createPosting(officer, staff.id, { schoolId: school.id, startDate: '2015-09-01' });
    await createPosting(officer, incoming.id, { schoolId: otherSchool.id, startDate: '2015-09-01', endDate: '2026-12-31' });
    await createPosting(officer, incoming.id, { schoolId: school.id, startDate: '2027-01-01', kind: 'ROTATION', endDate: '2029-12-31' });
    await createPosting(officer, former.id, { schoolId: school.id, startDate: '2010-09-01', endDate: '2020-08-31' });
    await createPosting(officer, former.id, { schoolId: otherSchool.id, startDate: '2020-09-01' });
    await createPosting(officer, elsewhere.id, { schoolId: otherSchool.id, startDate: '2012-09-01' });
    await createPosting(officer, self.id, { schoolId: school.id, startDate: '2019-09-01' });
    const head = await createTeacher(officer, { name: '校长', post: 'PRINCIPAL' });
    await createPosting(officer, head.id, { schoolId: school.id, startDate: '2016-09-01' });
    principal = await account(t, officer, { username: 'principal.huashan', role: 'PRINCIPAL', schoolId: school.id, teacherId: head.id });
    teacherClient = await account(t, officer, { username: 'teacher.self', role: 'TEACHER', teacherId: self.id });
  });
  afterAll(() => t.close());

  describe('a principal', () => {
    it('reads their own school but not another one', async () => {
      expect((await principal.get(`/schools/${school.id}`)).status).toBe(200);
      expect((await principal.get(`/schools/${otherSchool.id}`)).status).toBe(404);
      const list = await principal.get('/schools');
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([school.id]);
    });

    it('reads current and incoming staff, not former staff or another school’s teachers (404)', async () => {
      expect((await principal.get(`/teachers/${staff.id}`)).status).toBe(200);
      expect((await principal.get(`/teachers/${incoming.id}`)).status).toBe(200);
      expect((await principal.get(`/teachers/${staff.id}/postings`)).status).toBe(200);
      const notMine = await principal.get(`/teachers/${elsewhere.id}`);
      expect(notMine.status).toBe(404);
      expect(notMine.body.code).toBe('NOT_FOUND');
      expect((await principal.get(`/teachers/${former.id}`)).status).toBe(404);
      expect((await principal.get(`/teachers/${elsewhere.id}/postings`)).status).toBe(404);
    });

    it('lists their staff posted today, and gets 404 when filtering by another school', async () => {
      const list = await principal.get(`/teachers?schoolId=${school.id}`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((x: { name: string }) => x.name).sort()).toEqual(['在岗教师', '本人', '校长'].sort());
      expect((await principal.get(`/teachers?schoolId=${otherSchool.id}`)).status).toBe(404);
      const all = await principal.get('/teachers');
      expect(all.body.items.map((x: { id: string }) => x.id)).not.toContain(elsewhere.id);
    });

    it('may not change the registry (403)', async () => {
      expect(
        (await principal.post('/schools', { countyId: '320321', code: 'P1', name: 'p', stage: 'PRIMARY', location: 'URBAN', weak: false })).status,
      ).toBe(403);
      expect((await principal.patch(`/schools/${school.id}`, { version: 1, name: 'mine now' })).status).toBe(403);
      expect((await principal.post(`/teachers/${staff.id}/postings`, { schoolId: school.id, startDate: '2030-01-01', kind: 'REGULAR' })).status).toBe(
        403,
      );
      expect((await principal.get('/audit')).status).toBe(403);
    });
  });

  describe('a teacher', () => {
    it('reads their own profile and postings', async () => {
      const me = await teacherClient.get(`/teachers/${self.id}`);
      expect(me.status).toBe(200);
      expect(me.body.name).toBe('本人');
      expect((await teacherClient.get(`/teachers/${self.id}/postings`)).body).toHaveLength(1);
      expect((await teacherClient.get('/auth/me')).body).toMatchObject({ role: 'TEACHER', teacherId: self.id });
    });

    it('cannot list teachers (403) or read a colleague (404)', async () => {
      const list = await teacherClient.get('/teachers');
      expect(list.status).toBe(403);
      expect(list.body.code).toBe('FORBIDDEN');
      expect((await teacherClient.get(`/teachers/${staff.id}`)).status).toBe(404);
    });

    it('reads the schools they were posted at (for their history), nothing else', async () => {
      expect((await teacherClient.get(`/schools/${school.id}`)).status).toBe(200);
      expect((await teacherClient.get(`/schools/${otherSchool.id}`)).status).toBe(404);
    });
  });

  describe('officers', () => {
    it('a county officer reads the whole county; another county’s officer sees none of it', async () => {
      const neighbour = await account(t, admin, { username: 'officer.liyang', role: 'COUNTY_OFFICER', countyId: '320481' });
      expect((await officer.get('/teachers?countyId=320321')).body.total).toBe(6);
      expect((await neighbour.get('/teachers')).body.total).toBe(0);
      expect((await neighbour.get('/teachers?countyId=320321')).status).toBe(404);
      expect((await neighbour.get(`/teachers?schoolId=${school.id}`)).status).toBe(404);
    });

    it('a city officer reads the counties of the city but writes nothing', async () => {
      const city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });
      expect((await city.get(`/teachers/${staff.id}`)).status).toBe(200);
      expect((await city.get('/teachers?countyId=320321')).body.total).toBe(6);
      expect((await city.patch(`/teachers/${staff.id}`, { version: 1, name: 'x' })).status).toBe(403);
      const suzhou = await account(t, admin, { username: 'city.suzhou', role: 'CITY_OFFICER', cityId: '320500' });
      expect((await suzhou.get(`/teachers/${staff.id}`)).status).toBe(404);
    });

    it('the province administrator reads and writes everywhere', async () => {
      expect((await admin.get(`/teachers/${staff.id}`)).status).toBe(200);
      expect((await admin.get('/schools?pageSize=500')).body.total).toBe(2);
    });
  });
});
