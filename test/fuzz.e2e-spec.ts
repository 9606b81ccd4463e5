import { createFuzzWorld, FuzzWorld } from './fuzz/fuzz-world';
import { formatStatuses, runFuzz, seedFrom } from './fuzz/fuzz-runner';
import { operationsOf, OpenApiDocument } from './fuzz/openapi';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Requests generated from the OpenAPI document, every operation as a county officer, a teacher
 * and the province administrator, with bodies, queries and ids mutated in every way that has
 * broken an API before. Seeded: FUZZ_SEED=n replays a run (the seed is printed with any failure),
 * FUZZ_REQUESTS sets the size; `npm run fuzz` runs larger ones outside Jest.
 */
describe('fuzzing every operation of the OpenAPI document', () => {
  const requests = Number(process.env.FUZZ_REQUESTS ?? 3000);
  const seed = seedFrom(process.env.FUZZ_SEED);
  let t: TestApp;
  let world: FuzzWorld;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await createTestApp();
    world = await createFuzzWorld(t);
    doc = (await t.http().get('/docs-json')).body;
  }, 120_000);
  afterAll(() => t.close());

  it('reads every operation from the document, with the roles to send them as', () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThanOrEqual(40);
    expect(operations.map((o) => o.key)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/teachers',
        'PATCH /api/v1/teachers/{id}',
        'POST /api/v1/policy/versions',
        'POST /api/v1/counties/{id}/training-records/import',
      ]),
    );
    expect(world.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['county officer', 'teacher']));
  });

  it(`never answers 500, answers every error as {statusCode, code, message, details}, and keeps to the document (${requests} requests)`, async () => {
    const report = await runFuzz({ server: t.app.getHttpServer(), doc, world, requests, seed, contract: t.contract });
    const summary = `seed ${seed}: ${report.requests} requests in ${report.seconds.toFixed(1)} s, ${formatStatuses(report.statuses)}`;
    if (report.failureCount > 0) {
      console.error(
        `${summary}\n${report.failureCount} broken answers; replay with FUZZ_SEED=${seed}\n${JSON.stringify(report.failures.slice(0, 5), null, 2)}`,
      );
    }
    expect({ seed, broken: report.failureCount, first: report.failures.slice(0, 3) }).toEqual({ seed, broken: 0, first: [] });
    expect(report.requests).toBe(requests);
    expect(report.combinations).toBe(Math.min(requests, report.operations * world.roles.length));
    // The generated requests reach past validation: successes, rule refusals and scope answers all occur.
    for (const status of [200, 201, 400, 401, 403, 404, 422]) expect(report.statuses[status] ?? 0).toBeGreaterThan(0);
    // And every caller is still signed in at the end (no reset or disable ended their own token), so none of the run was wasted on 401s.
    for (const role of world.roles) {
      expect({ role: role.name, status: (await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${role.token}`)).status }).toEqual({
        role: role.name,
        status: 200,
      });
    }
  }, 300_000);
});
