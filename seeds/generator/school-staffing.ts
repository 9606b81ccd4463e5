import type { BulkRow } from '@app/database';
import { bandOfGrade, SUBJECTS } from '@app/domain';
import type { Location, PolicyParameters, ShortageSchoolFacts, ShortageStaffMember, Subject, Zone } from '@app/domain';
import { Random } from './random';

/**
 * How the generated schools are staffed against the curriculum of the policy's `shortage` section, so that
 * a shortage scan of a generated county finds what a real county shows: most subjects covered, by their own
 * teachers or by teachers of other subjects with a share of their week (一专多能); a few gaps, mostly in the
 * scarce subjects and in village schools; rarely a subject nobody teaches.
 */
type ShortagePolicy = PolicyParameters['shortage'];

/** Subjects whose teachers a school recruits to its full need; the others are short of specialists, the more so in villages. */
const CORE = new Set<Subject>(['CHINESE', 'MATH', 'ENGLISH', 'PHYSICS', 'CHEMISTRY', 'BIOLOGY', 'HISTORY', 'GEOGRAPHY']);

/** Part of a subject's need that teachers of that main subject meet (the rest falls to teachers of other subjects). */
const SPECIALIST: Partial<Record<Subject, number>> = {
  CHINESE: 1,
  MATH: 1,
  ENGLISH: 1,
  PHYSICS: 1,
  CHEMISTRY: 1,
  BIOLOGY: 0.9,
  HISTORY: 0.9,
  GEOGRAPHY: 0.9,
  MORAL_LAW: 0.6,
  SCIENCE: 0.7,
  PE: 0.85,
  MUSIC: 0.7,
  FINE_ARTS: 0.7,
  INFO_TECH: 0.6,
};

/** How far the non-core specialists reach by location: village schools recruit fewer PE, arts and IT teachers. */
const SPECIALIST_REACH: Record<Location, number> = { URBAN: 1, TOWN: 0.85, RURAL: 0.65 };

/** Chance that a school leaves a scarce subject's shortfall largely uncovered, by location and zone (苏北 schools the most). */
const UNMET: Record<Location, number> = { URBAN: 0.04, TOWN: 0.08, RURAL: 0.12 };
const ZONE_UNMET: Record<Zone, number> = { SUNAN: 0.8, SUZHONG: 1, SUBEI: 1.3 };
/** Of those times, the chance that nobody is found for the subject at all. */
const NOBODY = 0.1;

/** Subjects a school may leave short (see UNMET). */
const SCARCE = new Set<Subject>(['MORAL_LAW', 'SCIENCE', 'PE', 'MUSIC', 'FINE_ARTS', 'INFO_TECH', 'LABOR', 'COMPREHENSIVE_PRACTICE', 'PSYCHOLOGY']);

/** Teachers of which main subjects usually take up a subject as an extra one, most usual first. */
const TAKEN_UP_BY: Partial<Record<Subject, Subject[]>> = {
  CHINESE: ['MORAL_LAW', 'HISTORY', 'ENGLISH'],
  MATH: ['PHYSICS', 'SCIENCE', 'INFO_TECH'],
  ENGLISH: ['CHINESE'],
  MORAL_LAW: ['CHINESE', 'HISTORY'],
  HISTORY: ['MORAL_LAW', 'CHINESE', 'GEOGRAPHY'],
  GEOGRAPHY: ['HISTORY', 'BIOLOGY'],
  SCIENCE: ['MATH', 'BIOLOGY', 'PHYSICS'],
  PHYSICS: ['MATH', 'CHEMISTRY'],
  CHEMISTRY: ['PHYSICS', 'BIOLOGY'],
  BIOLOGY: ['CHEMISTRY', 'GEOGRAPHY', 'SCIENCE'],
  INFO_TECH: ['MATH', 'SCIENCE', 'PHYSICS'],
  PE: ['MATH', 'SCIENCE', 'BIOLOGY', 'PHYSICS'],
  MUSIC: ['CHINESE', 'ENGLISH'],
  FINE_ARTS: ['CHINESE', 'ENGLISH', 'HISTORY'],
  LABOR: ['SCIENCE', 'BIOLOGY', 'MATH', 'CHINESE'],
  COMPREHENSIVE_PRACTICE: ['CHINESE', 'MATH', 'SCIENCE', 'GEOGRAPHY'],
  PSYCHOLOGY: ['MORAL_LAW', 'CHINESE', 'BIOLOGY'],
};

