/**
 * The floor of the shortage-scan benchmark: the shortages of every school of the database on one day,
 * computed set-based in three SQL statements for the whole province, then decided in JavaScript with the
 * policy's thresholds (docs/rules.md, "Shortages"). Written independently of the scan engine and of
 * findShortages, as a DBA would: the database sums, this file compares.
 *
 *   (1) every school: its township-central mark, the location in force on the day (the latest non-null
 *       location of school_classification with effective_from ≤ day), the school year of the enrolment used
 *       (the one containing the day, else the latest before it) and its pupils;
 *   (2) per school and subject, the required teaching in whole units: Σ over the grades of that enrolment
 *       with classes, classes × (weekly periods of the subject in the grade ÷ standard load of the grade's
 *       band) scaled by a common denominator, so the database adds whole numbers and nothing is rounded;
 *       the policy's table comes in as a derived table of parameters;
 *   (3) per school, the teaching in post on the day in millionths of a post: Σ over the postings covering the
 *       day, posting fraction × share of the week (each extra subject its own fraction, the main subject the
 *       rest of the week), by subject; and by psychology role, the posting fractions of its teachers.
 * Figures are exact rationals (bigint over bigint) until they are shown, in thousandths, halves up.
 */
import type { TransactionHost } from '@app/database';
import { bandOfGrade, FULL_POST_MILLI, GRADE_BANDS, GRADES, schoolYearOf, SUBJECTS } from '@app/domain';
import type { GradeBand, Location, PolicyParameters, ShortageKind, ShortageSeverity, Subject } from '@app/domain';

type ShortagePolicy = PolicyParameters['shortage'];

/** A value of a row as the drivers return it (MySQL's sums as strings). */
type Cell = string | number | null;

/** A flag as the floor finds it: the columns of shortage_flag a scan must write for it. */
export interface FloorFlag {
  schoolId: string;
  kind: ShortageKind;
  subject: Subject | null;
  severity: ShortageSeverity;
  requiredMilli: number;
  actualMilli: number;
  gapMilli: number;
}

export interface FloorResult {
  day: string;
  /** The school year containing the day (enrolments of later years are not used). */
  schoolYear: number;
  schools: number;
  flags: FloorFlag[];
  /** SQL statements issued (for the whole database). */
  statements: number;
  /** Rows they returned. */
  rows: number;
}

/** A non-negative rational: n ÷ d, d > 0. */
interface Ratio {
  n: bigint;
  d: bigint;
}

const MICRO = 1_000_000n;

/** A policy number as written in decimal (1.5 is 15/10, not the double nearest to it). */
function decimal(value: number): Ratio {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`policy number ${value} is not a finite non-negative decimal`);
  const [, whole, fraction = '', exponent = '0'] = match;
  const shift = Number(exponent) - fraction.length;
  const digits = BigInt(`${whole}${fraction}`);
  return shift >= 0 ? { n: digits * 10n ** BigInt(shift), d: 1n } : { n: digits, d: 10n ** BigInt(-shift) };
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

/** −1, 0 or 1 as a is below, at or above b. */
function cmp(a: Ratio, b: Ratio): number {
  const difference = a.n * b.d - b.n * a.d;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

const minus = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });

/** Thousandths, halves rounded up (the figures are never negative). */
const milli = (a: Ratio): number => Number((2n * 1000n * a.n + a.d) / (2n * a.d));

/**
 * The policy's weekly periods as whole units: periods × (scale ÷ standard load of the band), all over one
 * common denominator. Periods may be decimals (psychology is 0.5 a week) and so may the loads.
 */
