import type { Label } from '../labels/code-labels';
import type { PolicyParameters } from '../policy/policy.schema';
import { FULL_POST_MILLI } from '../postings/posting-load';
import { bandOfGrade, SUBJECTS } from '../reference/codes';
import type { GradeBand, Subject } from '../reference/codes';
import { add, apportionMilli, ceiling, compare, divide, Exact, exactOf, isZero, multiply, subtract, sum, toMilli, ZERO } from './exact-figures';
import { curriculumMessage, peArtsMessage, psychologyFullTimeMessage, psychologyRatioMessage, ShownFigures } from './shortage-messages';
import { SHORTAGE_KINDS } from './shortage-types';
import type { FoundShortage, ShortageExplanation, ShortageKind, ShortageSchoolFacts, ShortageSeverity, ShortageStaffMember } from './shortage-types';

/**
 * The shortage rules (docs/rules.md, "Shortages"), plan items 7 and 13: what a school's curriculum, the
 * psychology standard and the PE/arts ratio need, against the teachers posted there on the day.
 *
 * Every count of teachers is weighted by the teacher's posting fraction at the school (a teacher shared half
 * time counts 0.5 here and 0.5 at the other school). Figures are exact rationals until they are shown: the rules
 * compare exact values with the policy's thresholds, and the figures a flag shows are rounded to thousandths.
 */

type ShortagePolicy = PolicyParameters['shortage'];

/** One part of the required FTE: a grade's classes × weekly periods ÷ the standard load of its band. */
type GradePart = Omit<ShortageExplanation['required']['grades'][number], 'fte'> & { readonly exact: Exact };

/** One teacher's part of the actual FTE: posting fraction × share of the week (1 for the psychology standards). */
interface TeacherPart {
  readonly member: ShortageStaffMember;
  readonly shareMilli: number;
  readonly exact: Exact;
}

/** What a rule found before it is rounded into a FoundShortage. */
interface Finding {
  readonly kind: ShortageKind;
  readonly subject: Subject | null;
  readonly required: Exact;
  readonly actual: Exact;
  readonly grades: readonly GradePart[];
  readonly teachers: readonly TeacherPart[];
  readonly schoolYear: number | null;
  readonly students: number | null;
  readonly parameters: ShortageExplanation['parameters'];
  readonly summary: (shown: ShownFigures) => Label;
}

/** The shortages of one school on one day, ordered by kind (as SHORTAGE_KINDS lists them), then subject (as SUBJECTS). */
export function findShortages(facts: ShortageSchoolFacts, policy: ShortagePolicy, policyVersion: string): FoundShortage[] {
  assertUsableFacts(facts);
  const findings = [...curriculumFindings(facts, policy), ...psychologyFindings(facts, policy), ...peArtsFindings(facts, policy)];
  const order = (finding: Finding) => [SHORTAGE_KINDS.indexOf(finding.kind), finding.subject === null ? -1 : SUBJECTS.indexOf(finding.subject)];
  return findings.sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]).map((finding) => shortageOf(finding, policy, policyVersion));
}

/**
 * Refuses facts no rule can be applied to, rather than reading past them: a grade outside 1–12, a negative count,
 * a posting or extra-subject fraction outside 0–1, an unknown subject. The API never stores such rows; a damaged
 * import or a hand edit of the database could. The scan of that school then fails with this message.
 */
export function assertUsableFacts(facts: ShortageSchoolFacts): void {
  const problem = (message: string) => {
    throw new RangeError(message);
  };
  for (const entry of facts.enrolment?.grades ?? []) {
    if (!Number.isInteger(entry.grade) || entry.grade < 1 || entry.grade > 12) problem(`enrolment grade ${entry.grade} is outside 1–12`);
    if (!(entry.classes >= 0) || !(entry.students >= 0)) problem(`enrolment grade ${entry.grade} has a negative count of classes or students`);
  }
  for (const member of facts.staff) {
    if (!(member.fractionMilli > 0 && member.fractionMilli <= FULL_POST_MILLI)) {
      problem(`teacher ${member.teacherId} is posted at ${member.fractionMilli / 1000} of a post (0 to 1 expected)`);
    }
    for (const subject of [member.subject, ...member.extraSubjects.map((entry) => entry.subject)]) {
      if (!SUBJECTS.includes(subject)) problem(`teacher ${member.teacherId} teaches an unknown subject ${String(subject)}`);
    }
    for (const entry of member.extraSubjects) {
      if (!(entry.fractionMilli > 0 && entry.fractionMilli <= FULL_POST_MILLI)) {
        problem(`teacher ${member.teacherId} gives ${entry.fractionMilli / 1000} of the week to ${entry.subject} (0 to 1 expected)`);
      }
    }
  }
}

