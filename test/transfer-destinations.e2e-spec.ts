import { account, Client, loginAdmin } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The schools a teacher may be transferred to (GET /transfers/destinations, docs/rules.md "Transfers"): a county officer
 * picks a destination in another county, whose schools the officer cannot otherwise list; names and codes only, searched
 * by name or code; the roles that do not transfer answer 403, an unknown county 404, a bad one 400.
 */
describe('transfer destinations', () => {
  let t: TestApp;
  let admin: Client;
  let fengxian: Client;
  let liyang: Client;
  let liyangSchool: { id: string; code: string };

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-06-01' });
    admin = await loginAdmin(t);
    fengxian = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    liyang = await account(t, admin, { username: 'officer.liyang', role: 'COUNTY_OFFICER', countyId: '320481' });
    await createSchool(fengxian, { name: '丰县城南小学' });
    liyangSchool = await createSchool(liyang, { name: '溧阳实验小学' });
    await createSchool(liyang, { name: '溧阳南渡中学', stage: 'JUNIOR' });
  });
  afterAll(() => t.close());

  it("lists another county's schools to a county officer, by code, with the county's name, and finds one by name or code", async () => {
    const all = await fengxian.get('/transfers/destinations?countyId=320481');
    expect(all.status).toBe(200);
    expect(all.body.map((s: { name: string }) => s.name)).toEqual(['溧阳实验小学', '溧阳南渡中学']);
    expect(all.body[0]).toEqual({ id: liyangSchool.id, code: liyangSchool.code, name: '溧阳实验小学', countyId: '320481', countyName: '溧阳市' });
    // The officer's own school list stays within the county.
    expect((await fengxian.get('/schools?countyId=320481')).body.total).toBe(0);

    expect(
      (await fengxian.get(`/transfers/destinations?countyId=320481&q=${encodeURIComponent('南渡')}`)).body.map((s: { name: string }) => s.name),
    ).toEqual(['溧阳南渡中学']);
    expect((await fengxian.get(`/transfers/destinations?countyId=320481&q=${liyangSchool.code}`)).body).toHaveLength(1);
    expect((await admin.get('/transfers/destinations?countyId=320321')).body.map((s: { name: string }) => s.name)).toEqual(['丰县城南小学']);
  });

  it('leads to a transfer the destination county then sees pending', async () => {
    const school = (await fengxian.get('/schools?countyId=320321')).body.items[0] as { id: string };
    const teacher = await createTeacher(fengxian, { name: '陈老师' });
    await createPosting(fengxian, teacher.id, { schoolId: school.id, startDate: '2015-09-01' });
    const [destination] = (await fengxian.get('/transfers/destinations?countyId=320481')).body as { id: string }[];
    const sent = await fengxian.post('/transfers', {
      teacherId: teacher.id,
      toSchoolId: destination.id,
      effectiveDate: '2026-09-01',
      reason: '随配偶调动',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'PENDING', crossCounty: true, toSchoolName: '溧阳实验小学' });
  });

  it('answers 403 to the roles that do not transfer, 404 for an unknown county and 400 for a bad one', async () => {
    const city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });
    expect((await city.get('/transfers/destinations?countyId=320481')).status).toBe(403);
    const unknown = await fengxian.get('/transfers/destinations?countyId=329999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const bad = await fengxian.get('/transfers/destinations?countyId=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields).toHaveProperty('countyId');
    expect((await fengxian.get('/transfers/destinations')).status).toBe(400);
  });
});