function periodUnits(policy: ShortagePolicy): { denominator: bigint; units: { subject: Subject; grade: number; units: number }[] } {
  let periodScale = 1n;
  for (const subject of SUBJECTS) for (const periods of policy.weeklyPeriods[subject]) periodScale = lcm(periodScale, decimal(periods).d);
  const loads = Object.fromEntries(GRADE_BANDS.map((band) => [band, decimal(policy.standardLoad[band])])) as Record<GradeBand, Ratio>;
  const loadNumerators = GRADE_BANDS.reduce((acc, band) => lcm(acc, loads[band].n), 1n);
  const units: { subject: Subject; grade: number; units: number }[] = [];
  for (const subject of SUBJECTS) {
    for (const grade of GRADES) {
      const periods = decimal(policy.weeklyPeriods[subject][grade - 1]);
      if (periods.n === 0n) continue;
      const load = loads[bandOfGrade(grade)];
      // periods ÷ load = (periods × periodScale) × (load.d × loadNumerators ÷ load.n) ÷ (periodScale × loadNumerators)
      const value = ((periods.n * periodScale) / periods.d) * ((load.d * loadNumerators) / load.n);
      if (value > BigInt(Number.MAX_SAFE_INTEGER) / 10_000n)
        throw new RangeError(`weekly periods of ${subject} in grade ${grade} do not fit the floor's units`);
      units.push({ subject, grade, units: Number(value) });
    }
  }
  return { denominator: periodScale * loadNumerators, units };
}

/** The enrolment year each school's figures use: the latest up to the one containing the day. */
const YEAR_USED = `(SELECT school_id, MAX(school_year) AS school_year FROM school_enrolment WHERE school_year <= ? GROUP BY school_id) u`;

/** (1) Every school, with its location in force, the enrolment year used and its pupils. */
const SCHOOLS_SQL =
  `SELECT s.id AS schoolId, s.township_central AS townshipCentral, ` +
  `(SELECT c.location FROM school_classification c WHERE c.school_id = s.id AND c.effective_from <= ? AND c.location IS NOT NULL ` +
  `ORDER BY c.effective_from DESC LIMIT 1) AS location, ` +
  `e.school_year AS schoolYear, (SELECT SUM(g.students) FROM enrolment_grade g WHERE g.enrolment_id = e.id) AS students ` +
  `FROM school s LEFT JOIN ${YEAR_USED} ON u.school_id = s.id ` +
  `LEFT JOIN school_enrolment e ON e.school_id = u.school_id AND e.school_year = u.school_year`;

/** (2) Required teaching per school and subject, in units of 1 ÷ the common denominator. */
function requiredSql(periodRows: number): string {
  const periods = Array.from({ length: periodRows }, (_, i) => (i === 0 ? 'SELECT ? AS subject, ? AS grade, ? AS units' : 'SELECT ?, ?, ?')).join(
    ' UNION ALL ',
  );
  return (
    `SELECT e.school_id AS schoolId, p.subject AS subject, SUM(g.classes * p.units) AS units ` +
    `FROM ${YEAR_USED} INNER JOIN school_enrolment e ON e.school_id = u.school_id AND e.school_year = u.school_year ` +
    `INNER JOIN enrolment_grade g ON g.enrolment_id = e.id INNER JOIN (${periods}) p ON p.grade = g.grade ` +
    `WHERE g.classes > 0 GROUP BY e.school_id, p.subject`
  );
}

const COVERS_DAY = `p.start_date <= ? AND (p.end_date IS NULL OR p.end_date >= ?)`;
const EXTRA_TOTAL = `COALESCE((SELECT SUM(x.fraction_milli) FROM teacher_extra_subject x WHERE x.teacher_id = t.id), 0)`;

/**
 * (3) Teaching in post per school, from the postings covering the day: part 'M', by main subject and
 * psychology role, the millionths of a post given to the main subject (posting fraction × the rest of the
 * week after the extra subjects) and the posting fractions in thousandths; part 'X', by extra subject, the
 * millionths of a post given to it.
 */