/** Teachers of which main subjects are usually made part-time psychology teachers (兼职心理健康教师), most usual first. */
const PSYCHOLOGY_DESIGNEES: Subject[] = ['MORAL_LAW', 'CHINESE', 'BIOLOGY'];

/** A teacher's extra subjects take at most this much of the week (thousandths), each at least the smallest share. */
const MAX_EXTRA_MILLI = 500;
const MIN_EXTRA_MILLI = 100;
const STEP_MILLI = 50;

/** Teachers (full posts) a school's classes need per subject: Σ over grades classes × weekly periods ÷ the standard load of the grade's band. */
export function curriculumNeed(
  grades: readonly { readonly grade: number; readonly classes: number }[],
  policy: ShortagePolicy,
): Map<Subject, number> {
  const need = new Map<Subject, number>();
  for (const subject of SUBJECTS) {
    const total = grades.reduce(
      (sum, { grade, classes }) => sum + (classes * policy.weeklyPeriods[subject][grade - 1]) / policy.standardLoad[bandOfGrade(grade)],
      0,
    );
    if (total > 0) need.set(subject, total);
  }
  return need;
}

/** Whether the policy asks the school for a full-time psychology teacher (专职心理健康教师). */
export function needsFullTimePsychology(location: Location | null, townshipCentral: boolean, policy: ShortagePolicy): boolean {
  return (
    (location !== null && policy.psychology.fullTimeRequiredLocations.includes(location)) ||
    (townshipCentral && policy.psychology.fullTimeRequiredTownshipCentral)
  );
}

export interface MainSubjectPlan {
  count: number;
  need: ReadonlyMap<Subject, number>;
  location: Location;
  /** One teacher of the school is its full-time psychology teacher. */
  fullTimePsychology: boolean;
  /** A subject none of the school's own teachers has as main subject. */
  withheld: Subject | null;
}

/**
 * Main subjects for a school's `count` teachers: each subject's need × the part specialists meet (less for
 * non-core subjects outside the city), jittered; the teachers left over teach the core subjects, as their
 * class teachers do; one full-time psychology teacher where the policy asks for one. The first is the
 * principal's: a core subject.
 */
export function mainSubjects(plan: MainSubjectPlan, random: Random): Subject[] {
  const psychology = plan.fullTimePsychology && plan.withheld !== 'PSYCHOLOGY' && plan.count >= 3 ? 1 : 0;
  const slots = plan.count - psychology;
  const weights = new Map<Subject, number>();
  for (const [subject, need] of plan.need) {
    if (subject === plan.withheld) continue;
    const reach = CORE.has(subject) ? 1 : SPECIALIST_REACH[plan.location];
    weights.set(subject, need * (SPECIALIST[subject] ?? 0) * reach * (0.8 + random.next() * 0.4));
  }
  const total = [...weights.values()].reduce((sum, w) => sum + w, 0);
  if (total > slots) {
    for (const [subject, w] of weights) weights.set(subject, (w * slots) / total);
  } else {
    const core = [...plan.need].filter(([subject]) => CORE.has(subject) && subject !== plan.withheld);
    const coreNeed = core.reduce((sum, [, need]) => sum + need, 0);
    for (const [subject, need] of core) weights.set(subject, (weights.get(subject) ?? 0) + ((slots - total) * need) / coreNeed);
  }
  // Whole teachers by largest remainder.
  const counts = new Map([...weights].map(([subject, w]) => [subject, Math.floor(w)]));
  const assigned = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const byRemainder = [...weights].sort((a, b) => b[1] - Math.floor(b[1]) - (a[1] - Math.floor(a[1])));
  for (let i = 0; i < slots - assigned; i++) {
    const subject = byRemainder[i % byRemainder.length][0];
    counts.set(subject, (counts.get(subject) ?? 0) + 1);
  }
  const subjects: Subject[] = [...counts].flatMap(([subject, n]) => Array.from({ length: n }, () => subject));
  if (psychology) subjects.push('PSYCHOLOGY');
  const shuffled = shuffle(subjects, random);
  const core = shuffled.findIndex((subject) => CORE.has(subject));
  if (core > 0) [shuffled[0], shuffled[core]] = [shuffled[core], shuffled[0]];
  return shuffled;
}

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface CoverOptions {
  policy: ShortagePolicy;
  zone: Zone;
  /** Per school, the most FTE (thousandths) a subject may reach there: it is covered up to that and no further. */
  caps: ReadonlyMap<string, ReadonlyMap<Subject, number>>;
}

