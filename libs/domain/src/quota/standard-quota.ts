import type { Label } from '../labels/code-labels';
import { bandOfGrade, GRADE_BANDS } from '../reference/codes';
import type { GradeBand, Location, Stage } from '../reference/codes';
import { apportionMilli, ceiling, compare, divide, Exact, exactOf, isZero, multiply, subtract, sum } from '../shortage/exact-figures';
import { boardingMessage, classRatioMessage, roundingMessage, studentRatioMessage } from './quota-messages';
import type { BandEnrolment, QuotaPart, QuotaPolicy, QuotaSchoolFacts, SmallSchoolReason, StandardQuota } from './quota-types';

/**
 * The standard staffing quota of a school (docs/rules.md, "Staffing quotas"), plan item 7 “落实中央关于中小学教职工
 * 编制标准”: band by band, ceil(Σ students in band ÷ studentsPerStaff of band) (中央编办发〔2014〕72号); for a small
 * school (a stage of `smallSchool.stages`, or a location of `smallSchool.locations` with fewer than
 * `smallSchool.maxStudents` pupils) the larger of that and ceil(Σ classes in band × teachersPerClass of band)
 * (国办发〔2015〕43号: 生师比与班师比相结合), a band the policy gives no class ratio (senior) counting by its student
 * ratio on both sides; plus ceil(boarders ÷ boardersPerStaff) when the boarding add-on is enabled.
 *
 * Figures are exact rationals (190 ÷ 19 is 10, not 10.000000000000002), rounded only where shown.
 */

/** A part before it is shown: its exact value and how its sentence reads once rounded. */
interface RawPart extends Omit<QuotaPart, 'staff' | 'summary'> {
  readonly exact: Exact;
  readonly summary: (staffMilli: number) => Label;
}

const NONE = { students: null, studentsPerStaff: null, classes: null, teachersPerClass: null, boarders: null, boardersPerStaff: null } as const;

/** The standard quota of a school from the facts of a day, with its breakdown; null when no enrolment is recorded (nothing to compute from). */
export function standardQuota(facts: QuotaSchoolFacts, policy: QuotaPolicy): StandardQuota | null {
  const computed = computeQuota(facts, policy);
  if (computed === null) return null;
  const { parts, ...figure } = computed;
  const shown = apportionMilli(
    parts.map((part) => part.exact),
    figure.quota * 1000,
  );
  return {
    ...figure,
    breakdown: parts.map(({ exact: _exact, summary, ...part }, index) => ({ ...part, staff: shown[index] / 1000, summary: summary(shown[index]) })),
  };
}

/** The standard quota without its breakdown (reports over many schools show the figure only): the same rule, the same result. */
export function standardQuotaFigure(facts: QuotaSchoolFacts, policy: QuotaPolicy): Omit<StandardQuota, 'breakdown'> | null {
  const computed = computeQuota(facts, policy);
  if (computed === null) return null;
  const { parts: _parts, ...figure } = computed;
  return figure;
}

function computeQuota(facts: QuotaSchoolFacts, policy: QuotaPolicy): (Omit<StandardQuota, 'breakdown'> & { parts: RawPart[] }) | null {
  const enrolment = facts.enrolment;
  if (enrolment === null) return null;
  assertUsableQuotaFacts(facts);
  const { bands, boarders } = enrolment;
  const students = GRADE_BANDS.reduce((total, band) => total + bands[band].students, 0);

  const studentParts = GRADE_BANDS.filter((band) => bands[band].students > 0).map((band) => studentPart(band, bands[band], policy));
  const studentRatio = sum(studentParts.map((part) => part.exact));
  const studentRatioQuota = whole(ceiling(studentRatio));

  let parts: RawPart[] = studentParts;
  let base = studentRatio;
  let baseQuota = studentRatioQuota;
  let smallSchool: StandardQuota['smallSchool'] = null;
  const reason = smallSchoolReason(facts.stage, facts.location, students, policy);
  if (reason !== null) {
    const classParts = GRADE_BANDS.flatMap((band): RawPart[] => {
      const perClass = classRatioOf(band, policy);
      if (perClass === undefined) return bands[band].students > 0 ? [studentPart(band, bands[band], policy)] : [];
      return bands[band].classes > 0 ? [classPart(band, bands[band].classes, perClass)] : [];
    });
    const classRatio = sum(classParts.map((part) => part.exact));
    const classRatioQuota = whole(ceiling(classRatio));
    const applied = classRatioQuota > studentRatioQuota ? 'CLASS_RATIO' : 'STUDENT_RATIO';
    if (applied === 'CLASS_RATIO') {
      parts = classParts;
      base = classRatio;
      baseQuota = classRatioQuota;
    }
    smallSchool = { reason, students, maxStudents: policy.smallSchool.maxStudents, studentRatioQuota, classRatioQuota, applied };
  }

  const rounding = subtract(ceiling(base), base);
  if (!isZero(rounding)) parts = [...parts, { rule: 'ROUNDING', band: null, ...NONE, exact: rounding, summary: roundingMessage }];

  let boardingQuota = 0;
  if (policy.boarding.enabled && boarders > 0) {
    const perStaff = policy.boarding.boardersPerStaff;
    boardingQuota = whole(ceiling(divide(exactOf(boarders), exactOf(perStaff))));
    parts = [
      ...parts,
      {
        rule: 'BOARDING',
        band: null,
        ...NONE,
        boarders,
        boardersPerStaff: perStaff,
        exact: exactOf(boardingQuota),
        summary: (milli) => boardingMessage(boarders, perStaff, milli),
      },
    ];
  }

  return { quota: baseQuota + boardingQuota, schoolYear: enrolment.schoolYear, students, boarders, smallSchool, parts };
}