/** MEDIUM, or HIGH from `highSeverityGap` on; CRITICAL when something is required and nobody provides any of it. */
function severityOf(required: Exact, actual: Exact, policy: ShortagePolicy): ShortageSeverity {
  if (compare(required, ZERO) > 0 && isZero(actual)) return 'CRITICAL';
  return compare(subtract(required, actual), exactOf(policy.highSeverityGap)) >= 0 ? 'HIGH' : 'MEDIUM';
}

/** Each subject's share of a teacher's week, in thousandths: the extra subjects theirs, the main subject the rest. */
function sharesOf(member: ShortageStaffMember): Map<Subject, number> {
  const extra = member.extraSubjects.reduce((total, entry) => total + entry.fractionMilli, 0);
  const shares = new Map<Subject, number>([[member.subject, Math.max(0, FULL_POST_MILLI - extra)]]);
  for (const entry of member.extraSubjects) shares.set(entry.subject, (shares.get(entry.subject) ?? 0) + entry.fractionMilli);
  return shares;
}

const MICRO = 1_000_000n;

/** posting fraction × share of the week, both in thousandths: millionths of a post. */
function teacherPart(member: ShortageStaffMember, shareMilli: number): TeacherPart {
  return { member, shareMilli, exact: { n: BigInt(member.fractionMilli * shareMilli), d: MICRO } };
}

/** The enrolment's grades, lowest first, so that an explanation reads from grade 1 up. */
function enrolledGrades(facts: ShortageSchoolFacts) {
  return [...(facts.enrolment?.grades ?? [])].sort((a, b) => a.grade - b.grade);
}

function studentsOf(facts: ShortageSchoolFacts): number {
  return enrolledGrades(facts).reduce((total, grade) => total + grade.students, 0);
}

/**
 * Curriculum (items 7 and 13): requiredFte(s) = Σ over grades (classes × weekly periods of s) ÷ standard load of
 * the grade's band; actualFte(s) = Σ over staff (posting fraction × share of the week given to s). ZERO_COVERAGE
 * (CRITICAL) when something is required and nobody teaches it, whatever the gap; SUBJECT_GAP from `gapThreshold`.
 */