/**
 * What the schools do about the subjects their main-subject teachers leave short, on the day of `facts`
 * (one school each): teachers posted full time at the school take extra subjects (a share of their week,
 * from the subjects the school has more of than it needs), and some are made part-time psychology teachers
 * until the school has one per `psychology.studentsPerTeacher` pupils. A school with fewer teachers than its
 * classes need spreads what it has over every subject. Some shortfalls are left (see UNMET). Updates the
 * teachers' psychology roles in `teachers` and returns the extra-subject rows.
 */
export function coverShortfalls(
  facts: readonly ShortageSchoolFacts[],
  teachers: readonly BulkRow[],
  options: CoverOptions,
  random: Random,
): BulkRow[] {
  const rowOf = new Map(teachers.map((row) => [row.id as string, row]));
  const rows: BulkRow[] = [];
  for (const school of facts) {
    if (school.enrolment === null) continue;
    const r = random.fork(school.schoolId);
    const location = school.location ?? 'RURAL';
    // Only teachers posted full time here today take on more here: their week is all this school's.
    const flexible = shuffle(
      school.staff.filter((member) => member.fractionMilli === 1000),
      r,
    );
    const extraOf = new Map<string, number>();

    const need = curriculumNeed(school.enrolment.grades, options.policy);
    const totalNeed = [...need.values()].reduce((sum, n) => sum + n, 0);
    const staffMilli = school.staff.reduce((sum, member) => sum + member.fractionMilli, 0);
    const reach = Math.min(1, staffMilli / 1000 / totalNeed);
    const actual = new Map<Subject, number>();
    for (const member of school.staff) actual.set(member.subject, (actual.get(member.subject) ?? 0) + member.fractionMilli);
    const caps = options.caps.get(school.schoolId);
    const target = new Map<Subject, number>();
    for (const [subject, n] of need) target.set(subject, Math.min(Math.round(n * reach * 1000), caps?.get(subject) ?? Infinity));
    // What each main subject can spare: its teachers' time beyond its own target.
    const spare = new Map<Subject, number>();
    for (const subject of SUBJECTS) spare.set(subject, (actual.get(subject) ?? 0) - (target.get(subject) ?? 0));

    const designees = designatePsychology(school, flexible, spare, options.policy);
    for (const member of designees) (rowOf.get(member.teacherId) as BulkRow).psychology = 'PART_TIME';

    const given = new Set<string>();
    /** Extra shares of `subject` from the takers, up to `amount` thousandths; from what their main subject can spare unless `beyondSpare`. */
    const give = (subject: Subject, amount: number, beyondSpare: boolean): number => {
      const takers = [
        ...(subject === 'PSYCHOLOGY' ? designees : []),
        ...(TAKEN_UP_BY[subject] ?? []).flatMap((main) => flexible.filter((member) => member.subject === main)),
        ...flexible,
      ];
      let left = amount;
      for (const member of takers) {
        if (left < STEP_MILLI) break;
        if (member.subject === subject || given.has(`${member.teacherId}|${subject}`)) continue;
        const capacity = floorToStep(MAX_EXTRA_MILLI - (extraOf.get(member.teacherId) ?? 0));
        const available = beyondSpare ? capacity : floorToStep(spare.get(member.subject) ?? 0);
        const share = Math.min(roundToStep(Math.max(left, MIN_EXTRA_MILLI)), capacity, available);
        if (share < MIN_EXTRA_MILLI) continue;
        rows.push({ teacher_id: member.teacherId, subject, fraction_milli: share });
        given.add(`${member.teacherId}|${subject}`);
        extraOf.set(member.teacherId, (extraOf.get(member.teacherId) ?? 0) + share);
        spare.set(member.subject, (spare.get(member.subject) ?? 0) - share);
        left -= share;
      }
      return amount - left;
    };

    // The smallest shortfalls first: a subject of a period or two is always found someone; what a school lacks shows in its big subjects.
    const short = [...target]
      .map(([subject, t]) => [subject, t - (actual.get(subject) ?? 0)] as const)
      .filter(([, deficit]) => deficit > 0)
      .sort((a, b) => a[1] - b[1]);
    const unmet = UNMET[location] * ZONE_UNMET[options.zone];
    const uncovered: Subject[] = [];
    for (const [subject, shortfall] of short) {
      let deficit = shortfall;
      if (SCARCE.has(subject) && !caps?.has(subject) && r.chance(unmet)) {
        // Left short: nobody found at all now and then, else a fifth to a half of the shortfall covered.
        if (r.chance(NOBODY)) continue;
        deficit = Math.round(deficit * (0.2 + r.next() * 0.3));
      }
      if (give(subject, deficit, false) === 0 && (actual.get(subject) ?? 0) === 0) uncovered.push(subject);
    }
    // A subject nobody teaches yet is given a period or two by whoever can still take it, spare or not.
    for (const subject of uncovered) give(subject, Math.min(MIN_EXTRA_MILLI, target.get(subject) ?? 0), true);
  }
  return rows;
}