const ACTUAL_SQL =
  `SELECT p.school_id AS schoolId, 'M' AS part, t.subject AS subject, t.psychology AS psychology, ` +
  `SUM(p.fraction_milli * CASE WHEN ${EXTRA_TOTAL} < ? THEN ? - ${EXTRA_TOTAL} ELSE 0 END) AS amount, SUM(p.fraction_milli) AS fraction ` +
  `FROM posting p INNER JOIN teacher t ON t.id = p.teacher_id ` +
  `WHERE ${COVERS_DAY} GROUP BY p.school_id, t.subject, t.psychology ` +
  `UNION ALL ` +
  `SELECT p.school_id, 'X', x.subject, NULL, SUM(p.fraction_milli * x.fraction_milli), NULL ` +
  `FROM posting p INNER JOIN teacher_extra_subject x ON x.teacher_id = p.teacher_id ` +
  `WHERE ${COVERS_DAY} GROUP BY p.school_id, x.subject`;

interface SchoolFigures {
  townshipCentral: boolean;
  location: Location | null;
  schoolYear: number | null;
  students: number;
  /** Required units per subject (over the common denominator). */
  required: Map<Subject, bigint>;
  /** Millionths of a post in post per subject. */
  actual: Map<Subject, bigint>;
  /** Thousandths of a post of full-time, and of all, psychology teachers. */
  psychologyFullTime: bigint;
  psychologyAll: bigint;
}

const whole = (value: Cell | undefined): bigint => (value === null || value === undefined ? 0n : BigInt(String(value)));

/** Flags of one school from its figures, with the policy's thresholds. */
function decide(schoolId: string, f: SchoolFigures, policy: ShortagePolicy, denominator: bigint): FloorFlag[] {
  const flags: FloorFlag[] = [];
  const high = decimal(policy.highSeverityGap);
  const flag = (kind: ShortageKind, subject: Subject | null, required: Ratio, actual: Ratio) => {
    const severity: ShortageSeverity = required.n > 0n && actual.n === 0n ? 'CRITICAL' : cmp(minus(required, actual), high) >= 0 ? 'HIGH' : 'MEDIUM';
    const requiredMilli = milli(required);
    const actualMilli = milli(actual);
    flags.push({ schoolId, kind, subject, severity, requiredMilli, actualMilli, gapMilli: requiredMilli - actualMilli });
  };
  const actualOf = (subject: Subject): Ratio => ({ n: f.actual.get(subject) ?? 0n, d: MICRO });

  if (f.schoolYear !== null) {
    const threshold = decimal(policy.gapThreshold);
    for (const subject of SUBJECTS) {
      const units = f.required.get(subject);
      if (units === undefined || units === 0n) continue;
      const required = { n: units, d: denominator };
      const actual = actualOf(subject);
      if (actual.n === 0n) flag('ZERO_COVERAGE', subject, required, actual);
      else if (cmp(minus(required, actual), threshold) >= 0) flag('SUBJECT_GAP', subject, required, actual);
    }
  }

  const rule = policy.psychology;
  const fullTimeNeeded =
    (f.location !== null && rule.fullTimeRequiredLocations.includes(f.location)) || (f.townshipCentral && rule.fullTimeRequiredTownshipCentral);
  if (fullTimeNeeded && f.psychologyFullTime < 1000n)
    flag('PSY_FULLTIME_MISSING', 'PSYCHOLOGY', { n: 1n, d: 1n }, { n: f.psychologyFullTime, d: 1000n });

  if (f.schoolYear !== null) {
    const perTeacher = BigInt(rule.studentsPerTeacher);
    const students = BigInt(f.students);
    const needed = (students + perTeacher - 1n) / perTeacher;
    if (f.psychologyAll < needed * 1000n) flag('PSY_PARTTIME_SHORT', 'PSYCHOLOGY', { n: needed, d: 1n }, { n: f.psychologyAll, d: 1000n });

    const minimum = decimal(policy.peArts.minPer100Students);
    const required = { n: minimum.n * students, d: minimum.d * 100n };
    const actual = { n: policy.peArts.subjects.reduce((total, subject) => total + (f.actual.get(subject) ?? 0n), 0n), d: MICRO };
    if (cmp(actual, required) < 0) flag('PE_ARTS_RATIO_LOW', null, required, actual);
  }
  return flags;
}

