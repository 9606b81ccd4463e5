import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { BulkWriter, TrainingRepository, TransactionHost } from '@app/database';
import { addDays, cycleOfYear, JIANGSU_2024_POLICY, PROVINCE_SCOPE, requiredHours } from '@app/domain';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The province-wide completion rate is computed by the database (one aggregate query); the rule it
 * applies must be exactly the domain's requiredHours. This checks both agree, hire date by hire
 * date, at and just under the requirement, on the profile under test (SQLite or MySQL/MariaDB).
 */
describe('completion rate in SQL agrees with the domain rule', () => {
  let t: TestApp;
  const policy = JIANGSU_2024_POLICY.parameters.training;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('for hire dates across, before and after a cycle, with hours exactly at and just under the requirement', async () => {
    const cycle = cycleOfYear(2026, policy);
    const offsets = fc.sample(fc.integer({ min: -30, max: 1856 }), { numRuns: 400, seed: 42 });
    offsets.push(0, 1, 912, 913, 914, 1825, 1826, -1); // both sides of the exact half and the edges
    const now = new Date();
    const teachers: Record<string, unknown>[] = [];
    const records: Record<string, unknown>[] = [];
    let expectedComplete = 0;
    let expectedOwing = 0;
    offsets.forEach((offset, i) => {
      const hireDate = addDays(cycle.start, offset);
      const id = randomUUID();
      const owed = requiredHours(cycle, hireDate, policy);
      const meets = i % 2 === 0;
      const approved = meets ? owed : Math.max(0, owed - 0.5);
      if (owed > 0) {
        expectedOwing += 1;
        if (approved >= owed) expectedComplete += 1;
      }
      teachers.push({
        id,
        county_id: '320322',
        staff_no: `SQL${i}`,
        name: `对照${i}`,
        gender: 'MALE',
        birth_date: '1980-01-01',
        hire_date: hireDate,
        on_quota: true,
        subject: 'MATH',
        title_level: 'NONE',
        title_since: null,
        backbone: 'NONE',
        psychology: 'NONE',
        post: 'TEACHER',
        version: 1,
        created_at: now,
        updated_at: now,
      });
      // Split the hours over two approved records, plus a pending one that must not count.
      const first = Math.floor(approved / 2 / 0.5) * 0.5;
      for (const [hours, status] of [
        [first, 'APPROVED'],
        [approved - first, 'APPROVED'],
        [3, 'SUBMITTED'],
      ] as const) {
        if (hours <= 0) continue;
        records.push({
          id: randomUUID(),
          teacher_id: id,
          county_id: '320322',
          title: '对照课程',
          provider: '测试',
          category: 'ONLINE',
          hours,
          start_date: '2026-03-01',
          end_date: '2026-03-01',
          status,
          kind: 'RECORD',
          reverses_id: null,
          reason: null,
          submitted_by: null,
          submitted_at: now,
          decided_by: null,
          decided_at: null,
          version: 1,
          created_at: now,
          updated_at: now,
        });
      }
    });
    const tx = t.app.get(TransactionHost);
    const writer = t.app.get(BulkWriter);
    await tx.run(async () => {
      await writer.insert('teacher', teachers as never);
      await writer.insert('training_record', records as never);
    });

    const rows = await t.app.get(TrainingRepository).completionByCounty(PROVINCE_SCOPE, {
      cycleStart: cycle.start,
      cycleEnd: cycle.end,
      cycleDays: cycle.days,
      unitsPerCycle: 720,
      unitsPerHour: 2,
    });
    expect(rows).toEqual([{ countyId: '320322', owing: expectedOwing, complete: expectedComplete }]);
    expect(expectedComplete).toBeGreaterThan(100);
    expect(expectedOwing - expectedComplete).toBeGreaterThan(100);
  });
});
