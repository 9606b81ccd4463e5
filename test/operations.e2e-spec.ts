import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { account, Client, loginAdmin, PREFIX } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('operations: health, OpenAPI, request ids, audit, bad input', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;

  beforeAll(async () => {
    // On an empty database, as a first start: the other specs' apps get the migrated schema ready-made.
    t = await createTestApp({ schema: 'migrate' });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
  });
  afterAll(() => t.close());

  it('starts on an empty database by applying every migration of its dialect, leaving none pending', async () => {
    const dataSource = t.app.get(DataSource);
    const applied: { name: string }[] = await dataSource.query('SELECT name FROM schema_migration');
    expect(applied.map((row) => row.name).sort()).toEqual(dataSource.migrations.map((migration) => migration.name).sort());
    expect(dataSource.migrations.length).toBeGreaterThan(0);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('reports database and queue health without sign-in', async () => {
    const response = await t.http().get(`${PREFIX}/health`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      db: 'up',
      queue: 'up',
      database: process.env.DATABASE_URL ? expect.stringMatching(/^(mysql|mariadb)$/) : 'better-sqlite3',
      queueDriver: process.env.REDIS_URL ? 'bullmq' : 'sync',
      outbox: { pending: 0, oldestAgeSeconds: null },
    });
  });

  it('serves Swagger UI at /docs and an OpenAPI document describing every endpoint of the contract', async () => {
    const ui = await t.http().get('/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const doc = (await t.http().get('/docs-json')).body;
    const paths = Object.keys(doc.paths);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/me',
      '/api/v1/users',
      '/api/v1/cities',
      '/api/v1/counties',
      '/api/v1/schools',
      '/api/v1/schools/{id}',
      '/api/v1/schools/{id}/classifications',
      '/api/v1/schools/{id}/enrolment',
      '/api/v1/teachers',
      '/api/v1/teachers/{id}',
      '/api/v1/teachers/{id}/postings',
      '/api/v1/postings/{id}',
      '/api/v1/policy',
      '/api/v1/policy/versions',
      '/api/v1/audit',
      '/api/v1/health',
      '/api/v1/teachers/{id}/training-records',
      '/api/v1/teachers/{id}/training-summary',
      '/api/v1/training-records',
      '/api/v1/training-records/{id}/approve',
      '/api/v1/training-records/{id}/reject',
      '/api/v1/training-records/{id}/reversal',
      '/api/v1/counties/{id}/training-report',
      '/api/v1/counties/{id}/training-records/import',
      '/api/v1/training-completion',
      '/api/v1/teachers/{id}/eligibility',
      '/api/v1/teachers/{id}/eligibility/what-if',
      '/api/v1/counties/{id}/eligibility',
    ]) {
      expect(paths).toContain(path);
    }
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { summary?: string; responses: object }>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(`${method} ${path}: ${operation.summary ?? ''}`).not.toMatch(/: $/);
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      }
    }
    expect(doc.components.schemas.CreateSchoolDto.required).toEqual(
      expect.arrayContaining(['countyId', 'code', 'name', 'stage', 'location', 'weak']),
    );
    expect(doc.components.schemas.TeacherResponse.properties).toHaveProperty('currentPostings');
  });

  it('echoes a client request id, makes one otherwise, and writes it into the audit entry of the change', async () => {
    const given = await officer
      .post('/schools', { countyId: '320321', code: 'RID1', name: '请求号学校', stage: 'PRIMARY', location: 'URBAN', weak: false })
      .set('X-Request-Id', 'desk-req-42');
    expect(given.headers['x-request-id']).toBe('desk-req-42');
    const made = await officer.get('/cities');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const audit = await officer.get(`/audit?entity=school&entityId=${given.body.id}`);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'school.create',
        entity: 'school',
        entityId: given.body.id,
        countyId: '320321',
        requestId: 'desk-req-42',
        before: null,
        actor: { id: officer.user.id, username: 'officer.fengxian', role: 'COUNTY_OFFICER' },
        after: expect.objectContaining({ code: 'RID1', location: 'URBAN' }),
      }),
    ]);
    expect(Date.parse(audit.body.items[0].at)).not.toBeNaN();
  });

  it('audits updates with before and after, and shows each county only its own entries', async () => {
    const school = await createSchool(officer);
    await officer.patch(`/schools/${school.id}`, { version: 1, name: '改名后' });
    const entries = (await officer.get(`/audit?entity=school&entityId=${school.id}`)).body.items;
    expect(entries[0]).toMatchObject({ action: 'school.update', before: { name: school.name, version: 1 }, after: { name: '改名后', version: 2 } });
    const neighbour = await account(t, admin, { username: 'officer.liyang', role: 'COUNTY_OFFICER', countyId: '320481' });
    expect((await neighbour.get(`/audit?entity=school&entityId=${school.id}`)).body.items).toEqual([]);
    expect((await admin.get(`/audit?entity=school&entityId=${school.id}`)).body.total).toBe(2);
  });

  it('writes nothing when a change fails half-way (one transaction per write)', async () => {
    const teacher = await createTeacher(officer, { hireDate: '2010-09-01' });
    const school = await createSchool(officer);
    await createPosting(officer, teacher.id, { schoolId: school.id, startDate: '2012-09-01' });
    // The new hire date passes validation but a posting starts before it: nothing of the update may stay.
    const refused = await officer.patch(`/teachers/${teacher.id}`, { version: 1, name: '新名字', hireDate: '2013-09-01' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('POSTING_BEFORE_HIRE');
    const after = (await officer.get(`/teachers/${teacher.id}`)).body;
    expect(after).toMatchObject({ name: teacher.name, hireDate: '2010-09-01', version: 1 });
    expect((await officer.get(`/audit?entity=teacher&entityId=${teacher.id}`)).body.total).toBe(1);
  });

  it('answers malformed JSON, wrong content and odd ids with 4xx, never 500', async () => {
    const malformed = await t
      .http()
      .post(`${PREFIX}/schools`)
      .set('Authorization', `Bearer ${officer.token}`)
      .set('Content-Type', 'application/json')
      .send('{"countyId": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const text = await t
      .http()
      .post(`${PREFIX}/schools`)
      .set('Authorization', `Bearer ${officer.token}`)
      .set('Content-Type', 'text/plain')
      .send('hello');
    expect(text.status).toBe(400);
    for (const id of ['%27%20OR%201%3D1', 'x'.repeat(300), '..%2F..', '0']) {
      expect((await officer.get(`/schools/${id}`)).status).toBe(404);
      expect((await officer.get(`/teachers/${id}/postings`)).status).toBe(404);
    }
    expect((await officer.get('/no-such-route')).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('never answers 500 to arbitrary JSON bodies (property test over the writing endpoints)', async () => {
    const school = await createSchool(officer);
    const teacher = await createTeacher(officer);
    const targets: [string, string][] = [
      ['post', '/schools'],
      ['patch', `/schools/${school.id}`],
      ['post', `/schools/${school.id}/classifications`],
      ['put', `/schools/${school.id}/enrolment`],
      ['post', '/teachers'],
      ['patch', `/teachers/${teacher.id}`],
      ['post', `/teachers/${teacher.id}/postings`],
      ['post', '/users'],
      ['post', '/policy/versions'],
      ['post', '/school-clusters'],
    ];
    const value = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.constantFrom('2026-02-29', '2024-02-29', '320321', 'RURAL', 'PRIMARY', 'REGULAR', 'MATH', '', ' ', '0.5', '{}'),
      fc.array(fc.jsonValue(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 3 }),
    );
    const keys = fc.constantFrom(
      'countyId',
      'code',
      'name',
      'stage',
      'location',
      'weak',
      'version',
      'effectiveFrom',
      'schoolYear',
      'grades',
      'staffNo',
      'birthDate',
      'hireDate',
      'title',
      'extraSubjects',
      'schoolId',
      'startDate',
      'endDate',
      'fraction',
      'kind',
      'username',
      'password',
      'role',
      'parameters',
      'onQuota',
      'subject',
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.dictionary(keys, value, { maxKeys: 8 }), async ([method, path], body) => {
        const call = method === 'post' ? officer.post(path, body) : method === 'patch' ? officer.patch(path, body) : officer.put(path, body);
        const response = await call;
        expect(response.status).toBeLessThan(500);
        expect(typeof response.body.code === 'string' || response.status < 300).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
