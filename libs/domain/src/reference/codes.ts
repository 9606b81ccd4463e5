/** Code lists of the rule book (docs/rules.md, "Places and people"). Each is a const tuple and the union type of its values. */

export const ZONES = ['SUNAN', 'SUZHONG', 'SUBEI'] as const;
export type Zone = (typeof ZONES)[number];

export const STAGES = ['PRIMARY', 'JUNIOR', 'NINE_YEAR', 'SENIOR', 'COMPLETE_SECONDARY', 'TWELVE_YEAR', 'TEACHING_POINT'] as const;
export type Stage = (typeof STAGES)[number];

export const LOCATIONS = ['URBAN', 'TOWN', 'RURAL'] as const;
export type Location = (typeof LOCATIONS)[number];

export const SUBJECTS = [
  'CHINESE',
  'MATH',
  'ENGLISH',
  'MORAL_LAW',
  'HISTORY',
  'GEOGRAPHY',
  'SCIENCE',
  'PHYSICS',
  'CHEMISTRY',
  'BIOLOGY',
  'INFO_TECH',
  'PE',
  'MUSIC',
  'FINE_ARTS',
  'LABOR',
  'COMPREHENSIVE_PRACTICE',
  'PSYCHOLOGY',
  'SPECIAL_EDUCATION',
] as const;
export type Subject = (typeof SUBJECTS)[number];

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];

/** Ordered from lowest to highest. */
export const TITLE_LEVELS = ['NONE', 'THIRD', 'SECOND', 'FIRST', 'SENIOR', 'PRINCIPAL_SENIOR'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

/** Ordered from lowest to highest. */
export const BACKBONE_LEVELS = ['NONE', 'SCHOOL', 'COUNTY', 'CITY', 'PROVINCE'] as const;
export type BackboneLevel = (typeof BACKBONE_LEVELS)[number];

export const PSYCHOLOGY_ROLES = ['NONE', 'FULL_TIME', 'PART_TIME'] as const;
export type PsychologyRole = (typeof PSYCHOLOGY_ROLES)[number];

export const POSTS = ['TEACHER', 'VICE_PRINCIPAL', 'PRINCIPAL'] as const;
export type Post = (typeof POSTS)[number];

export const POSTING_KINDS = ['REGULAR', 'ROTATION', 'SUPPORT', 'SHARED', 'SHADOWING'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

export const ROLES = ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'PRINCIPAL', 'TEACHER'] as const;
export type Role = (typeof ROLES)[number];

/** Schools organised together: an education group (教育集团) or a school district (学区). */
export const CLUSTER_KINDS = ['GROUP', 'DISTRICT'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_BANDS = ['primary', 'junior', 'senior'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

/** Grades 1–6 are the primary band, 7–9 junior, 10–12 senior. */
export function bandOfGrade(grade: number): GradeBand {
  if (grade >= 1 && grade <= 6) return 'primary';
  if (grade >= 7 && grade <= 9) return 'junior';
  if (grade >= 10 && grade <= 12) return 'senior';
  throw new RangeError(`grade ${grade} is outside 1–12`);
}

/** Position of a level in its ordered list, for "at least" comparisons. */
export function rankOf<T extends string>(levels: readonly T[], level: T): number {
  const rank = levels.indexOf(level);
  if (rank < 0) throw new RangeError(`unknown level ${level}`);
  return rank;
}

export function atLeast<T extends string>(levels: readonly T[], level: T, minimum: T): boolean {
  return rankOf(levels, level) >= rankOf(levels, minimum);
}

const STAGE_GRADES: Record<Stage, readonly number[]> = {
  PRIMARY: [1, 2, 3, 4, 5, 6],
  JUNIOR: [7, 8, 9],
  NINE_YEAR: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  SENIOR: [10, 11, 12],
  COMPLETE_SECONDARY: [7, 8, 9, 10, 11, 12],
  TWELVE_YEAR: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  TEACHING_POINT: [1, 2, 3, 4, 5, 6],
};

/** Grades a school of the stage teaches (a 教学点 teaches primary grades, often only the lower ones). */
export function gradesOfStage(stage: Stage): readonly number[] {
  return STAGE_GRADES[stage];
}