/** Part-time psychology teachers made from the school's full-time staff until FULL_TIME + PART_TIME reach ceil(pupils ÷ studentsPerTeacher). */
function designatePsychology(
  school: ShortageSchoolFacts,
  flexible: readonly ShortageStaffMember[],
  spare: ReadonlyMap<Subject, number>,
  policy: ShortagePolicy,
): ShortageStaffMember[] {
  const pupils = (school.enrolment?.grades ?? []).reduce((sum, grade) => sum + grade.students, 0);
  const required = Math.ceil(pupils / policy.psychology.studentsPerTeacher) * 1000;
  let have = school.staff.filter((member) => member.psychology !== 'NONE').reduce((sum, member) => sum + member.fractionMilli, 0);
  // Those whose main subject can spare the psychology lessons first, then as usual (PSYCHOLOGY_DESIGNEES, core subjects, anyone).
  const usual = [
    ...PSYCHOLOGY_DESIGNEES.flatMap((main) => flexible.filter((member) => member.subject === main)),
    ...flexible.filter((member) => CORE.has(member.subject)),
    ...flexible,
  ].filter((member, i, all) => member.psychology === 'NONE' && all.indexOf(member) === i);
  const canSpare = (member: ShortageStaffMember) => (spare.get(member.subject) ?? 0) >= MIN_EXTRA_MILLI;
  const candidates = [...usual.filter(canSpare), ...usual.filter((member) => !canSpare(member))];
  const designees: ShortageStaffMember[] = [];
  for (const member of candidates) {
    if (have >= required) break;
    designees.push(member);
    have += member.fractionMilli;
  }
  return designees;
}

const floorToStep = (milli: number) => Math.max(0, Math.floor(milli / STEP_MILLI) * STEP_MILLI);
const roundToStep = (milli: number) => Math.round(milli / STEP_MILLI) * STEP_MILLI;
