import { account, Client, login, loginAdmin, PASSWORD, PREFIX } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { ADMIN_PASSWORD, createTestApp, TestApp } from './support/test-app';

describe('auth and accounts', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_ATTEMPTS: '3', LOGIN_WINDOW_SECONDS: '600' } });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
  });
  afterAll(() => t.close());

  it('signs in the first administrator with ADMIN_PASSWORD and describes the token', async () => {
    const response = await t.http().post(`${PREFIX}/auth/login`).send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800, user: { username: 'admin', role: 'PROVINCE_ADMIN' } });
    expect(response.body.accessToken.split('.')).toHaveLength(3);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await t.http().post(`${PREFIX}/auth/login`).send({ username: 'officer.fengxian', password: 'not-the-password' });
    const unknown = await t.http().post(`${PREFIX}/auth/login`).send({ username: 'nobody.here', password: 'not-the-password' });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Wrong username or password', details: {} });
    }
  });

  it('signs in case-insensitively', async () => {
    expect((await t.http().post(`${PREFIX}/auth/login`).send({ username: 'Officer.FengXian', password: PASSWORD })).status).toBe(200);
  });

  it('limits failed sign-ins per username, then refuses even the right password for a while', async () => {
    await account(t, admin, { username: 'officer.target', role: 'COUNTY_OFFICER', countyId: '320322' });
    for (let i = 0; i < 3; i++) {
      expect((await t.http().post(`${PREFIX}/auth/login`).send({ username: 'officer.target', password: 'wrong-password' })).status).toBe(401);
    }
    const blocked = await t.http().post(`${PREFIX}/auth/login`).send({ username: 'officer.target', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    // Other accounts are not affected.
    expect((await t.http().post(`${PREFIX}/auth/login`).send({ username: 'officer.fengxian', password: PASSWORD })).status).toBe(200);
  });

  it('rejects bad login bodies with the fields named', async () => {
    const response = await t.http().post(`${PREFIX}/auth/login`).send({ username: 'admin', extra: 1 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.details.fields).sort()).toEqual(['extra', 'password']);
  });

  it('needs a valid bearer token everywhere but login and health', async () => {
    expect((await t.http().get(`${PREFIX}/auth/me`)).body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
    expect((await t.http().get(`${PREFIX}/schools`).set('Authorization', 'Bearer not.a.token')).status).toBe(401);
    expect((await t.http().get(`${PREFIX}/health`)).status).toBe(200);
  });

  it('tells who is signed in, with the anchors of the role', async () => {
    const response = await officer.get('/auth/me');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: officer.user.id,
      username: 'officer.fengxian',
      role: 'COUNTY_OFFICER',
      cityId: '320300',
      countyId: '320321',
    });
  });

  it('lets a county officer create principals and teachers of the county only', async () => {
    const school = await createSchool(officer);
    const teacher = await createTeacher(officer);
    const head = await createTeacher(officer, { post: 'PRINCIPAL' });
    await createPosting(officer, head.id, { schoolId: school.id, startDate: '2016-09-01' });
    const principal = await account(t, officer, { username: 'principal.one', role: 'PRINCIPAL', schoolId: school.id, teacherId: head.id });
    expect(principal.user).toMatchObject({ role: 'PRINCIPAL', schoolId: school.id, countyId: '320321', teacherId: head.id });
    const teacherAccount = await account(t, officer, { username: 'teacher.one', role: 'TEACHER', teacherId: teacher.id });
    expect(teacherAccount.user).toMatchObject({ role: 'TEACHER', teacherId: teacher.id, countyId: '320321' });

    const otherOfficer = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    const foreign = await otherOfficer.post('/users', {
      username: 'principal.two',
      password: PASSWORD,
      role: 'PRINCIPAL',
      schoolId: school.id,
      teacherId: head.id,
    });
    expect(foreign.status).toBe(404);
    const upward = await officer.post('/users', { username: 'officer.two', password: PASSWORD, role: 'COUNTY_OFFICER', countyId: '320321' });
    expect(upward.status).toBe(403);
    expect(upward.body.code).toBe('FORBIDDEN');
    expect((await principal.post('/users', { username: 'teacher.two', password: PASSWORD, role: 'TEACHER', teacherId: teacher.id })).status).toBe(
      403,
    );
  });

  it('links every principal and teacher account to a teacher record, naming teacherId when it is missing (400)', async () => {
    const school = await createSchool(officer);
    const noTeacher = await officer.post('/users', { username: 'principal.unlinked', password: PASSWORD, role: 'PRINCIPAL', schoolId: school.id });
    expect(noTeacher.status).toBe(400);
    expect(noTeacher.body.code).toBe('VALIDATION_FAILED');
    expect(noTeacher.body.details.fields).toEqual({ teacherId: ['is required for a PRINCIPAL (their own teacher record)'] });
    const neither = await officer.post('/users', { username: 'principal.unlinked', password: PASSWORD, role: 'PRINCIPAL' });
    expect(Object.keys(neither.body.details.fields).sort()).toEqual(['schoolId', 'teacherId']);
    const teacher = await officer.post('/users', { username: 'teacher.unlinked', password: PASSWORD, role: 'TEACHER' });
    expect(teacher.status).toBe(400);
    expect(teacher.body.details.fields).toHaveProperty('teacherId');
    const officerWithTeacher = await admin.post('/users', {
      username: 'officer.linked',
      password: PASSWORD,
      role: 'COUNTY_OFFICER',
      countyId: '320321',
      teacherId: (await createTeacher(officer)).id,
    });
    expect(officerWithTeacher.body.details.fields).toEqual({ teacherId: ['does not apply to a COUNTY_OFFICER'] });
  });

  it("links a principal only to the record of the school's principal or a vice-principal posted there today or later (400 on teacherId)", async () => {
    const school = await createSchool(officer);
    const elsewhere = await createSchool(officer);
    const create = (username: string, teacherId: string) =>
      officer.post('/users', { username, password: PASSWORD, role: 'PRINCIPAL', schoolId: school.id, teacherId });

    const ordinary = await createTeacher(officer, { post: 'TEACHER' });
    await createPosting(officer, ordinary.id, { schoolId: school.id, startDate: '2016-09-01' });
    const notHead = await create('principal.ordinary', ordinary.id);
    expect(notHead.status).toBe(400);
    expect(notHead.body.details.fields.teacherId[0]).toMatch(/PRINCIPAL or VICE_PRINCIPAL/);

    const otherHead = await createTeacher(officer, { post: 'PRINCIPAL' });
    await createPosting(officer, otherHead.id, { schoolId: elsewhere.id, startDate: '2016-09-01' });
    const notHere = await create('principal.elsewhere', otherHead.id);
    expect(notHere.status).toBe(400);
    expect(notHere.body.details.fields.teacherId).toEqual(['must be posted at the school today or from a later day']);

    const formerHead = await createTeacher(officer, { post: 'PRINCIPAL' });
    await createPosting(officer, formerHead.id, { schoolId: school.id, startDate: '2010-09-01', endDate: '2020-08-31' });
    await createPosting(officer, formerHead.id, { schoolId: elsewhere.id, startDate: '2020-09-01' });
    expect((await create('principal.former', formerHead.id)).status).toBe(400);

    const peixian = await account(t, admin, { username: 'officer.peixian.2', role: 'COUNTY_OFFICER', countyId: '320322' });
    const foreignHead = await createTeacher(peixian, { post: 'PRINCIPAL' });
    const foreign = await admin.post('/users', {
      username: 'principal.foreign',
      password: PASSWORD,
      role: 'PRINCIPAL',
      schoolId: school.id,
      teacherId: foreignHead.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details.fields.teacherId).toEqual(["must be a teacher of the school's county"]);
    // Another county's teacher is outside a county officer's scope altogether.
    expect((await create('principal.foreign', foreignHead.id)).status).toBe(404);

    const vice = await createTeacher(officer, { post: 'VICE_PRINCIPAL' });
    await createPosting(officer, vice.id, { schoolId: elsewhere.id, startDate: '2016-09-01', endDate: '2026-12-31' });
    await createPosting(officer, vice.id, { schoolId: school.id, startDate: '2027-01-01' });
    const incoming = await create('principal.incoming', vice.id);
    expect(incoming.status).toBe(201);
    expect(incoming.body).toMatchObject({ role: 'PRINCIPAL', schoolId: school.id, teacherId: vice.id });
  });

  it('refuses short passwords, missing anchors, and taken usernames', async () => {
    const short = await admin.post('/users', { username: 'city.officer', password: 'short', role: 'CITY_OFFICER', cityId: '320300' });
    expect(short.status).toBe(400);
    expect(short.body.details.fields).toHaveProperty('password');
    const anchorless = await admin.post('/users', { username: 'city.officer', password: PASSWORD, role: 'CITY_OFFICER' });
    expect(anchorless.status).toBe(400);
    expect(anchorless.body.details.fields).toHaveProperty('cityId');
    const taken = await admin.post('/users', { username: 'OFFICER.fengxian', password: PASSWORD, role: 'COUNTY_OFFICER', countyId: '320321' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('USERNAME_TAKEN');
  });

  it('records account creation in the audit log', async () => {
    const response = await admin.get('/audit?entity=user&entityId=' + officer.user.id);
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0]).toMatchObject({
      action: 'user.create',
      actor: { username: 'admin', role: 'PROVINCE_ADMIN' },
      after: { username: 'officer.fengxian' },
    });
  });

  it('lets a city officer read but not create accounts', async () => {
    const city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });
    expect(city.user).toMatchObject({ cityId: '320300' });
    expect((await city.post('/users', { username: 'x.y.z', password: PASSWORD, role: 'TEACHER', teacherId: 'x' })).status).toBe(403);
    expect((await login(t, 'city.xuzhou', PASSWORD)).user.role).toBe('CITY_OFFICER');
  });
});
