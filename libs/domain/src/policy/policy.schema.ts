import { z } from 'zod';
import { isCalendarDate } from '../calendar/calendar-date';
import { EARLIEST_SUPPORTED_DATE, isSupportedDate, LATEST_SUPPORTED_DATE } from '../calendar/supported-dates';
import { BACKBONE_LEVELS, LOCATIONS, POSTS, STAGES, SUBJECTS, TITLE_LEVELS, ZONES } from '../reference/codes';
import { BACKBONE_DENOMINATORS, TARGET_SCOPES } from '../rotation/rotation-codes';

/**
 * The policy set (docs/rules.md, "Policy as data"): every number the rules use, as one validated, versioned
 * document. Objects are strict, so a misspelt parameter is an error, never silently ignored.
 */

const positive = z.number().positive();
const nonNegative = z.number().min(0);
const share = z.number().min(0).max(1);
const wholeNonNegative = z.number().int().min(0);
const wholePositive = z.number().int().positive();

const perBand = z.strictObject({ primary: positive, junior: positive, senior: positive });

/** Weekly periods in grades 1–12 (index 0 = grade 1). */
const perGrade = z.array(z.number().min(0).max(20)).length(12);

const distinct = <T extends z.ZodTypeAny>(item: T) =>
  z.array(item).refine((values) => new Set(values).size === values.length, { message: 'must not repeat a value' });

export const policyParametersSchema = z.strictObject({
  quota: z.strictObject({
    /** Students per staff member by grade band (中央编办发〔2014〕72号). */
    studentsPerStaff: perBand,
    smallSchool: z.strictObject({
      /** A school at one of these locations with fewer students than this is "small". */
      maxStudents: wholeNonNegative,
      locations: distinct(z.enum(LOCATIONS)),
      /** Stages that always use the small-school rule (教学点). */
      stages: distinct(z.enum(STAGES)),
      /** Teachers per class (国办发〔2015〕43号, 班师比). */
      teachersPerClass: z.strictObject({ primary: positive, junior: positive }),
    }),
    boarding: z.strictObject({
      enabled: z.boolean(),
      /** One extra staff member per this many boarders, rounded up. */
      boardersPerStaff: positive,
    }),
  }),
  shortage: z.strictObject({
    weeklyPeriods: z.strictObject(
      Object.fromEntries(SUBJECTS.map((subject) => [subject, perGrade])) as Record<(typeof SUBJECTS)[number], typeof perGrade>,
    ),
    /** Periods per week a full-time teacher teaches, by band. */
    standardLoad: perBand,
    /** A flag is raised when required − actual FTE reaches this. */
    gapThreshold: positive,
    /** Gap at or above which a flag is HIGH rather than MEDIUM. */
    highSeverityGap: positive,
    psychology: z.strictObject({
      fullTimeRequiredLocations: distinct(z.enum(LOCATIONS)),
      fullTimeRequiredTownshipCentral: z.boolean(),
      /** Full-time + part-time psychology teachers ≥ ceil(students ÷ this). */
      studentsPerTeacher: wholePositive,
    }),
    peArts: z.strictObject({
      subjects: distinct(z.enum(SUBJECTS)).min(1),
      /** Fraction-weighted teachers of those subjects per 100 students. */
      minPer100Students: nonNegative,
    }),
  }),
  rotation: z.strictObject({
    minYearsAtSchool: positive,
    /** Month and day of the plan year on which eligibility is judged (default 09-01); 02-29 falls on 02-28 in a common year. */
    referenceMonthDay: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be MM-DD', abort: true })
      .refine((monthDay) => isCalendarDate(`2000-${monthDay}`), 'must be a day of the year (02-30 is not)'),
    exemptAge: wholePositive,
    minRotatingShare: share,
    minBackboneShare: share,
    backboneMinLevel: z.enum(BACKBONE_LEVELS),
    backboneDenominator: z.enum(BACKBONE_DENOMINATORS),
    targetScopes: distinct(z.enum(TARGET_SCOPES)).min(1),
    schoolTargetLocations: distinct(z.enum(LOCATIONS)),
    defaultTermYears: wholePositive,
  }),
  antiPoaching: z.strictObject({
    /** Zones whose cities count as developed. */
    developedZones: distinct(z.enum(ZONES)),
    /** Zones whose outstanding staff may not be moved to a developed city. */
    protectedZones: distinct(z.enum(ZONES)),
    outstanding: z.strictObject({
      minBackbone: z.enum(BACKBONE_LEVELS),
      minTitle: z.enum(TITLE_LEVELS),
      posts: distinct(z.enum(POSTS)),
    }),
  }),
  eligibility: z.strictObject({
    /** A day qualifies when postings at schools at these locations, or weak, add up to at least minDailyFraction. */
    qualifyingLocations: distinct(z.enum(LOCATIONS)),
    weakQualifies: z.boolean(),
    minDailyFraction: z.number().gt(0).max(1),
    seniorTitle: z.strictObject({
      serviceDays: wholeNonNegative,
      tenureTitle: z.enum(TITLE_LEVELS),
      tenureYears: nonNegative,
      requireTrainingOnPace: z.boolean(),
    }),
    principalPriority: z.strictObject({ serviceDays: wholeNonNegative }),
  }),
  training: z.strictObject({
    cycleYears: wholePositive,
    cycleAnchorYear: z.number().int().min(1900).max(2200),
    hoursPerCycle: positive,
    /** Hours are recorded in steps of this size and owed hours are rounded up to it (a fraction 1/n of an hour, or whole hours). */
    hourStep: positive.refine((step) => Number.isInteger(step) || Number.isInteger(Math.round(1e9 / step) / 1e9), {
      message: 'must divide an hour evenly (0.25, 0.5, 1, …) or be whole hours',
    }),
    maxHoursPerDay: positive,
  }),
});

export const policyDocumentSchema = z.strictObject({
  /** e.g. `jiangsu-2024.1`. */
  version: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'must be 2–64 characters: lower-case letters, digits, dot, dash, underscore'),
  effectiveFrom: z
    .string()
    .refine(isCalendarDate, { message: 'must be a date YYYY-MM-DD', abort: true })
    .refine(isSupportedDate, `must lie between ${EARLIEST_SUPPORTED_DATE} and ${LATEST_SUPPORTED_DATE}`),
  title: z.string().min(1).max(200),
  source: z.string().max(2000).optional(),
  parameters: policyParametersSchema,
});

export type PolicyParameters = z.infer<typeof policyParametersSchema>;
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

export type PolicyValidation = { ok: true; document: PolicyDocument } | { ok: false; errors: Record<string, string[]> };

/** Validates a policy document; errors are keyed by the dotted path of the bad field. */
export function validatePolicyDocument(input: unknown): PolicyValidation {
  const result = policyDocumentSchema.safeParse(input);
  if (result.success) return { ok: true, document: result.data };
  // A Map: a path is made of the sender's keys, and `constructor` or `__proto__` must not reach Object's own members.
  const errors = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const key = path || '(document)';
    errors.set(key, [...(errors.get(key) ?? []), message]);
  };
  for (const issue of result.error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(base ? `${base}.${key}` : key, 'is not a policy parameter');
    } else {
      add(base, issue.message);
    }
  }
  return { ok: false, errors: Object.fromEntries(errors) };
}
