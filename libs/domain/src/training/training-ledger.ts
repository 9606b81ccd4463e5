import { daysInclusive, toDay } from '../calendar/calendar-date';
import { supportedDateProblem } from '../calendar/supported-dates';
import { ForbiddenError, RuleViolationError, ValidationFailedError } from '../errors/domain-error';
import type { Role } from '../reference/codes';
import { cycleOf, TRAINING_CATEGORIES, TrainingCategory, TrainingPolicy } from './training-cycle';

export const TRAINING_RECORD_STATUSES = ['SUBMITTED', 'APPROVED', 'REJECTED'] as const;
export type TrainingRecordStatus = (typeof TRAINING_RECORD_STATUSES)[number];

/** A ledger entry: a record of training, or the reversal (negative hours) of an approved one. */
export const TRAINING_ENTRY_KINDS = ['RECORD', 'REVERSAL'] as const;
export type TrainingEntryKind = (typeof TRAINING_ENTRY_KINDS)[number];

/** The columns of a file of training records to import, by their field names; the Chinese headings are their labels. */
export const TRAINING_IMPORT_COLUMNS = ['staffNo', 'title', 'provider', 'category', 'hours', 'startDate', 'endDate'] as const;
export type TrainingImportColumn = (typeof TRAINING_IMPORT_COLUMNS)[number];

export interface LedgerEntry {
  readonly hours: number;
  readonly status: TrainingRecordStatus;
}

export interface TrainingRecordInput {
  readonly hours: number;
  readonly startDate: string;
  readonly endDate: string;
}

/** Field → problems of a proposed record; empty when it is valid. */
export function trainingRecordProblems(input: TrainingRecordInput, today: string, policy: TrainingPolicy): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);
  // Day counts and cycles are only defined for supported dates (an imported row may hold 0000-01-01).
  for (const field of ['startDate', 'endDate'] as const) {
    const problem = supportedDateProblem(input[field]);
    if (problem) add(field, problem);
  }
  if (Object.keys(problems).length > 0) return problems;
  const units = input.hours / policy.hourStep;
  if (!(input.hours > 0)) add('hours', 'must be more than 0');
  else if (Math.abs(units - Math.round(units)) > 1e-9) add('hours', `must be in steps of ${policy.hourStep} hours`);
  if (input.endDate < input.startDate) {
    add('endDate', 'cannot be before startDate');
  } else {
    const days = daysInclusive(toDay(input.startDate), toDay(input.endDate));
    if (input.hours > policy.maxHoursPerDay * days) {
      add('hours', `at most ${policy.maxHoursPerDay} hours a day: ${policy.maxHoursPerDay * days} for ${days} day${days === 1 ? '' : 's'}`);
    }
    const startCycle = cycleOf(input.startDate, policy);
    if (cycleOf(input.endDate, policy).startYear !== startCycle.startYear) {
      add('endDate', `must lie in the same training cycle as startDate (${startCycle.start} – ${startCycle.end})`);
    }
  }
  if (input.startDate > today) add('startDate', 'cannot be in the future');
  if (input.endDate > today) add('endDate', 'cannot be in the future');
  return problems;
}

/** Throws 400 naming each bad field of a proposed record. */
export function validateTrainingRecord(input: TrainingRecordInput, today: string, policy: TrainingPolicy): void {
  const problems = trainingRecordProblems(input, today, policy);
  if (Object.keys(problems).length > 0) throw new ValidationFailedError(problems);
}

/** Approved hours (reversals included, negative) and pending hours of a set of entries. */
export function ledgerTotals(entries: readonly LedgerEntry[]): { approvedHours: number; pendingHours: number } {
  let approved = 0;
  let pending = 0;
  for (const entry of entries) {
    if (entry.status === 'APPROVED') approved += entry.hours;
    else if (entry.status === 'SUBMITTED') pending += entry.hours;
  }
  // Hours are multiples of a step such as 0.5: sums are exact, but keep a clean decimal either way.
  return { approvedHours: Math.round(approved * 100) / 100, pendingHours: Math.round(pending * 100) / 100 };
}

/** Only a submitted record can be approved or rejected. */
export function assertDecidable(record: { status: TrainingRecordStatus; kind: TrainingEntryKind }): void {
  if (record.status !== 'SUBMITTED') {
    throw new RuleViolationError('ALREADY_DECIDED', `The record was ${record.status.toLowerCase()} already; a decision is final`, {
      status: record.status,
    });
  }
}

/** Only an approved record, not yet reversed and not itself a reversal, can be reversed. */
export function assertReversible(record: { status: TrainingRecordStatus; kind: TrainingEntryKind }, alreadyReversed: boolean): void {
  if (record.kind === 'REVERSAL') throw new RuleViolationError('NOT_REVERSIBLE', 'A reversal entry cannot itself be reversed');
  if (record.status !== 'APPROVED') {
    throw new RuleViolationError('NOT_APPROVED', `Only approved records are reversed; this one is ${record.status.toLowerCase()}`, {
      status: record.status,
    });
  }
  if (alreadyReversed) throw new RuleViolationError('ALREADY_REVERSED', 'The record has been reversed already');
}

/**
 * The records a person may decide on (approve, reject, reverse), as a filter: a county officer
 * and the province administrator every category; a principal school-based training (校本研修)
 * only (their staff: the scope decides whose records they see); teachers and city officers none;
 * and nobody their own record (an account linked to a teacher record excludes it).
 */
export interface DecisionReach {
  readonly categories: readonly TrainingCategory[];
  readonly excludeTeacherId: string | null;
}

export function decisionReach(actor: { readonly role: Role; readonly teacherId?: string | null }): DecisionReach {
  const excludeTeacherId = actor.teacherId ?? null;
  switch (actor.role) {
    case 'PROVINCE_ADMIN':
    case 'COUNTY_OFFICER':
      return { categories: TRAINING_CATEGORIES, excludeTeacherId };
    case 'PRINCIPAL':
      return { categories: ['SCHOOL_BASED'], excludeTeacherId };
    case 'TEACHER':
    case 'CITY_OFFICER':
      return { categories: [], excludeTeacherId };
  }
}

/** Refuses (403) a decision on a record outside the person's decision reach (see decisionReach). */
export function assertMayDecide(
  actor: { readonly role: Role; readonly teacherId?: string | null },
  record: { readonly teacherId: string; readonly category: TrainingCategory },
): void {
  const reach = decisionReach(actor);
  if (reach.categories.length === 0) throw new ForbiddenError(`A ${actor.role} may not decide on training records`);
  if (reach.excludeTeacherId === record.teacherId) throw new ForbiddenError('Nobody decides on their own training record');
  if (!reach.categories.includes(record.category)) {
    throw new ForbiddenError(
      `A ${actor.role} decides on ${reach.categories.join(', ')} training only; ${record.category} training is decided by the county`,
    );
  }
}
