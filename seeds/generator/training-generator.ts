import type { BulkRow } from '@app/database';
import {
  addDays,
  cycleOf,
  daysInclusive,
  expectedHoursToDate,
  maxDate,
  minDate,
  requiredHours,
  toDay,
  TrainingCategory,
  TrainingPolicy,
} from '@app/domain';
import { Random } from './random';

/**
 * `realistic` (the demo): the last cycle mostly complete, the current one at mixed paces, some
 * records pending, rejected or reversed. `bulk` (benchmarks): exactly `recordsPerTeacher`
 * approved records per teacher in the current cycle.
 */
export type TrainingSpec = { policy: TrainingPolicy; mode: 'realistic' } | { policy: TrainingPolicy; mode: 'bulk'; recordsPerTeacher: number };

export interface TrainingTeacher {
  id: string;
  countyId: string;
  hireDate: string;
  /** Ahead of pace in the current cycle, every record approved (the demo's featured teacher); otherwise drawn. */
  onPace?: boolean;
}

const COURSES: { title: string; provider: string; category: TrainingCategory; hours: number[] }[] = [
  { title: '国培计划：乡村教师能力提升', provider: '教育部', category: 'NATIONAL', hours: [24, 36, 48] },
  { title: '江苏省乡村骨干教师培育站', provider: '江苏省教育厅', category: 'PROVINCIAL', hours: [16, 24, 32] },
  { title: '市级学科带头人研修', provider: '市教育局', category: 'MUNICIPAL', hours: [8, 12, 16] },
  { title: '县级新课标专题培训', provider: '县教师发展中心', category: 'COUNTY', hours: [6, 8, 12] },
  { title: '校本研修：作业设计与评价', provider: '本校教研组', category: 'SCHOOL_BASED', hours: [2, 3, 4, 6] },
  { title: '江苏教师教育网络研修', provider: '江苏教师教育网', category: 'ONLINE', hours: [4, 6, 8, 10] },
];
const CATEGORY_WEIGHTS = { NATIONAL: 4, PROVINCIAL: 10, MUNICIPAL: 10, COUNTY: 20, SCHOOL_BASED: 36, ONLINE: 20 };

interface Entry {
  hours: number;
  start: string;
  end: string;
  course: (typeof COURSES)[number];
  status: 'APPROVED' | 'SUBMITTED' | 'REJECTED';
  reversed: boolean;
}

/** A course of `hours` fitting 8 h a day, starting on a random day of [from, to] and ending by `to`. */
function schedule(random: Random, hours: number, from: string, to: string, perDay: number): { start: string; end: string } | null {
  const days = Math.ceil(hours / perDay);
  const span = daysInclusive(toDay(from), toDay(to));
  if (span < days) return null;
  const start = addDays(from, random.int(0, span - days));
  return { start, end: addDays(start, days - 1) };
}

function entriesTowards(random: Random, target: number, from: string, to: string, policy: TrainingPolicy): Entry[] {
  const entries: Entry[] = [];
  let total = 0;
  for (let guard = 0; total < target && guard < 200; guard++) {
    const category = random.weighted(CATEGORY_WEIGHTS);
    const course = COURSES.find((c) => c.category === category) ?? COURSES[0];
    const hours = Math.min(random.pick(course.hours), Math.max(policy.hourStep, Math.ceil((target - total) / policy.hourStep) * policy.hourStep));
    const when = schedule(random, hours, from, to, policy.maxHoursPerDay);
    if (!when) break;
    entries.push({ hours, ...when, course, status: 'APPROVED', reversed: false });
    total += hours;
  }
  return entries;
}

/** Training records of teachers, satisfying the ledger's rules (steps, 8 h a day, one cycle, not in the future). */
export function generateTraining(
  teachers: TrainingTeacher[],
  today: string,
  spec: TrainingSpec,
  random: Random,
  nextId: () => string,
  now: Date,
): BulkRow[] {
  const policy = spec.policy;
  const current = cycleOf(today, policy);
  const previous = cycleOf(addDays(current.start, -1), policy);
  const rows: BulkRow[] = [];
  const push = (teacher: TrainingTeacher, entry: Entry) => {
    const id = nextId();
    const decided = entry.status !== 'SUBMITTED';
    rows.push({
      id,
      teacher_id: teacher.id,
      county_id: teacher.countyId,
      title: entry.course.title,
      provider: entry.course.provider,
      category: entry.course.category,
      hours: entry.hours,
      start_date: entry.start,
      end_date: entry.end,
      status: entry.status,
      kind: 'RECORD',
      reverses_id: null,
      reason: entry.status === 'REJECTED' ? '证书信息与申报不符' : null,
      submitted_by: null,
      submitted_at: now,
      decided_by: null,
      decided_at: decided ? now : null,
      version: decided ? 2 : 1,
      created_at: now,
      updated_at: now,
    });
    if (entry.reversed) {
      rows.push({
        ...rows[rows.length - 1],
        id: nextId(),
        hours: -entry.hours,
        status: 'APPROVED',
        kind: 'REVERSAL',
        reverses_id: id,
        reason: '重复登记，冲销',
        version: 1,
      });
    }
  };

  for (const teacher of teachers) {
    const from = maxDate(current.start, teacher.hireDate);
    if (from > today) continue;
    if (spec.mode === 'bulk') {
      for (let i = 0; i < spec.recordsPerTeacher; i++) {
        const course = COURSES[i % COURSES.length];
        const hours = random.int(2, 16);
        const when = schedule(random, hours, from, today, policy.maxHoursPerDay);
        if (when) push(teacher, { hours, ...when, course, status: 'APPROVED', reversed: false });
      }
      continue;
    }

    // The last cycle: most teachers reached their requirement, some fell short.
    const owedBefore = requiredHours(previous, teacher.hireDate, policy);
    if (owedBefore > 0) {
      const target = owedBefore * (random.chance(0.82) ? 1 + random.next() * 0.25 : 0.5 + random.next() * 0.45);
      const entries = entriesTowards(random, target, maxDate(previous.start, teacher.hireDate), previous.end, policy);
      entries.forEach((e) => {
        if (random.chance(0.03)) e.status = 'REJECTED';
      });
      entries.forEach((e) => push(teacher, e));
    }

    // This cycle so far: ahead, on pace or behind; the latest often still waiting for approval.
    const expected = expectedHoursToDate(current, teacher.hireDate, today, policy);
    const pace = teacher.onPace ? 'ahead' : random.weighted({ ahead: 35, onPace: 40, behind: 25 });
    const factor = pace === 'ahead' ? 1.1 + random.next() * 0.5 : pace === 'onPace' ? 0.95 + random.next() * 0.25 : random.next() * 0.6;
    const entries = entriesTowards(random, expected * factor, from, minDate(today, current.end), policy);
    if (entries.length > 0 && !teacher.onPace && random.chance(0.3)) entries[entries.length - 1].status = 'SUBMITTED';
    if (entries.length > 1 && !teacher.onPace && random.chance(0.03)) entries[0].reversed = true;
    entries.forEach((e) => push(teacher, e));
  }
  return rows;
}