/** The shortages of every school in the database on `day`, under the policy's `shortage` parameters. */
export async function shortageFloor(tx: TransactionHost, day: string, policy: ShortagePolicy): Promise<FloorResult> {
  const schoolYear = schoolYearOf(day);
  const { denominator, units } = periodUnits(policy);
  const query = (sql: string, parameters: unknown[]) => tx.manager.query<Record<string, Cell>[]>(sql, parameters);
  const full = FULL_POST_MILLI;
  const [schoolRows, requiredRows, actualRows] = await Promise.all([
    query(SCHOOLS_SQL, [day, schoolYear]),
    query(requiredSql(units.length), [schoolYear, ...units.flatMap((u) => [u.subject, u.grade, u.units])]),
    query(ACTUAL_SQL, [full, full, day, day, day, day]),
  ]);

  const schools = new Map<string, SchoolFigures>();
  for (const row of schoolRows)
    schools.set(String(row.schoolId), {
      townshipCentral: Number(row.townshipCentral) === 1,
      location: (row.location ?? null) as Location | null,
      schoolYear: row.schoolYear === null || row.schoolYear === undefined ? null : Number(row.schoolYear),
      students: Number(row.students ?? 0),
      required: new Map(),
      actual: new Map(),
      psychologyFullTime: 0n,
      psychologyAll: 0n,
    });
  const figuresOf = (schoolId: Cell) => {
    const figures = schools.get(String(schoolId));
    if (!figures) throw new Error(`posting or enrolment of unknown school ${String(schoolId)}`);
    return figures;
  };
  for (const row of requiredRows) figuresOf(row.schoolId).required.set(row.subject as Subject, whole(row.units));
  for (const row of actualRows) {
    const figures = figuresOf(row.schoolId);
    const subject = row.subject as Subject;
    figures.actual.set(subject, (figures.actual.get(subject) ?? 0n) + whole(row.amount));
    if (row.part === 'M' && row.psychology !== 'NONE') {
      if (row.psychology === 'FULL_TIME') figures.psychologyFullTime += whole(row.fraction);
      figures.psychologyAll += whole(row.fraction);
    }
  }

  const flags = [...schools].flatMap(([schoolId, figures]) => decide(schoolId, figures, policy, denominator));
  return { day, schoolYear, schools: schools.size, flags, statements: 3, rows: schoolRows.length + requiredRows.length + actualRows.length };
}

/** A flag's identity: one per school, kind and subject. */
const flagKey = (f: Pick<FloorFlag, 'schoolId' | 'kind' | 'subject'>) => `${f.schoolId}|${f.kind}|${f.subject ?? '-'}`;

/**
 * Differences between the flags expected (the floor's) and those found (a scan's, or findShortages'): one line
 * per flag missing, extra, or with other severity or figures.
 */
export function flagMismatches(expected: readonly FloorFlag[], found: readonly FloorFlag[]): string[] {
  const figures = (f: FloorFlag) => `${f.severity} ${f.requiredMilli}/${f.actualMilli}/${f.gapMilli}`;
  const byKey = new Map(found.map((f) => [flagKey(f), f]));
  const problems: string[] = [];
  for (const want of expected) {
    const key = flagKey(want);
    const got = byKey.get(key);
    byKey.delete(key);
    if (!got) problems.push(`missing ${key} ${figures(want)}`);
    else if (figures(got) !== figures(want)) problems.push(`differs ${key}: expected ${figures(want)}, found ${figures(got)}`);
  }
  for (const [key, extra] of byKey) problems.push(`extra ${key} ${figures(extra)}`);
  return problems;
}