/**
 * Why the small-school rule applies to a school, or null: its stage is one of `smallSchool.stages` (a teaching point,
 * whatever its size), or its location on the day is one of `smallSchool.locations` and it has fewer than
 * `smallSchool.maxStudents` pupils.
 */
export function smallSchoolReason(stage: Stage, location: Location | null, students: number, policy: QuotaPolicy): SmallSchoolReason | null {
  if (policy.smallSchool.stages.includes(stage)) return 'STAGE';
  if (location !== null && policy.smallSchool.locations.includes(location) && students < policy.smallSchool.maxStudents) return 'LOCATION';
  return null;
}

/** Pupils and classes of each band, from an enrolment by grade (grades 1–12). */
export function bandsOfGrades(grades: readonly { readonly grade: number; readonly students: number; readonly classes: number }[]): {
  [band in GradeBand]: BandEnrolment;
} {
  const bands = { primary: { students: 0, classes: 0 }, junior: { students: 0, classes: 0 }, senior: { students: 0, classes: 0 } };
  for (const entry of grades) {
    const band = bands[bandOfGrade(entry.grade)];
    band.students += entry.students;
    band.classes += entry.classes;
  }
  return bands;
}

/**
 * Refuses facts the rule cannot be applied to, rather than reading past them: a count that is negative or not
 * whole. The API never stores such rows; a damaged import or a hand edit of the database could.
 */
export function assertUsableQuotaFacts(facts: QuotaSchoolFacts): void {
  const check = (what: string, value: number) => {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number ≥ 0, not ${value}`);
  };
  if (facts.enrolment === null) return;
  check('boarders', facts.enrolment.boarders);
  for (const band of GRADE_BANDS) {
    check(`${band} students`, facts.enrolment.bands[band].students);
    check(`${band} classes`, facts.enrolment.bands[band].classes);
  }
}

/** The class ratio of a band, when the policy gives one (primary and junior). */
function classRatioOf(band: GradeBand, policy: QuotaPolicy): number | undefined {
  return (policy.smallSchool.teachersPerClass as Partial<Record<GradeBand, number>>)[band];
}

function studentPart(band: GradeBand, entry: BandEnrolment, policy: QuotaPolicy): RawPart {
  const perStaff = policy.studentsPerStaff[band];
  return {
    rule: 'STUDENT_RATIO',
    band,
    ...NONE,
    students: entry.students,
    studentsPerStaff: perStaff,
    exact: divide(exactOf(entry.students), exactOf(perStaff)),
    summary: (milli) => studentRatioMessage(band, entry.students, perStaff, milli),
  };
}

function classPart(band: GradeBand, classes: number, perClass: number): RawPart {
  return {
    rule: 'CLASS_RATIO',
    band,
    ...NONE,
    classes,
    teachersPerClass: perClass,
    exact: multiply(exactOf(classes), exactOf(perClass)),
    summary: (milli) => classRatioMessage(band, classes, perClass, milli),
  };
}

/** A whole number held as an exact figure (ceiling's result). */
function whole(value: Exact): number {
  if (compare(value, ceiling(value)) !== 0) throw new RangeError('not a whole number');
  return Number(value.n / value.d);
}
