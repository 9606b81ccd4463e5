import { addYears } from '../calendar/calendar-date';
import { ValidationFailedError } from '../errors/domain-error';
import { fractionToMilli, FULL_POST_MILLI } from '../postings/posting-load';
import type { BackboneLevel, Subject, TitleLevel } from '../reference/codes';

export interface TeacherFacts {
  birthDate: string;
  hireDate: string;
  subject: Subject;
  extraSubjects: { subject: Subject; fraction: number }[];
  title: { level: TitleLevel; since?: string | null };
  backbone: BackboneLevel;
}

/** The youngest age at which a teacher can have been hired. */
export const MIN_HIRE_AGE = 16;

/** Checks a teacher's facts against each other; every problem is named by its field. */
export function validateTeacherFacts(facts: TeacherFacts): void {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);

  if (facts.hireDate < addYears(facts.birthDate, MIN_HIRE_AGE)) add('hireDate', `must be at least ${MIN_HIRE_AGE} years after birthDate`);
  if (facts.title.level === 'NONE') {
    if (facts.title.since) add('title.since', 'must be empty when the title level is NONE');
  } else if (!facts.title.since) {
    add('title.since', `is required for title ${facts.title.level}`);
  } else if (facts.title.since < facts.birthDate) {
    add('title.since', 'cannot be before birthDate');
  }

  const seen = new Set<string>();
  let total = 0;
  facts.extraSubjects.forEach((extra, i) => {
    if (extra.subject === facts.subject) add(`extraSubjects.${i}.subject`, 'is the main subject already');
    if (seen.has(extra.subject)) add(`extraSubjects.${i}.subject`, 'is listed twice');
    seen.add(extra.subject);
    const milli = fractionToMilli(extra.fraction);
    if (milli === null || milli >= FULL_POST_MILLI) add(`extraSubjects.${i}.fraction`, 'must be above 0 and below 1, with at most 3 decimals');
    else total += milli;
  });
  if (total > FULL_POST_MILLI) add('extraSubjects', 'fractions add up to more than the whole week');

  if (Object.keys(problems).length > 0) throw new ValidationFailedError(problems);
}
