import { account, Client, loginAdmin, PREFIX } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/** Bad input answers 4xx naming what is wrong, in the documented error shape; never 500. */
describe('bad input', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let teacher: Client;
  let me: { id: string; version: number };
  let school: { id: string; version: number; code: string };

  const raw = (
    client: Client | null,
    method: 'post' | 'patch',
    path: string,
    type: string,
    data: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    let call = t
      .http()
      [method](PREFIX + path)
      .set('Content-Type', type);
    if (client) call = call.set('Authorization', `Bearer ${client.token}`);
    for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
    return call.send(data);
  };
  const expectError = (response: { status: number; body: Record<string, unknown> }, status: number, code: string) => {
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(response.body).toEqual({ statusCode: status, code, message: expect.any(String), details: expect.any(Object) });
  };
  const fieldsOf = (response: { body: { details?: { fields?: Record<string, string[]> } } }) => response.body.details?.fields ?? {};

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-09-01' });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    school = await createSchool(officer);
    me = await createTeacher(officer, { hireDate: '2010-09-01' });
    await createPosting(officer, me.id, { schoolId: school.id, startDate: '2010-09-01' });
    teacher = await account(t, officer, { username: 'teacher.me', role: 'TEACHER', teacherId: me.id });
  }, 60_000);
  afterAll(() => t.close());

  describe('reading the body', () => {
    it('answers a JSON body over the limit with 413 PAYLOAD_TOO_LARGE, on sign-in too', async () => {
      const big = JSON.stringify({ name: 'x'.repeat(200_000) });
      const schools = await raw(officer, 'post', '/schools', 'application/json', big);
      expectError(schools, 413, 'PAYLOAD_TOO_LARGE');
      expect(schools.body.details).toEqual({ limit: 102400 });
      expectError(await raw(null, 'post', '/auth/login', 'application/json', big), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('answers a CSV over 5 MB with 413, sent as text/csv or as a file', async () => {
      const csv = 'staffNo,title\n' + 'x'.repeat(5 * 1024 * 1024 + 1);
      expectError(await raw(officer, 'post', '/counties/320321/training-records/import', 'text/csv', csv), 413, 'PAYLOAD_TOO_LARGE');
      const upload = await t
        .http()
        .post(`${PREFIX}/counties/320321/training-records/import`)
        .set('Authorization', `Bearer ${officer.token}`)
        .attach('file', Buffer.from(csv), 'courses.csv');
      expectError(upload, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('answers JSON nested deeper than 32 levels with 400, before anything walks it', async () => {
      for (const body of ['{"name":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}', '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)]) {
        const response = await raw(officer, 'post', '/schools', 'application/json', body);
        expectError(response, 400, 'VALIDATION_FAILED');
        expect(Object.values(fieldsOf(response))).toEqual([['nests deeper than 32 levels']]);
      }
      const policy = await raw(admin, 'post', '/policy/versions', 'application/json', '{"parameters":' + '{"a":'.repeat(40) + '1' + '}'.repeat(41));
      expectError(policy, 400, 'VALIDATION_FAILED');
    });

    it('answers an unknown charset or Content-Encoding with 415 UNSUPPORTED_MEDIA_TYPE, naming it', async () => {
      const charset = await raw(officer, 'post', '/schools', 'application/json; charset=klingon', '{}');
      expectError(charset, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(charset.body.details).toEqual({ charset: 'klingon' });
      const csvCharset = await raw(officer, 'post', '/counties/320321/training-records/import', 'text/csv; charset=klingon', 'a');
      expectError(csvCharset, 415, 'UNSUPPORTED_MEDIA_TYPE');
      const encoding = await raw(officer, 'post', '/schools', 'application/json', '{}', { 'Content-Encoding': 'klingon' });
      expectError(encoding, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(encoding.body.details).toEqual({ encoding: 'klingon' });
    });

    it('answers a body that claims gzip and is not with 400', async () => {
      const response = await raw(officer, 'post', '/schools', 'application/json', '{"name":"not compressed"}', { 'Content-Encoding': 'gzip' });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(response)).toEqual({ body: ['The body does not decompress as its Content-Encoding says'] });
    });

    it('answers malformed JSON with 400 naming the body', async () => {
      const response = await raw(officer, 'post', '/schools', 'application/json', '{"countyId": ');
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(Object.keys(fieldsOf(response))).toEqual(['body']);
    });
  });

  describe('error bodies', () => {
    it('carry details on every status: 404 route, 401, 403, 404, 409, 422', async () => {
      const unknownRoute = await officer.get('/no-such-route');
      expect(unknownRoute.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String), details: {} });
      const anonymous = await t.http().get(`${PREFIX}/auth/me`);
      expect(anonymous.body).toEqual({ statusCode: 401, code: 'UNAUTHORIZED', message: expect.any(String), details: {} });
      expect((await teacher.get('/audit')).body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: expect.any(String), details: {} });
      expect((await officer.get('/schools/00000000-0000-4000-8000-000000000000')).body).toMatchObject({ statusCode: 404, details: {} });
      const stale = await officer.patch(`/schools/${school.id}`, { version: 99, name: '改名' });
      expectError(stale, 409, 'VERSION_CONFLICT');
      const taken = await officer.post('/schools', {
        countyId: '320321',
        code: school.code,
        name: 'b',
        stage: 'PRIMARY',
        location: 'URBAN',
        weak: false,
      });
      expectError(taken, 409, 'SCHOOL_CODE_TAKEN');
      expectError(await officer.patch(`/teachers/${me.id}`, { version: me.version, hireDate: '2012-09-01' }), 422, 'POSTING_BEFORE_HIRE');
    });
  });

  describe('dates outside 1900-01-01 … 2199-12-31', () => {
    const course = (startDate: string, endDate: string) => ({
      title: '县级培训',
      provider: '县教师发展中心',
      category: 'COUNTY',
      hours: 4,
      startDate,
      endDate,
    });

    it('are refused on a teacher’s own training record, naming the field (year 0000 and 9999 crashed the cycle rule)', async () => {
      const early = await teacher.post(`/teachers/${me.id}/training-records`, course('0000-01-01', '2026-01-01'));
      expectError(early, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(early)).toEqual({ startDate: ['must lie between 1900-01-01 and 2199-12-31'] });
      const late = await teacher.post(`/teachers/${me.id}/training-records`, course('2026-01-01', '9999-12-31'));
      expect(fieldsOf(late)).toEqual({ endDate: ['must lie between 1900-01-01 and 2199-12-31'] });
      const both = await teacher.post(`/teachers/${me.id}/training-records`, course('9999-01-01', '9999-12-31'));
      expect(Object.keys(fieldsOf(both)).sort()).toEqual(['endDate', 'startDate']);
      expect((await teacher.post(`/teachers/${me.id}/training-records`, course('2026-03-01', '2026-03-01'))).status).toBe(201);
    });

    it('are refused as the as-of day of the training summary and of eligibility', async () => {
      for (const [client, path] of [
        [teacher, `/teachers/${me.id}/training-summary?asOf=9999-12-31`],
        [teacher, `/teachers/${me.id}/training-summary?asOf=0000-01-01`],
        [teacher, `/teachers/${me.id}/eligibility?asOf=0000-01-01`],
        [teacher, `/teachers/${me.id}/eligibility?asOf=9999-12-31`],
        [teacher, '/policy?asOf=1899-12-31'],
        [officer, '/counties/320321/eligibility?asOf=2200-01-01'],
        [officer, '/training-records?from=0000-01-01'],
      ] as const) {
        const response = await client.get(path);
        expectError(response, 400, 'VALIDATION_FAILED');
        expect(Object.values(fieldsOf(response))).toEqual([['must lie between 1900-01-01 and 2199-12-31']]);
      }
      expect((await teacher.get(`/teachers/${me.id}/training-summary?asOf=2199-12-31`)).status).toBe(200);
      expect((await teacher.get(`/teachers/${me.id}/eligibility?asOf=1900-01-01`)).status).toBe(400); // before the hire date: a rule of its own
    });

    it('are refused in a teacher’s birth date, hire date and title date, on creation and change', async () => {
      const created = await officer.post('/teachers', {
        countyId: '320321',
        staffNo: 'FX-DATES',
        name: '日期',
        gender: 'MALE',
        birthDate: '0000-01-01',
        hireDate: '9999-09-01',
        onQuota: true,
        subject: 'MATH',
        title: { level: 'FIRST', since: '1899-12-31' },
        backbone: 'NONE',
        psychology: 'NONE',
        post: 'TEACHER',
      });
      expectError(created, 400, 'VALIDATION_FAILED');
      expect(Object.keys(fieldsOf(created)).sort()).toEqual(['birthDate', 'hireDate', 'title.since']);
      for (const change of [{ birthDate: '0000-01-01' }, { hireDate: '9999-12-31' }, { title: { level: 'SENIOR', since: '2200-01-01' } }]) {
        const response = await officer.patch(`/teachers/${me.id}`, { version: me.version, ...change });
        expectError(response, 400, 'VALIDATION_FAILED');
      }
      expect((await officer.get(`/teachers/${me.id}`)).body.version).toBe(me.version);
    });

    it('are refused in postings, school classifications and the policy’s effective date', async () => {
      const posting = await officer.post(`/teachers/${me.id}/postings`, {
        schoolId: school.id,
        startDate: '2027-01-01',
        endDate: '9999-12-31',
        kind: 'REGULAR',
      });
      expect(fieldsOf(posting)).toEqual({ endDate: ['must lie between 1900-01-01 and 2199-12-31'] });
      const classification = await officer.post(`/schools/${school.id}/classifications`, { effectiveFrom: '0001-09-01', location: 'RURAL' });
      expect(fieldsOf(classification)).toEqual({ effectiveFrom: ['must lie between 1900-01-01 and 2199-12-31'] });
      const policy = (await admin.get('/policy')).body;
      const published = await admin.post('/policy/versions', {
        version: 'far-future.1',
        effectiveFrom: '9999-01-01',
        title: '远期',
        parameters: policy.parameters,
      });
      expectError(published, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(published)).toEqual({ effectiveFrom: ['must lie between 1900-01-01 and 2199-12-31'] });
    });
  });

  describe('numbers written with an exponent', () => {
    it('are refused by the decimals check instead of crashing it: fractions and hours', async () => {
      const posting = await officer.post(`/teachers/${me.id}/postings`, {
        schoolId: school.id,
        startDate: '2027-01-01',
        kind: 'REGULAR',
        fraction: 1e-10,
      });
      expectError(posting, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(posting)).toEqual({ fraction: ['must be a number with at most 3 decimals'] });
      const hours = await teacher.post(`/teachers/${me.id}/training-records`, {
        title: 't',
        provider: 'p',
        category: 'COUNTY',
        hours: 1e-10,
        startDate: '2026-03-02',
        endDate: '2026-03-02',
      });
      expect(fieldsOf(hours)).toEqual({ hours: ['must be a number with at most 2 decimals'] });
      const huge = await teacher.post(`/teachers/${me.id}/training-records`, {
        title: 't',
        provider: 'p',
        category: 'COUNTY',
        hours: 1e21,
        startDate: '2026-03-02',
        endDate: '2026-03-02',
      });
      expect(fieldsOf(huge)).toEqual({ hours: ['must not be greater than 10000'] });
      const extra = await officer.patch(`/teachers/${me.id}`, { version: me.version, extraSubjects: [{ subject: 'PE', fraction: 1.5e-7 }] });
      expect(fieldsOf(extra)).toEqual({ 'extraSubjects.0.fraction': ['must be a number with at most 3 decimals'] });
      const whatIf = await officer.post(`/teachers/${me.id}/eligibility/what-if`, {
        postings: [{ schoolId: school.id, startDate: '2027-01-01', kind: 'ROTATION', fraction: 1e-10 }],
      });
      expect(fieldsOf(whatIf)).toEqual({ 'postings.0.fraction': ['must be a number with at most 3 decimals'] });
    });
  });

  describe('null on a field that cannot be null', () => {
    it('is refused on a school, naming the field, while the nullable ones still clear', async () => {
      for (const field of ['name', 'code', 'stage', 'townshipCentral', 'boarding']) {
        const response = await officer.patch(`/schools/${school.id}`, { version: school.version, [field]: null });
        expectError(response, 400, 'VALIDATION_FAILED');
        expect(fieldsOf(response)).toEqual({ [field]: ['must not be null'] });
      }
      const cleared = await officer.patch(`/schools/${school.id}`, { version: school.version, groupId: null, districtId: null });
      expect(cleared.status).toBe(200);
      school = cleared.body;
    });

    it('is refused on a teacher, naming each field', async () => {
      const fields = [
        'staffNo',
        'name',
        'gender',
        'birthDate',
        'hireDate',
        'onQuota',
        'subject',
        'extraSubjects',
        'title',
        'backbone',
        'psychology',
        'post',
      ];
      const response = await officer.patch(`/teachers/${me.id}`, { version: me.version, ...Object.fromEntries(fields.map((f) => [f, null])) });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(Object.keys(fieldsOf(response)).sort()).toEqual([...fields].sort());
      expect(Object.values(fieldsOf(response)).flat()).toEqual(fields.map(() => 'must not be null'));
    });

    it('is refused on a posting, while endDate null still reopens it', async () => {
      const other = await createTeacher(officer);
      const posting = await createPosting(officer, other.id, { schoolId: school.id, startDate: '2030-01-01', endDate: '2030-06-30' });
      for (const field of ['startDate', 'kind', 'fraction']) {
        const response = await officer.patch(`/postings/${posting.id}`, { version: posting.version, [field]: null });
        expect(fieldsOf(response)).toEqual({ [field]: ['must not be null'] });
      }
      const reopened = await officer.patch(`/postings/${posting.id}`, { version: posting.version, endDate: null });
      expect(reopened.status).toBe(200);
      expect(reopened.body.endDate).toBeNull();
    });
  });

  describe('reserved keys and unreadable text', () => {
    it('refuses __proto__, constructor and prototype at any depth, in the policy document too', async () => {
      const top = await raw(officer, 'post', '/schools', 'application/json', '{"__proto__": {"weak": true}, "name": "a"}');
      expectError(top, 400, 'VALIDATION_FAILED');
      expect(Object.entries(fieldsOf(top))).toEqual([['__proto__', ['is a reserved name, not a field']]]);
      const nested = await raw(
        officer,
        'patch',
        `/teachers/${me.id}`,
        'application/json',
        `{"version": ${me.version}, "title": {"constructor": {"prototype": 1}}}`,
      );
      expect(fieldsOf(nested)).toEqual({ 'title.constructor': ['is a reserved name, not a field'] });
      const policy = (await admin.get('/policy')).body;
      const document = JSON.stringify({ version: 'proto.1', effectiveFrom: '2027-01-01', title: 't', parameters: policy.parameters }).replace(
        '"training":{',
        '"training":{"__proto__":{"hoursPerCycle":1},',
      );
      const published = await raw(admin, 'post', '/policy/versions', 'application/json', document);
      expectError(published, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(published)).toEqual({ 'parameters.training.__proto__': ['is a reserved name, not a field'] });
    });

    it('refuses NUL and unpaired surrogates in any string of a body or query, naming the field', async () => {
      const nul = await officer.post('/schools', {
        countyId: '320321',
        code: 'NUL1',
        name: '学校\u0000',
        stage: 'PRIMARY',
        location: 'URBAN',
        weak: false,
      });
      expect(fieldsOf(nul)).toEqual({ name: ['must not contain the NUL character (U+0000)'] });
      const surrogate = await raw(officer, 'patch', `/teachers/${me.id}`, 'application/json', `{"version": ${me.version}, "name": "王\\ud800"}`);
      expect(fieldsOf(surrogate)).toEqual({ name: ['must not contain unpaired surrogates (not valid Unicode text)'] });
      const nested = await officer.post(`/teachers/${me.id}/eligibility/what-if`, {
        postings: [{ schoolId: `${school.id}\u0000`, startDate: '2027-01-01', kind: 'ROTATION' }],
      });
      expect(fieldsOf(nested)).toEqual({ 'postings.0.schoolId': ['must not contain the NUL character (U+0000)'] });
      const query = await officer.get('/schools?q=%E5%AD%A6%00');
      expectError(query, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(query)).toEqual({ q: ['must not contain the NUL character (U+0000)'] });
      const csv = await raw(officer, 'post', '/counties/320321/training-records/import', 'text/csv', 'staffNo,title\nFX\u0000,a');
      expect(fieldsOf(csv)).toEqual({ file: [expect.stringMatching(/^The file holds control characters: it is not a text file/)] });
      expect((await officer.get('/schools?q=%F0%9F%8F%AB')).status).toBe(200);
    });
  });
});