function curriculumFindings(facts: ShortageSchoolFacts, policy: ShortagePolicy): Finding[] {
  if (facts.enrolment === null) return [];
  const schoolYear = facts.enrolment.schoolYear;
  const grades = enrolledGrades(facts).filter((entry) => entry.classes > 0);
  const staff = facts.staff.map((member) => ({ member, shares: sharesOf(member) }));
  // Millionths of a post given to each subject (posting fraction × share, both in thousandths): whole numbers, so exact.
  const actualMicro = new Map<Subject, number>();
  for (const { member, shares } of staff) {
    for (const [subject, share] of shares) actualMicro.set(subject, (actualMicro.get(subject) ?? 0) + member.fractionMilli * share);
  }
  const threshold = exactOf(policy.gapThreshold);
  const findings: Finding[] = [];
  for (const subject of SUBJECTS) {
    const periods = policy.weeklyPeriods[subject];
    const taught = grades.filter((entry) => periods[entry.grade - 1] > 0);
    if (taught.length === 0) continue;
    // Σ classes × periods per band, then ÷ the band's load: the same sum as grade by grade, with three divisions.
    const byBand = new Map<GradeBand, Exact>();
    for (const entry of taught) {
      const band = bandOfGrade(entry.grade);
      byBand.set(band, add(byBand.get(band) ?? ZERO, multiply(exactOf(entry.classes), exactOf(periods[entry.grade - 1]))));
    }
    const required = sum([...byBand].map(([band, periodsTimesClasses]) => divide(periodsTimesClasses, exactOf(policy.standardLoad[band]))));
    const actual: Exact = { n: BigInt(actualMicro.get(subject) ?? 0), d: MICRO };
    const nobodyTeaches = isZero(actual);
    if (!nobodyTeaches && compare(subtract(required, actual), threshold) < 0) continue;
    findings.push({
      kind: nobodyTeaches ? 'ZERO_COVERAGE' : 'SUBJECT_GAP',
      subject,
      required,
      actual,
      grades: taught.map((entry): GradePart => {
        const band = bandOfGrade(entry.grade);
        const weeklyPeriods = periods[entry.grade - 1];
        const standardLoad = policy.standardLoad[band];
        const exact = divide(multiply(exactOf(entry.classes), exactOf(weeklyPeriods)), exactOf(standardLoad));
        return { grade: entry.grade, band, classes: entry.classes, weeklyPeriods, standardLoad, exact };
      }),
      teachers: staff.flatMap(({ member, shares }) => {
        const share = shares.get(subject) ?? 0;
        return share > 0 ? [teacherPart(member, share)] : [];
      }),
      schoolYear,
      students: null,
      parameters: {
        gapThreshold: policy.gapThreshold,
        highSeverityGap: policy.highSeverityGap,
        ...Object.fromEntries([...byBand.keys()].map((band) => [`standardLoad.${band}`, policy.standardLoad[band]])),
      },
      summary: (shown) => curriculumMessage(subject, shown, nobodyTeaches),
    });
  }
  return findings;
}

/**
 * Psychology staff (item 13). A school whose location is in `psychology.fullTimeRequiredLocations`, or that is
 * a township central school while `psychology.fullTimeRequiredTownshipCentral` holds, needs 1 full-time
 * psychology teacher (PSY_FULLTIME_MISSING); every school with pupils needs full-time + part-time psychology
 * teachers ≥ ceil(students ÷ `psychology.studentsPerTeacher`) (PSY_PARTTIME_SHORT). Teachers count by their
 * posting fraction at the school; both standards are minimums, so any shortfall is flagged.
 */
function psychologyFindings(facts: ShortageSchoolFacts, policy: ShortagePolicy): Finding[] {
  const rule = policy.psychology;
  const findings: Finding[] = [];
  const byLocation = facts.location !== null && rule.fullTimeRequiredLocations.includes(facts.location);
  const central = facts.townshipCentral && rule.fullTimeRequiredTownshipCentral;
  if (byLocation || central) {
    const teachers = facts.staff.filter((member) => member.psychology === 'FULL_TIME').map((member) => teacherPart(member, FULL_POST_MILLI));
    const required = exactOf(1);
    const actual = sum(teachers.map((part) => part.exact));
    if (compare(actual, required) < 0) {
      const reasons = { location: byLocation ? facts.location : null, townshipCentral: central };
      findings.push({
        kind: 'PSY_FULLTIME_MISSING',
        subject: 'PSYCHOLOGY',
        required,
        actual,
        grades: [],
        teachers,
        schoolYear: null,
        students: null,
        parameters: {
          'psychology.fullTimeRequiredLocations': rule.fullTimeRequiredLocations,
          'psychology.fullTimeRequiredTownshipCentral': rule.fullTimeRequiredTownshipCentral,
          highSeverityGap: policy.highSeverityGap,
        },
        summary: (shown) => psychologyFullTimeMessage(reasons, shown),
      });
    }
  }
  if (facts.enrolment !== null) {
    const students = studentsOf(facts);
    const required = ceiling(divide(exactOf(students), exactOf(rule.studentsPerTeacher)));
    const teachers = facts.staff.filter((member) => member.psychology !== 'NONE').map((member) => teacherPart(member, FULL_POST_MILLI));
    const actual = sum(teachers.map((part) => part.exact));
    if (compare(actual, required) < 0) {
      findings.push({
        kind: 'PSY_PARTTIME_SHORT',
        subject: 'PSYCHOLOGY',
        required,
        actual,
        grades: [],
        teachers,
        schoolYear: facts.enrolment.schoolYear,
        students,
        parameters: { 'psychology.studentsPerTeacher': rule.studentsPerTeacher, highSeverityGap: policy.highSeverityGap },
        summary: (shown) => psychologyRatioMessage(students, rule.studentsPerTeacher, shown),
      });
    }
  }
  return findings;
}

