import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { JIANGSU_2024_POLICY } from '@app/domain';
import { PREFIX } from './support/api';
import { createTestApp, TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const REDOCLY = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

function operationsOf(doc: Json): { method: string; path: string; operation: Json }[] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ method, path, operation: operation as Json })),
  );
}

function refsIn(node: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value);
      else refsIn(value, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Json;

  beforeAll(async () => {
    // Generated here from the controllers, whatever other apps of the run generated before.
    t = await createTestApp({ generateDocument: 'always' });
    const response = await t.http().get('/docs-json');
    expect(response.status).toBe(200);
    doc = response.body;
  });
  afterAll(() => t.close());

  it("passes Redocly's recommended rules with no error (redocly.yaml)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staffing-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const output = await promisify(execFile)(process.execPath, [REDOCLY, 'lint', file, '--format=json', '--config', join(ROOT, 'redocly.yaml')], {
        cwd: ROOT,
        maxBuffer: 32 * 1024 * 1024,
      }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(output.stdout) as { totals: { errors: number; warnings: number }; problems: LintProblem[] };
      const errors = report.problems.filter((problem) => problem.severity === 'error');
      expect(errors.map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`)).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refers only to components that exist; nested request fields are components of their own', () => {
    const schemas = doc.components.schemas as Json;
    for (const ref of refsIn(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\/[A-Za-z][A-Za-z0-9]*$/);
      const target = schemas[ref.replace('#/components/schemas/', '')];
      expect({ ref, resolved: target !== undefined && (target.properties !== undefined || target.enum !== undefined) }).toEqual({
        ref,
        resolved: true,
      });
    }
    expect(schemas.CreateTeacherDto.properties.title).toEqual({ $ref: '#/components/schemas/TitleDto' });
    expect(schemas.UpdateTeacherDto.properties.title).toEqual({ $ref: '#/components/schemas/TitleDto' });
    expect(schemas.CreateTeacherDto.properties.extraSubjects).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/ExtraSubjectDto' },
    });
    expect(schemas.PutEnrolmentDto.properties.grades).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/EnrolmentGradeDto' } });
    expect(schemas.WhatIfDto.properties.postings).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/PlannedPostingDto' } });
    for (const name of ['TitleDto', 'ExtraSubjectDto', 'EnrolmentGradeDto', 'PlannedPostingDto']) {
      expect(Object.keys(schemas[name].properties).length).toBeGreaterThan(1);
    }
  });

  it('declares the shapes the routes answer: enrolment as a list, the eligibility download as CSV text', () => {
    const enrolment = doc.paths['/api/v1/schools/{id}/enrolment'].get.responses['200'].content['application/json'].schema;
    expect(enrolment).toEqual({ type: 'array', items: { $ref: '#/components/schemas/EnrolmentResponse' } });
    const download = doc.paths['/api/v1/counties/{id}/eligibility'].get.responses['200'].content;
    expect(download['text/csv'].schema).toEqual(expect.objectContaining({ type: 'string' }));
    expect(download['application/json'].schema).toEqual({ $ref: '#/components/schemas/CountyEligibilityResponse' });
    const upload = doc.paths['/api/v1/counties/{id}/training-records/import'].post.requestBody.content;
    expect(upload['text/csv'].schema).toEqual(expect.objectContaining({ type: 'string' }));
  });

  it('requires the bearer token everywhere but on the public routes, which say security: []', () => {
    expect(doc.security).toEqual([{ bearer: [] }]);
    const open = operationsOf(doc).filter(({ operation }) => operation.security !== undefined);
    expect(open.map(({ method, path, operation }) => ({ method, path, security: operation.security }))).toEqual(
      expect.arrayContaining([
        { method: 'post', path: '/api/v1/auth/login', security: [] },
        { method: 'get', path: '/api/v1/health', security: [] },
      ]),
    );
    expect(open.every(({ operation }) => operation.security.length === 0)).toBe(true);
    for (const { operation } of operationsOf(doc).filter(({ operation }) => operation.security === undefined)) {
      expect(operation.responses['401']?.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
    }
  });

  it('declares path and body ids as UUIDs, and county and city ids as 6-digit division codes', () => {
    const schemas = doc.components.schemas as Json;
    expect(schemas.AddPostingDto.properties.schoolId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(schemas.UpdateSchoolDto.properties.groupId).toMatchObject({ type: 'string', format: 'uuid', nullable: true });
    expect(schemas.CreateSchoolDto.properties.countyId).toMatchObject({ type: 'string', pattern: '^\\d{6}$' });
    const ids = operationsOf(doc).flatMap(({ path, operation }) =>
      ((operation.parameters ?? []) as Json[]).filter((p) => p.in === 'path' && /^(id|.*Id)$/.test(p.name)).map((p) => ({ path, schema: p.schema })),
    );
    expect(ids.length).toBeGreaterThan(20);
    for (const { path, schema } of ids) {
      const division = /\/(counties|cities)\/\{id\}/.test(path);
      expect({ path, schema }).toEqual({
        path,
        schema: division ? expect.objectContaining({ pattern: '^\\d{6}$' }) : { type: 'string', format: 'uuid' },
      });
    }
  });

  it('names a relative server, describes every tag, and gives each operation a unique id, a summary and its error answers', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const described = new Map((doc.tags as { name: string; description: string }[]).map((tag) => [tag.name, tag.description]));
    const ids = new Set<string>();
    for (const { method, path, operation } of operationsOf(doc)) {
      const where = `${method} ${path}`;
      expect({ where, operationId: operation.operationId }).toEqual({ where, operationId: expect.stringMatching(/^[a-z][A-Za-z0-9]*$/) });
      expect(ids.has(operation.operationId)).toBe(false);
      ids.add(operation.operationId);
      expect({ where, summary: (operation.summary ?? '').length > 0 }).toEqual({ where, summary: true });
      for (const tag of operation.tags ?? []) expect({ tag, description: (described.get(tag) ?? '').length > 0 }).toEqual({ tag, description: true });
      const errors = Object.entries(operation.responses as Json).filter(([status]) => /^[45]/.test(status));
      expect({ where, errors: errors.length > 0 }).toEqual({ where, errors: true });
      for (const [status, response] of errors) {
        if (status === '503') continue; // health answers its own body when degraded
        expect({ where, status, schema: response.content?.['application/json']?.schema }).toEqual({
          where,
          status,
          schema: { $ref: '#/components/schemas/ErrorResponse' },
        });
      }
    }
  });

  it('quotes policy numbers from the shipped default policy and points at GET /policy for the ones in force', () => {
    const training = JIANGSU_2024_POLICY.parameters.training;
    const submit = doc.paths['/api/v1/teachers/{id}/training-records'].post.description as string;
    expect(submit).toContain(`${training.hourStep} h steps`);
    expect(submit).toContain(`at most ${training.maxHoursPerDay} per day`);
    expect(submit).toContain(JIANGSU_2024_POLICY.version);
    expect(submit).toContain('GET /policy');
    const eligibility = doc.paths['/api/v1/teachers/{id}/eligibility'].get.description as string;
    expect(eligibility).toContain(`(${JIANGSU_2024_POLICY.parameters.eligibility.seniorTitle.serviceDays} needed)`);
    expect(eligibility).toContain('GET /policy');
  });

  it('answers an unreadable JSON body with 400 on any route, public ones included, as declared', async () => {
    const response = await t.http().get(`${PREFIX}/health`).set('Content-Type', 'application/json').send('{"status": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });
});

describe('the response contract check', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const json = { 'content-type': 'application/json; charset=utf-8' };

  it('refuses a body, a status or a content type the document does not declare, and names the operation', () => {
    const school = t.contract.check('get', `${PREFIX}/schools/x?y=1`, { status: 200, headers: json, body: { id: 7, extra: true } });
    expect(school.operation).toBe('GET /api/v1/schools/{id} (schoolsGet)');
    expect(school.problems).toEqual(
      expect.arrayContaining([
        "(body): must have required property 'name'",
        '/id: must be string',
        '(body): has extra, which the schema does not name',
      ]),
    );
    expect(t.contract.check('get', `${PREFIX}/schools/x`, { status: 418, headers: json, body: {} }).problems).toEqual([
      expect.stringMatching(/^status 418 is not declared/),
    ]);
    expect(
      t.contract.check('get', `${PREFIX}/auth/me`, { status: 200, headers: { 'content-type': 'text/csv' }, body: {}, text: 'a,b' }).problems,
    ).toEqual([expect.stringMatching(/^content type text\/csv is not declared/)]);
    expect(t.contract.check('get', `${PREFIX}/schools/x/enrolment`, { status: 200, headers: json, body: {} }).problems).toEqual([
      '(body): must be array',
    ]);
    expect(t.contract.check('get', `${PREFIX}/no-such-route`, { status: 200, headers: json, body: {} }).problems).toEqual([
      'answered 200, but the document has no such operation',
    ]);
    expect(t.contract.check('get', `${PREFIX}/no-such-route`, { status: 404, headers: json, body: { statusCode: 404 } }).problems).toEqual(
      expect.arrayContaining(["(body): must have required property 'code'"]),
    );
  });

  it('accepts what the document declares: null where nullable, CSV text where text/csv', () => {
    const error = { statusCode: 404, code: 'NOT_FOUND', message: 'No such school', details: {} };
    expect(t.contract.check('get', `${PREFIX}/schools/x`, { status: 404, headers: json, body: error }).problems).toEqual([]);
    const school = {
      id: '00000000-0000-4000-8000-000000000001',
      countyId: '320321',
      code: 'S1',
      name: '学校',
      stage: 'PRIMARY',
      location: null,
      weak: null,
      townshipCentral: false,
      boarding: false,
      groupId: null,
      districtId: null,
      headcount: null,
      version: 1,
      createdAt: '2026-09-01T00:00:00.000Z',
      updatedAt: '2026-09-01T00:00:00.000Z',
    };
    expect(t.contract.check('get', `${PREFIX}/schools/${school.id}`, { status: 200, headers: json, body: school }).problems).toEqual([]);
    expect(
      t.contract.check('get', `${PREFIX}/schools/${school.id}`, { status: 200, headers: json, body: { ...school, stage: 'NURSERY' } }).problems,
    ).toEqual([expect.stringMatching(/^\/stage: must be equal to one of the allowed values/)]);
    const csv = { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body: {}, text: 'staffNo\n1' };
    expect(t.contract.check('get', `${PREFIX}/counties/320321/eligibility`, csv).problems).toEqual([]);
    expect(t.contract.check('get', '/docs-json', { status: 200, headers: json, body: {} })).toEqual({
      problems: [],
      operation: 'GET /docs-json (outside the API)',
    });
  });

  it('fails the await of a request whose response does not match', async () => {
    // An unknown route answers 404 in the error shape: no mismatch.
    expect((await t.http().get(`${PREFIX}/no-such-route`)).status).toBe(404);
    const original = t.contract.check.bind(t.contract);
    jest
      .spyOn(t.contract, 'check')
      .mockImplementationOnce((method, url, response) => ({ ...original(method, url, response), problems: ['made up'] }));
    await expect(t.http().get(`${PREFIX}/health`)).rejects.toThrow(/GET \/api\/v1\/health \(health\) answered 200\n {2}- made up/);
  });

  it('is the only way the e2e specs reach the API: none imports supertest or the HTTP server itself', () => {
    const specs = (function list(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? entry.name === 'support'
            ? []
            : list(join(dir, entry.name))
          : entry.name.endsWith('.e2e-spec.ts')
            ? [join(dir, entry.name)]
            : [],
      );
    })(__dirname);
    expect(specs.length).toBeGreaterThan(5);
    // A spec that reaches the server itself (the fuzz test, for speed) must hand every answer to the contract (t.contract).
    const bypassing = specs.filter((file) => {
      const source = readFileSync(file, 'utf8');
      return /from ['"]supertest['"]|require\(['"]supertest['"]\)|getHttpServer\(|\.listen\(/.test(source) && !/contract: t\.contract/.test(source);
    });
    expect(bypassing.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
