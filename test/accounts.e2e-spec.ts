import { account, Client, login, loginAdmin, PASSWORD, PREFIX } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const NEW_PASSWORD = 'another-password-2026';

describe('accounts: listing, own password, reset, disable', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let colleague: Client;
  let peixian: Client;
  let city: Client;
  let principal: Client;
  let teacher: Client;
  let liyang: Client;

  const signIn = (username: string, password: string) => t.http().post(`${PREFIX}/auth/login`).send({ username, password });
  const me = (token: string) => t.http().get(`${PREFIX}/auth/me`).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_ATTEMPTS: '3' } });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    colleague = await account(t, admin, { username: 'officer.fengxian.2', role: 'COUNTY_OFFICER', countyId: '320321' });
    peixian = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });
    liyang = await account(t, admin, { username: 'officer.liyang', role: 'COUNTY_OFFICER', countyId: '320481' });
    const school = await createSchool(officer, { name: '丰县凤城街道中心小学' });
    const head = await createTeacher(officer, { name: '张校长', post: 'PRINCIPAL' });
    const wang = await createTeacher(officer, { name: '王静' });
    for (const id of [head.id, wang.id]) await createPosting(officer, id, { schoolId: school.id, startDate: '2016-09-01' });
    principal = await account(t, officer, { username: 'principal.fx0001', role: 'PRINCIPAL', schoolId: school.id, teacherId: head.id });
    teacher = await account(t, officer, { username: 'teacher.fx0001', role: 'TEACHER', teacherId: wang.id });
  });
  afterAll(() => t.close());

  describe('GET /users', () => {
    const usernames = (response: { body: { items: { username: string }[] } }) => response.body.items.map((u) => u.username);

    it('shows a county officer the accounts of the county, with the names of their teacher and school, paged', async () => {
      const response = await officer.get('/users');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ total: 4, page: 1, pageSize: 50 });
      expect(usernames(response)).toEqual(['officer.fengxian', 'officer.fengxian.2', 'principal.fx0001', 'teacher.fx0001']);
      expect(response.body.items[2]).toEqual({
        id: principal.user.id,
        username: 'principal.fx0001',
        role: 'PRINCIPAL',
        cityId: '320300',
        countyId: '320321',
        schoolId: principal.user.schoolId,
        teacherId: principal.user.teacherId,
        active: true,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        lastLoginAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        version: 1,
        teacherName: '张校长',
        schoolName: '丰县凤城街道中心小学',
      });
      expect(JSON.stringify(response.body)).not.toMatch(/passwordHash|argon2|tokenVersion/);
    });

    it('shows a city officer the city’s accounts and the administrator every account', async () => {
      const xuzhou = await city.get('/users?pageSize=500');
      expect(usernames(xuzhou)).toEqual([
        'city.xuzhou',
        'officer.fengxian',
        'officer.fengxian.2',
        'officer.peixian',
        'principal.fx0001',
        'teacher.fx0001',
      ]);
      const all = await admin.get('/users?pageSize=500');
      expect(usernames(all)).toEqual(expect.arrayContaining(['admin', 'officer.liyang', 'city.xuzhou', 'teacher.fx0001']));
      expect(all.body.total).toBe(8);
      expect(usernames(await peixian.get('/users'))).toEqual(['officer.peixian']);
      const paged = await admin.get('/users?pageSize=3&page=2');
      expect(paged.body).toMatchObject({ total: 8, page: 2, pageSize: 3 });
      expect(paged.body.items).toHaveLength(3);
    });

    it('filters by role, by part of the username or the teacher’s name, and by active', async () => {
      expect(usernames(await officer.get('/users?role=TEACHER'))).toEqual(['teacher.fx0001']);
      expect(usernames(await officer.get('/users?q=FX0001'))).toEqual(['principal.fx0001', 'teacher.fx0001']);
      expect(usernames(await officer.get(`/users?q=${encodeURIComponent('王')}`))).toEqual(['teacher.fx0001']);
      expect(usernames(await officer.get('/users?q=%25'))).toEqual([]);
      expect((await officer.get('/users?active=true')).body.total).toBe(4);
      expect((await officer.get('/users?active=false')).body.total).toBe(0);
      const bad = await officer.get('/users?role=JANITOR&active=maybe');
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details.fields).sort()).toEqual(['active', 'role']);
    });

    it('refuses principals and teachers (403)', async () => {
      for (const client of [principal, teacher]) {
        const response = await client.get('/users');
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('POST /auth/password (own)', () => {
    it('refuses a short password, the username, and missing fields, naming the field (400)', async () => {
      const short = await colleague.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.details.fields).toHaveProperty('newPassword');
      const username = await colleague.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'Officer.Fengxian.2' });
      expect(username.status).toBe(400);
      expect(username.body.details.fields).toEqual({ newPassword: ['must not be the username'] });
      const missing = await colleague.post('/auth/password', {});
      expect(Object.keys(missing.body.details.fields).sort()).toEqual(['currentPassword', 'newPassword']);
    });

    it('answers a wrong current password with 422 WRONG_CURRENT_PASSWORD and keeps the token valid', async () => {
      const wrong = await colleague.post('/auth/password', { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD });
      expect(wrong.status).toBe(422);
      expect(wrong.body.code).toBe('WRONG_CURRENT_PASSWORD');
      expect((await me(colleague.token)).status).toBe(200);
      expect((await signIn('officer.fengxian.2', PASSWORD)).status).toBe(200);
    });

    it('changes the password, ends every earlier token, and hands back a fresh one', async () => {
      const other = await login(t, 'officer.fengxian.2', PASSWORD);
      const response = await colleague.post('/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800, user: { username: 'officer.fengxian.2' } });
      for (const old of [colleague.token, other.token]) {
        const refused = await me(old);
        expect(refused.status).toBe(401);
        expect(refused.body.code).toBe('UNAUTHORIZED');
      }
      expect((await me(response.body.accessToken)).status).toBe(200);
      expect((await signIn('officer.fengxian.2', PASSWORD)).status).toBe(401);
      expect((await signIn('officer.fengxian.2', NEW_PASSWORD)).status).toBe(200);

      const audit = await admin.get(`/audit?entity=user&entityId=${colleague.user.id}&action=user.password.change`);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({ actor: { username: 'officer.fengxian.2' }, before: { version: 1 }, after: { version: 2 } });
      expect(JSON.stringify(audit.body)).not.toMatch(/passwordHash|argon2|another-password/);
    });

    it('counts wrong current passwords as failed sign-ins: a token cannot be used to guess the password', async () => {
      const guesser = await login(t, 'officer.peixian', PASSWORD);
      for (let i = 0; i < 3; i++) {
        expect((await guesser.post('/auth/password', { currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD })).status).toBe(422);
      }
      const blocked = await guesser.post('/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.headers['retry-after']).toBe(String(blocked.body.details.retryAfterSeconds));
      expect((await signIn('officer.peixian', PASSWORD)).status).toBe(429);
    });
  });

  describe('POST /users/:id/password and /disable, /enable', () => {
    it('lets a county officer reset a teacher’s password: the teacher’s tokens end at once', async () => {
      const response = await officer.post(`/users/${teacher.user.id}/password`, { newPassword: NEW_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: teacher.user.id, username: 'teacher.fx0001', active: true, version: 2, teacherName: '王静' });
      expect((await me(teacher.token)).status).toBe(401);
      expect((await signIn('teacher.fx0001', PASSWORD)).status).toBe(401);
      teacher = await login(t, 'teacher.fx0001', NEW_PASSWORD);
      const audit = await officer.get(`/audit?entity=user&entityId=${teacher.user.id}&action=user.password.reset`);
      expect(audit.body.items[0]).toMatchObject({ actor: { username: 'officer.fengxian' }, countyId: '320321', after: { version: 2 } });
      expect(JSON.stringify(audit.body)).not.toMatch(/passwordHash|argon2|another-password/);
    });

    it('checks the new password (400 naming newPassword)', async () => {
      const short = await officer.post(`/users/${teacher.user.id}/password`, { newPassword: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.details.fields).toHaveProperty('newPassword');
      const username = await officer.post(`/users/${teacher.user.id}/password`, { newPassword: 'TEACHER.FX0001' });
      expect(username.body.details.fields).toEqual({ newPassword: ['must not be the username'] });
      expect((await officer.post(`/users/${teacher.user.id}/password`, { newPassword: NEW_PASSWORD, extra: 1 })).status).toBe(400);
    });

    it('answers 404 outside the scope, 403 to city officers, principals, teachers and for fellow officers, 422 for one’s own account', async () => {
      const body = { newPassword: NEW_PASSWORD };
      for (const path of [`/users/${teacher.user.id}/password`, `/users/${teacher.user.id}/disable`, `/users/${teacher.user.id}/enable`]) {
        const outside = await peixian.post(path, path.endsWith('password') ? body : undefined);
        expect(outside.status).toBe(404);
        expect(outside.body.code).toBe('NOT_FOUND');
      }
      expect((await officer.post(`/users/${liyang.user.id}/disable`)).status).toBe(404);
      expect((await officer.post('/users/00000000-0000-7000-8000-000000000000/disable')).status).toBe(404);
      expect((await officer.post('/users/not-an-id/disable')).status).toBe(404);
      for (const client of [city, principal, teacher]) {
        const refused = await client.post(`/users/${teacher.user.id}/disable`);
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('FORBIDDEN');
      }
      expect((await officer.post(`/users/${colleague.user.id}/password`, body)).status).toBe(403);
      expect((await officer.post(`/users/${colleague.user.id}/disable`)).status).toBe(403);
      const own = await admin.post(`/users/${admin.user.id}/disable`);
      expect(own.status).toBe(422);
      expect(own.body.code).toBe('OWN_ACCOUNT');
      expect((await officer.post(`/users/${officer.user.id}/password`, body)).status).toBe(422);
    });

    it('disables an account: its tokens answer 401 at once and its sign-in fails like a wrong password; enabling lets it sign in again', async () => {
      const before = teacher.token;
      const disabled = await officer.post(`/users/${teacher.user.id}/disable`);
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: teacher.user.id, active: false });
      expect((await me(before)).status).toBe(401);
      expect((await teacher.get(`/teachers/${teacher.user.teacherId}`)).status).toBe(401);
      const refused = await signIn('teacher.fx0001', NEW_PASSWORD);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
      expect((await officer.get('/users?active=false')).body.items.map((u: { id: string }) => u.id)).toEqual([teacher.user.id]);

      // Disabling again changes nothing and writes no second entry.
      expect((await officer.post(`/users/${teacher.user.id}/disable`)).body).toMatchObject({ active: false });
      const enabled = await officer.post(`/users/${teacher.user.id}/enable`);
      expect(enabled.status).toBe(200);
      expect(enabled.body).toMatchObject({ active: true });
      expect((await signIn('teacher.fx0001', NEW_PASSWORD)).status).toBe(200);
      // A token issued before the account was disabled stays invalid.
      expect((await me(before)).status).toBe(401);

      const audit = await officer.get(`/audit?entity=user&entityId=${teacher.user.id}`);
      const actions = audit.body.items.map((e: { action: string }) => e.action);
      expect(actions.filter((a: string) => a === 'user.disable')).toHaveLength(1);
      expect(audit.body.items.find((e: { action: string }) => e.action === 'user.disable')).toMatchObject({
        before: { active: true },
        after: { active: false },
      });
      expect(audit.body.items.find((e: { action: string }) => e.action === 'user.enable')).toMatchObject({
        before: { active: false },
        after: { active: true },
      });
    });

    it('lets the administrator reset and disable any account but their own, officers included', async () => {
      const reset = await admin.post(`/users/${liyang.user.id}/password`, { newPassword: NEW_PASSWORD });
      expect(reset.status).toBe(200);
      expect((await me(liyang.token)).status).toBe(401);
      expect((await admin.post(`/users/${city.user.id}/disable`)).body).toMatchObject({ active: false });
      expect((await me(city.token)).status).toBe(401);
      expect((await signIn('city.xuzhou', PASSWORD)).status).toBe(401);
      expect((await admin.post(`/users/${city.user.id}/enable`)).status).toBe(200);
      expect((await signIn('city.xuzhou', PASSWORD)).status).toBe(200);
    });
  });
});
