import { cycleOf, expectedHoursToDate, JIANGSU_2024_POLICY, ledgerTotals, requiredHours, trainingRecordProblems } from '@app/domain';
import { Random } from './random';
import { generateTraining, TrainingTeacher } from './training-generator';

const policy = JIANGSU_2024_POLICY.parameters.training;
const today = '2026-11-29';
const now = new Date('2026-11-29T00:00:00Z');

function teachers(count: number): TrainingTeacher[] {
  const random = new Random(7);
  return Array.from({ length: count }, (_, i) => ({
    id: `t${i}`,
    countyId: '320321',
    hireDate: i % 10 === 0 ? `20${random.int(21, 26)}-0${random.int(1, 8)}-15` : `${random.int(1990, 2019)}-09-01`,
  }));
}

function ids(): () => string {
  let n = 0;
  return () => `r${n++}`;
}

describe('generated training records', () => {
  const staff = teachers(300);
  const rows = generateTraining(staff, today, { policy, mode: 'realistic' }, new Random(11), ids(), now);
  const hireOf = new Map(staff.map((t) => [t.id, t.hireDate]));

  it('obey the ledger rules: steps, 8 hours a day, one cycle, not in the future, not before the hire', () => {
    expect(rows.length).toBeGreaterThan(3000);
    for (const row of rows.filter((r) => r.kind === 'RECORD')) {
      const record = { hours: row.hours as number, startDate: row.start_date as string, endDate: row.end_date as string };
      expect(trainingRecordProblems(record, today, policy)).toEqual({});
      expect(record.startDate >= (hireOf.get(row.teacher_id as string) as string)).toBe(true);
    }
  });

  it('reverse only approved records, once, with the negative hours', () => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const reversals = rows.filter((r) => r.kind === 'REVERSAL');
    expect(reversals.length).toBeGreaterThan(0);
    expect(new Set(reversals.map((r) => r.reverses_id)).size).toBe(reversals.length);
    for (const reversal of reversals) {
      const original = byId.get(reversal.reverses_id);
      expect(original).toMatchObject({ status: 'APPROVED', kind: 'RECORD', hours: -(reversal.hours as number), teacher_id: reversal.teacher_id });
      expect(reversal.status).toBe('APPROVED');
    }
  });

  it('leave most teachers complete in the last cycle, some short, and some records pending or rejected', () => {
    const previous = cycleOf('2025-06-01', policy);
    let owing = 0;
    let complete = 0;
    for (const teacher of staff) {
      const required = requiredHours(previous, teacher.hireDate, policy);
      if (required === 0) continue;
      owing += 1;
      const own = rows.filter((r) => r.teacher_id === teacher.id && (r.start_date as string) <= previous.end);
      const { approvedHours } = ledgerTotals(own.map((r) => ({ hours: r.hours as number, status: r.status as 'APPROVED' })));
      if (approvedHours >= required) complete += 1;
    }
    expect(complete / owing).toBeGreaterThan(0.6);
    expect(complete / owing).toBeLessThan(0.95);
    expect(rows.some((r) => r.status === 'SUBMITTED')).toBe(true);
    expect(rows.some((r) => r.status === 'REJECTED' && r.reason)).toBe(true);
    const categories = new Set(rows.map((r) => r.category));
    expect(categories.size).toBe(6);
    const schoolBased = rows.filter((r) => r.category === 'SCHOOL_BASED').length;
    expect(schoolBased / rows.length).toBeGreaterThan(0.2);
  });

  it('in bulk mode, gives every teacher employed this cycle exactly N approved records', () => {
    const bulk = generateTraining(staff, today, { policy, mode: 'bulk', recordsPerTeacher: 20 }, new Random(3), ids(), now);
    const perTeacher = new Map<string, number>();
    for (const row of bulk) {
      expect(row.status).toBe('APPROVED');
      expect(
        trainingRecordProblems({ hours: row.hours as number, startDate: row.start_date as string, endDate: row.end_date as string }, today, policy),
      ).toEqual({});
      perTeacher.set(row.teacher_id as string, (perTeacher.get(row.teacher_id as string) ?? 0) + 1);
    }
    const veterans = staff.filter((t) => t.hireDate < '2026-01-01');
    for (const t of veterans) expect(perTeacher.get(t.id)).toBe(20);
  });

  it('put a teacher marked on pace ahead of the hours expected by today, every record of this cycle approved', () => {
    const current = cycleOf(today, policy);
    const marked = staff.filter((t) => t.hireDate < '2020-01-01').map((t) => ({ ...t, onPace: true }));
    const own = generateTraining(marked, today, { policy, mode: 'realistic' }, new Random(5), ids(), now);
    for (const teacher of marked) {
      const thisCycle = own.filter((r) => r.teacher_id === teacher.id && (r.start_date as string) >= current.start);
      expect(thisCycle.every((r) => r.status === 'APPROVED' && r.kind === 'RECORD')).toBe(true);
      const approved = thisCycle.reduce((sum, r) => sum + (r.hours as number), 0);
      expect(approved).toBeGreaterThanOrEqual(expectedHoursToDate(current, teacher.hireDate, today, policy));
    }
  });

  it('are the same for the same seed', () => {
    expect(generateTraining(staff.slice(0, 20), today, { policy, mode: 'realistic' }, new Random(11), ids(), now)).toEqual(
      generateTraining(staff.slice(0, 20), today, { policy, mode: 'realistic' }, new Random(11), ids(), now),
    );
  });
});
