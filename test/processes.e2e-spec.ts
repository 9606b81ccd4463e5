import { account, loginAdmin } from './support/api';
import { startProcess as start } from './support/child-process';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('processes: boot-time configuration and the worker', () => {
  it('stops the API at boot with a message naming each bad variable', async () => {
    const api = start('apps/api/src/main.ts', { PORT: 'eighty', QUEUE_DRIVER: 'kafka', JWT_SECRET: 'x'.repeat(40) });
    expect(await api.exited).toBe(1);
    expect(api.output()).toMatch(/PORT: /);
    expect(api.output()).toMatch(/QUEUE_DRIVER: /);
  }, 60_000);

  describe('the worker process', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ inProcessWorker: false });
    });
    afterAll(() => t.close());

    if (process.env.REDIS_URL) {
      it('consumes the jobs the API puts on the Redis queue', async () => {
        const worker = start('apps/worker/src/main.ts', { ...t.env, LOG_LEVEL: 'log' });
        try {
          const officer = await account(t, await loginAdmin(t), { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
          const school = await createSchool(officer);
          const teacher = await createTeacher(officer);
          await createPosting(officer, teacher.id, { schoolId: school.id, startDate: '2020-09-01', fraction: 0.75 });
          const deadline = Date.now() + 45_000;
          let headcount: { onQuota: number; asOf: string } | null = null;
          while (Date.now() < deadline && !headcount) {
            headcount = (await officer.get(`/schools/${school.id}`)).body.headcount;
            if (!headcount) await new Promise((resolve) => setTimeout(resolve, 250));
          }
          if (!headcount) throw new Error(`No headcount after 45 s; the worker said:\n${worker.output()}`);
          expect(headcount).toEqual({ onQuota: 0.75, asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
          expect(worker.output()).toMatch(/Job handlers ready: school.recompute-headcount/);
        } finally {
          worker.child.kill('SIGTERM');
          await worker.exited;
        }
      }, 90_000);
    } else {
      it('refuses to start without Redis, since the API runs every job itself with the sync driver', async () => {
        const worker = start('apps/worker/src/main.ts', t.env);
        expect(await worker.exited).toBe(1);
        expect(worker.output()).toMatch(/set REDIS_URL/);
      }, 60_000);
    }
  });
});