/**
 * PE and arts (county evaluation indicator): teachers of `peArts.subjects`, each counted as posting fraction ×
 * share of the week given to those subjects, per 100 students ≥ `peArts.minPer100Students`; else
 * PE_ARTS_RATIO_LOW, required = minPer100Students × students ÷ 100.
 */
function peArtsFindings(facts: ShortageSchoolFacts, policy: ShortagePolicy): Finding[] {
  if (facts.enrolment === null) return [];
  const rule = policy.peArts;
  const students = studentsOf(facts);
  const required = divide(multiply(exactOf(rule.minPer100Students), exactOf(students)), exactOf(100));
  const teachers = facts.staff.flatMap((member) => {
    const shares = sharesOf(member);
    const share = rule.subjects.reduce((total, subject) => total + (shares.get(subject) ?? 0), 0);
    return share > 0 ? [teacherPart(member, share)] : [];
  });
  const actual = sum(teachers.map((part) => part.exact));
  if (compare(actual, required) >= 0) return [];
  const ratioMilli = toMilli(divide(multiply(actual, exactOf(100)), exactOf(students)));
  return [
    {
      kind: 'PE_ARTS_RATIO_LOW',
      subject: null,
      required,
      actual,
      grades: [],
      teachers,
      schoolYear: facts.enrolment.schoolYear,
      students,
      parameters: { 'peArts.subjects': rule.subjects, 'peArts.minPer100Students': rule.minPer100Students, highSeverityGap: policy.highSeverityGap },
      summary: (shown) => peArtsMessage(rule.subjects, students, rule.minPer100Students, ratioMilli, shown),
    },
  ];
}

/**
 * Rounds a finding into what a flag shows: required and actual FTE to thousandths, the gap as the difference of
 * the two shown figures (so 需 1.25，现有 0.75，缺 0.5 always subtracts), and the explanation's grade and teacher
 * lines apportioned so that each column adds up exactly to its figure.
 */
function shortageOf(finding: Finding, policy: ShortagePolicy, policyVersion: string): FoundShortage {
  const requiredMilli = toMilli(finding.required);
  const actualMilli = toMilli(finding.actual);
  const shown = { requiredMilli, actualMilli, gapMilli: requiredMilli - actualMilli };
  const gradeMilli = apportionMilli(
    finding.grades.map((part) => part.exact),
    finding.grades.length > 0 ? requiredMilli : 0,
  );
  const teacherMilli = apportionMilli(
    finding.teachers.map((part) => part.exact),
    actualMilli,
  );
  return {
    kind: finding.kind,
    subject: finding.subject,
    severity: severityOf(finding.required, finding.actual, policy),
    requiredFte: requiredMilli / 1000,
    actualFte: actualMilli / 1000,
    gap: shown.gapMilli / 1000,
    explanation: {
      policyVersion,
      summary: finding.summary(shown),
      required: {
        fte: requiredMilli / 1000,
        schoolYear: finding.schoolYear,
        grades: finding.grades.map((part, index) => ({
          grade: part.grade,
          band: part.band,
          classes: part.classes,
          weeklyPeriods: part.weeklyPeriods,
          standardLoad: part.standardLoad,
          fte: gradeMilli[index] / 1000,
        })),
        students: finding.students,
      },
      actual: {
        fte: actualMilli / 1000,
        teachers: finding.teachers.map((part, index) => ({
          teacherId: part.member.teacherId,
          name: part.member.name,
          postingFraction: part.member.fractionMilli / 1000,
          share: part.shareMilli / 1000,
          fte: teacherMilli[index] / 1000,
        })),
      },
      parameters: finding.parameters,
    },
  };
}
