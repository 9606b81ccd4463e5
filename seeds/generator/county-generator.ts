import { createHash } from 'node:crypto';
import type { BulkRow } from '@app/database';
import {
  addDays,
  addYears,
  BackboneLevel,
  gradesOfStage,
  Location,
  minDate,
  PolicyParameters,
  Post,
  PostingKind,
  Stage,
  Subject,
  TitleLevel,
  Zone,
} from '@app/domain';
import { COUNTY_TOWNS, GIVEN, SURNAMES, TOWNS } from './names';
import { Random } from './random';
import { coverShortfalls, curriculumNeed, mainSubjects, needsFullTimePsychology } from './school-staffing';
import { shortageFactsOf } from './shortage-facts';
import { generateTraining, TrainingSpec } from './training-generator';

export interface CountySpec {
  countyId: string;
  /** Short name used in school names, e.g. 丰县. */
  countyName: string;
  zone: Zone;
  schools: number;
  teachers: number;
  /** The day the data is "as of": open postings run to it, enrolment is for its school year. */
  today: string;
  seed: number;
  /** Prefix of school codes and staff numbers (unique per county). */
  codePrefix: string;
  /**
   * The policy's `shortage` section: schools are staffed against its curriculum (main subjects by need, extra
   * subjects 一专多能 for what specialists leave) and its psychology standards (full-time and part-time teachers).
   */
  shortage: PolicyParameters['shortage'];
  /** Training records to generate for the teachers (none when absent). */
  training?: TrainingSpec;
  /** When the rows are written: their created and updated times, and where their time-ordered ids start (default: the start of `today`). */
  writtenAt?: Date;
  /**
   * Make one teacher of the first school the demo's featured teacher (default false): a
   * first-level teacher of long standing, rotated to a rural school some months ago, so that
   * their senior-title eligibility waits only for the service rule, with its earliest date ahead.
   */
  featuredTeacher?: boolean;
  /**
   * Give the demo three schools with shortages a scan finds (default false): a village school where nobody
   * teaches PE, the first school (the demo principal's, urban) without a full-time psychology teacher, and a
   * primary or nine-year school whose music is one teacher's extra fifth of a week. See GeneratedCounty.featuredShortages.
   */
  featuredShortages?: boolean;
}

/** A school of the directory, by id, code and name. */
interface SchoolRef {
  schoolId: string;
  code: string;
  name: string;
}

/** Rows for every table, keyed by column, ready for BulkWriter; plus what the demo needs to pick accounts. */
export interface GeneratedCounty {
  schools: BulkRow[];
  classifications: BulkRow[];
  enrolments: BulkRow[];
  grades: BulkRow[];
  teachers: BulkRow[];
  extraSubjects: BulkRow[];
  postings: BulkRow[];
  trainingRecords: BulkRow[];
  /**
   * Per school: id, code, name, location today, the principal's and the first teachers' ids. The
   * principal holds the post PRINCIPAL and is posted at the school, open-ended, from before today.
   */
  directory: { schoolId: string; code: string; name: string; location: Location; weak: boolean; principalId: string | null; teacherIds: string[] }[];
  /** The featured teacher (see CountySpec.featuredTeacher) and the code of their home school, when asked for and found. */
  featured: { teacherId: string; homeSchoolCode: string; ruralSchoolId: string; rotationStart: string } | null;
  /** The schools with the demo's shortages (see CountySpec.featuredShortages), when asked for and found. */
  featuredShortages: {
    /** A rural school nobody posted there teaches PE, as main or extra subject. */
    noPe: SchoolRef;
    /** The first school (urban): no full-time psychology teacher, its psychology taught by part-time ones. */
    noFullTimePsychology: SchoolRef;
    /** A primary or nine-year school (a town one where there is one) without a music teacher: one teacher gives music a fifth of the week. */
    shortOfMusic: SchoolRef;
  } | null;
}

interface SchoolPlan {
  id: string;
  code: string;
  name: string;
  stage: Stage;
  location: Location;
  weak: boolean;
  townshipCentral: boolean;
  boarding: boolean;
  weight: number;
}

const LOCATION_MIX: Record<Zone, Record<Location, number>> = {
  SUNAN: { URBAN: 45, TOWN: 35, RURAL: 20 },
  SUZHONG: { URBAN: 30, TOWN: 35, RURAL: 35 },
  SUBEI: { URBAN: 22, TOWN: 33, RURAL: 45 },
};

const STAGE_MIX: Record<Location, Partial<Record<Stage, number>>> = {
  URBAN: { PRIMARY: 45, JUNIOR: 25, NINE_YEAR: 10, SENIOR: 12, COMPLETE_SECONDARY: 5, TWELVE_YEAR: 3 },
  TOWN: { PRIMARY: 50, JUNIOR: 25, NINE_YEAR: 12, SENIOR: 8, COMPLETE_SECONDARY: 5 },
  RURAL: { PRIMARY: 55, JUNIOR: 12, NINE_YEAR: 13, TEACHING_POINT: 20 },
};

const STAGE_SUFFIX: Record<Stage, string> = {
  PRIMARY: '小学',
  JUNIOR: '初级中学',
  NINE_YEAR: '九年制学校',
  SENIOR: '高级中学',
  COMPLETE_SECONDARY: '中学',
  TWELVE_YEAR: '实验学校',
  TEACHING_POINT: '教学点',
};

/** Relative size (teachers) of a school by stage and location. */
const SIZE: Record<Stage, number> = {
  PRIMARY: 1,
  JUNIOR: 1.3,
  NINE_YEAR: 1.4,
  SENIOR: 1.8,
  COMPLETE_SECONDARY: 1.8,
  TWELVE_YEAR: 2.2,
  TEACHING_POINT: 0.12,
};
const LOCATION_SIZE: Record<Location, number> = { URBAN: 2, TOWN: 1, RURAL: 0.55 };

/** A school has at least this part of the teachers its classes need (the curriculum's periods ÷ standard loads). */
const MIN_STAFFING = 0.9;

/** The showcase's music school: the one teacher giving music gives it this share of the week (thousandths). */
const MUSIC_SHARE_MILLI = 200;

/** Students per teacher by band, and class size by location. */
const STUDENTS_PER_TEACHER = { primary: 16, junior: 11.5, senior: 10.5 };
const CLASS_SIZE: Record<Location, number> = { URBAN: 45, TOWN: 42, RURAL: 32 };

/** Murmur3's 32-bit finaliser: a bijection on 32-bit words that scatters neighbouring inputs. */
function scramble32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const hex8 = (x: number) => x.toString(16).padStart(8, '0');

/**
 * Deterministic time-ordered ids (UUID version 7, like the application's) for one county: the
 * first 48 bits are milliseconds from `fromMs`, the next 12 a sequence within the millisecond, so
 * that ids increase in the order they are drawn and rows are appended to MySQL/InnoDB's indexes,
 * as the application's own ids are. They are not drawn from `Random`: its 32-bit state cannot name
 * the province's millions of rows (the streams of different schools overlap, and a 95-county run
 * repeated about 500 ids). The other 62 bits scramble the counter with a 128-bit key of the
 * county: sources that start at the same millisecond (counties, seeds) would repeat an id only
 * if 62 scrambled bits agreed.
 */
export class IdSource {
  private counter = 0;
  private readonly key: readonly [number, number, number, number];

  constructor(
    label: string,
    private readonly fromMs: number,
  ) {
    const digest = createHash('sha256').update(label).digest();
    this.key = [digest.readUInt32BE(0), digest.readUInt32BE(4), digest.readUInt32BE(8), digest.readUInt32BE(12)];
  }

  next(): string {
    const [k0, k1, k2, k3] = this.key;
    const n = this.counter++;
    const time = (this.fromMs + Math.floor(n / 4096)).toString(16).padStart(12, '0');
    const sequence = (n % 4096).toString(16).padStart(3, '0');
    const b = scramble32((scramble32((n + k0) >>> 0) ^ k1) >>> 0);
    const c = scramble32((b ^ k2 ^ k3) >>> 0);
    const variant = (0x8 | (b & 0x3)).toString(16);
    const middle = ((b >>> 2) & 0xfff).toString(16).padStart(3, '0');
    const tail = ((b >>> 14) & 0xffff).toString(16).padStart(4, '0') + hex8(c);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence}-${variant}${middle}-${tail}`;
  }
}

function dateBetween(random: Random, from: string, to: string): string {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return new Date(a + Math.floor((random.next() * (b - a + 86_400_000)) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Generates one county: schools with classification histories (a few weak spells and one
 * urbanised village), this year's enrolment, teachers with 5–15 years of recorded postings
 * (transfers, rotations to rural schools, shared posts, shadowing for new teachers). Every
 * teacher's postings add up to at most one full post on every day. Schools are staffed against the
 * curriculum of `spec.shortage` (school-staffing.ts): main subjects by need, then, on `today`, extra
 * subjects and part-time psychology teachers for what the specialists posted there leave.
 */
export function generateCounty(spec: CountySpec): GeneratedCounty {
  const random = new Random(spec.seed);
  const now = spec.writtenAt ?? new Date(`${spec.today}T00:00:00Z`);
  const schoolYear = Number(spec.today.slice(0, 4)) - (spec.today.slice(5) < '09-01' ? 1 : 0);
  const out: GeneratedCounty = {
    schools: [],
    classifications: [],
    enrolments: [],
    grades: [],
    teachers: [],
    extraSubjects: [],
    postings: [],
    trainingRecords: [],
    directory: [],
    featured: null,
    featuredShortages: null,
  };

  const ids = new IdSource(`${spec.countyId}|${spec.codePrefix}|${spec.seed}`, now.getTime());
  const plans = planSchools(spec, random.fork('schools'), ids);
  const totalWeight = plans.reduce((sum, s) => sum + s.weight, 0);
  const ruralOrWeak = plans.filter((s) => s.location === 'RURAL' || s.weak);
  const urban = plans.filter((s) => s.location === 'URBAN');
  const showcase = spec.featuredShortages ? showcaseSchools(plans) : null;
  // Subjects no teacher of the school has as main subject, nor brings there from another school.
  const withheld = new Map<string, Subject>(
    showcase
      ? [
          [showcase.noPe.id, 'PE'],
          [showcase.noFullTimePsychology.id, 'PSYCHOLOGY'],
          [showcase.shortOfMusic.id, 'MUSIC'],
        ]
      : [],
  );

  const sized = plans.map((school) => {
    const r = random.fork(school.code);
    out.schools.push({
      id: school.id,
      county_id: spec.countyId,
      code: school.code,
      name: school.name,
      stage: school.stage,
      township_central: school.townshipCentral,
      boarding: school.boarding,
      group_id: null,
      district_id: null,
      headcount_milli: null,
      headcount_as_of: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    classificationHistory(school, r, ids, now).forEach((row) => out.classifications.push(row));
    const byWeight = Math.max(2, Math.round((spec.teachers * school.weight) / totalWeight));
    const need = curriculumNeed(enrolment(school, byWeight, schoolYear, r, ids, now, out), spec.shortage);
    // Small schools (teaching points, village schools of a few classes) get nearly the teachers their classes need.
    const least = Math.ceil([...need.values()].reduce((sum, n) => sum + n, 0) * MIN_STAFFING);
    return { school, r, need, byWeight, least, count: Math.max(byWeight, least) };
  });
  // What the small schools get beyond their weight comes out of the schools with the most to spare, so the county keeps about the teachers asked for.
  let excess = sized.reduce((sum, s) => sum + s.count - s.byWeight, 0);
  const givers = sized.filter((s) => s.count > s.least);
  while (excess > 0 && givers.length > 0) {
    const most = givers.reduce((a, b) => (b.count - b.least > a.count - a.least ? b : a));
    if (most.count <= most.least) break;
    most.count--;
    excess--;
  }

  for (const { school, r, need, count: teacherCount } of sized) {
    const subjects = mainSubjects(
      {
        count: teacherCount,
        need,
        location: school.location,
        fullTimePsychology: needsFullTimePsychology(school.location, school.townshipCentral, spec.shortage),
        withheld: withheld.get(school.id) ?? null,
      },
      r,
    );

    const directory = {
      schoolId: school.id,
      code: school.code,
      name: school.name,
      location: school.location,
      weak: school.weak,
      principalId: null as string | null,
      teacherIds: [] as string[],
    };
    for (let i = 0; i < teacherCount; i++) {
      const post: Post = i === 0 ? 'PRINCIPAL' : i === 1 && teacherCount > 20 ? 'VICE_PRINCIPAL' : 'TEACHER';
      const teacherId = teacher(spec, school, post, subjects[i], `${school.code}${String(i + 1).padStart(3, '0')}`, r, ids, now, out, {
        others: plans,
        ruralOrWeak,
        urban,
        withheld,
      });
      if (post === 'PRINCIPAL') directory.principalId = teacherId;
      else if (directory.teacherIds.length < 3) directory.teacherIds.push(teacherId);
    }
    out.directory.push(directory);
  }
  if (spec.featuredTeacher) out.featured = featureTeacher(spec, plans, ids, now, out);
  // The showcase's village school has no PE at all; its music school one teacher's fifth of a week.
  const caps = new Map<string, Map<Subject, number>>(
    showcase
      ? [
          [showcase.noPe.id, new Map<Subject, number>([['PE', 0]])],
          [showcase.shortOfMusic.id, new Map<Subject, number>([['MUSIC', MUSIC_SHARE_MILLI]])],
        ]
      : [],
  );
  out.extraSubjects = coverShortfalls(
    shortageFactsOf(out, spec.today),
    out.teachers,
    { policy: spec.shortage, zone: spec.zone, caps },
    random.fork('staffing'),
  );
  if (showcase) {
    const ref = (plan: SchoolPlan): SchoolRef => ({ schoolId: plan.id, code: plan.code, name: plan.name });
    out.featuredShortages = {
      noPe: ref(showcase.noPe),
      noFullTimePsychology: ref(showcase.noFullTimePsychology),
      shortOfMusic: ref(showcase.shortOfMusic),
    };
  }
  if (spec.training) {
    const teachers = out.teachers.map((t) => ({
      id: t.id as string,
      countyId: spec.countyId,
      hireDate: t.hire_date as string,
      ...(t.id === out.featured?.teacherId ? { onPace: true } : {}),
    }));
    out.trainingRecords = generateTraining(teachers, spec.today, spec.training, random.fork('training'), () => ids.next(), now);
  }
  return out;
}

function planSchools(spec: CountySpec, random: Random, ids: IdSource): SchoolPlan[] {
  const plans: SchoolPlan[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < spec.schools; i++) {
    const location = i === 0 ? 'URBAN' : random.weighted(LOCATION_MIX[spec.zone]);
    const stage = i === 0 ? 'PRIMARY' : random.weighted(STAGE_MIX[location] as Record<Stage, number>);
    // Town and village schools carry the name of their town: the county's own where it is known.
    const ownTowns = COUNTY_TOWNS[spec.countyId];
    const town =
      location === 'URBAN'
        ? random.pick(['城南', '城东', '城西', '城北', '实验', '第一', '第二', '第三'])
        : ownTowns
          ? random.pick(ownTowns)
          : `${random.pick(TOWNS)}镇`;
    const townshipCentral = location !== 'URBAN' && (stage === 'PRIMARY' || stage === 'JUNIOR') && random.chance(0.35);
    const base = `${spec.countyName}${town}${townshipCentral ? '中心' : ''}${STAGE_SUFFIX[stage]}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}（${n}）`;
    taken.add(name);
    plans.push({
      id: ids.next(),
      code: `${spec.codePrefix}${String(i + 1).padStart(4, '0')}`,
      name,
      stage,
      location,
      weak: location !== 'URBAN' && random.chance(0.15),
      townshipCentral,
      boarding: (location === 'RURAL' || stage === 'SENIOR') && random.chance(0.4),
      weight: SIZE[stage] * LOCATION_SIZE[location] * (0.7 + random.next() * 0.6),
    });
  }
  return plans;
}

/**
 * The demo's three schools with shortages (CountySpec.featuredShortages): the first school (urban, the demo
 * principal's); the largest village school other than a teaching point, a primary school where there is one; the
 * largest primary, nine-year or twelve-year school of a town (else of a village, else of the city). Never the first
 * village school, where the featured teacher is rotated to; null when the county has no such schools.
 */
function showcaseSchools(plans: SchoolPlan[]): { noPe: SchoolPlan; noFullTimePsychology: SchoolPlan; shortOfMusic: SchoolPlan } | null {
  const firstRural = plans.find((school) => school.location === 'RURAL');
  const [first, ...others] = plans;
  const candidates = others.filter((school) => school !== firstRural);
  const largest = (schools: SchoolPlan[], rank: (school: SchoolPlan) => number) =>
    [...schools].sort((a, b) => rank(a) - rank(b) || b.weight - a.weight)[0] as SchoolPlan | undefined;
  const noPe = largest(
    candidates.filter((school) => school.location === 'RURAL' && school.stage !== 'TEACHING_POINT'),
    (school) => (school.stage === 'PRIMARY' ? 0 : 1),
  );
  const musicRank: Record<Location, number> = { TOWN: 0, RURAL: 1, URBAN: 2 };
  const shortOfMusic = largest(
    candidates.filter((school) => school !== noPe && ['PRIMARY', 'NINE_YEAR', 'TWELVE_YEAR'].includes(school.stage)),
    (school) => musicRank[school.location],
  );
  return first && noPe && shortOfMusic ? { noPe, noFullTimePsychology: first, shortOfMusic } : null;
}

/** Classified since 2005; some schools weak for a spell, some villages urbanised in 2019. */
function classificationHistory(school: SchoolPlan, random: Random, ids: IdSource, now: Date): BulkRow[] {
  const rows: BulkRow[] = [];
  const row = (effectiveFrom: string, location: Location | null, weak: boolean | null) =>
    rows.push({ id: ids.next(), school_id: school.id, effective_from: effectiveFrom, location, weak, created_at: now });
  const urbanised = school.location === 'TOWN' && random.chance(0.15);
  if (urbanised) {
    row('2005-09-01', 'RURAL', school.weak);
    row('2019-09-01', 'TOWN', null);
  } else if (school.weak) {
    row('2005-09-01', school.location, false);
    row(`${random.int(2012, 2022)}-09-01`, null, true);
  } else if (school.location !== 'URBAN' && random.chance(0.15)) {
    row('2005-09-01', school.location, true);
    row(`${random.int(2016, 2024)}-09-01`, null, false);
  } else {
    row('2005-09-01', school.location, false);
  }
  return rows;
}

/** This school year's enrolment of the school, sized to its teachers; returns its grades' classes. */
function enrolment(
  school: SchoolPlan,
  teachers: number,
  schoolYear: number,
  random: Random,
  ids: IdSource,
  now: Date,
  out: GeneratedCounty,
): { grade: number; classes: number }[] {
  const grades = school.stage === 'TEACHING_POINT' ? [1, 2, 3, 4] : [...gradesOfStage(school.stage)];
  const perTeacher = (g: number) => (g <= 6 ? STUDENTS_PER_TEACHER.primary : g <= 9 ? STUDENTS_PER_TEACHER.junior : STUDENTS_PER_TEACHER.senior);
  const averageRatio = grades.reduce((sum, g) => sum + perTeacher(g), 0) / grades.length;
  const students = Math.max(grades.length * 4, Math.round(teachers * averageRatio * (0.85 + random.next() * 0.3)));
  const enrolmentId = ids.next();
  let total = 0;
  const rows: BulkRow[] = [];
  grades.forEach((grade) => {
    const share = Math.max(1, Math.round((students / grades.length) * (0.9 + random.next() * 0.2)));
    const classes = Math.max(1, Math.ceil(share / CLASS_SIZE[school.location]));
    total += share;
    rows.push({ enrolment_id: enrolmentId, grade, students: share, classes });
  });
  out.enrolments.push({
    id: enrolmentId,
    school_id: school.id,
    school_year: schoolYear,
    boarders: school.boarding ? Math.floor(total * (0.2 + random.next() * 0.4)) : 0,
    version: 1,
    updated_at: now,
  });
  out.grades.push(...rows);
  return rows.map((row) => ({ grade: row.grade as number, classes: row.classes as number }));
}

interface Places {
  others: SchoolPlan[];
  ruralOrWeak: SchoolPlan[];
  urban: SchoolPlan[];
  /** Per school, the subject withheld there (see generateCounty). */
  withheld: ReadonlyMap<string, Subject>;
}

/** The places a teacher of `subject` may be sent to: not where that subject is withheld. */
function visitable(places: Places, subject: Subject): Places {
  if (![...places.withheld.values()].includes(subject)) return places;
  const open = (schools: SchoolPlan[]) => schools.filter((school) => places.withheld.get(school.id) !== subject);
  return { others: open(places.others), ruralOrWeak: open(places.ruralOrWeak), urban: open(places.urban), withheld: places.withheld };
}

function teacher(
  spec: CountySpec,
  school: SchoolPlan,
  post: Post,
  subject: Subject,
  staffNo: string,
  random: Random,
  ids: IdSource,
  now: Date,
  out: GeneratedCounty,
  places: Places,
): string {
  const id = ids.next();
  const today = spec.today;
  const age = post === 'TEACHER' ? random.int(23, 58) : random.int(38, 56);
  const birthDate = dateBetween(random, addYears(today, -age - 1), addYears(today, -age));
  let hireDate = `${Number(birthDate.slice(0, 4)) + random.int(21, 24)}-09-01`;
  if (hireDate > today) hireDate = addDays(today, -random.int(30, 300));
  const years = Number(today.slice(0, 4)) - Number(hireDate.slice(0, 4));
  const title: TitleLevel = years < 1 ? 'NONE' : years < 4 ? 'THIRD' : years < 9 ? 'SECOND' : years < 20 || random.chance(0.75) ? 'FIRST' : 'SENIOR';
  const titleSince =
    title === 'NONE'
      ? null
      : `${Math.min(Number(today.slice(0, 4)) - 1, Number(hireDate.slice(0, 4)) + ({ THIRD: 1, SECOND: 4, FIRST: 9, SENIOR: 19, PRINCIPAL_SENIOR: 25, NONE: 0 } as Record<TitleLevel, number>)[title] + random.int(0, 2))}-09-01`;
  const backbone: BackboneLevel = years < 5 ? 'NONE' : random.weighted({ NONE: 62, SCHOOL: 18, COUNTY: 13, CITY: 6, PROVINCE: 1 });
  out.teachers.push({
    id,
    county_id: spec.countyId,
    staff_no: staffNo,
    name: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
    gender: random.chance(0.68) ? 'FEMALE' : 'MALE',
    birth_date: birthDate,
    hire_date: hireDate,
    on_quota: random.chance(0.93),
    subject,
    title_level: title,
    title_since: titleSince && titleSince < hireDate ? hireDate : titleSince,
    backbone,
    // Part-time psychology teachers are designated when the schools are staffed (school-staffing.ts).
    psychology: subject === 'PSYCHOLOGY' ? 'FULL_TIME' : 'NONE',
    post,
    version: 1,
    created_at: now,
    updated_at: now,
  });
  // A school's full-time psychology teacher, the only one it has, is neither rotated nor shared out.
  postingHistory(id, school, post, hireDate, today, random, ids, now, out, visitable(places, subject), subject === 'PSYCHOLOGY');
  return id;
}

/**
 * 5–15 years of postings ending at the teacher's current school (principals and vice-principals
 * are posted there, open-ended, today; `keepsHome` teachers are neither rotated nor shared out).
 * Built as consecutive spans, so that fractions add up to at most one full post on every day.
 */
function postingHistory(
  teacherId: string,
  home: SchoolPlan,
  post: Post,
  hireDate: string,
  today: string,
  random: Random,
  ids: IdSource,
  now: Date,
  out: GeneratedCounty,
  places: Places,
  keepsHome: boolean,
): void {
  const push = (schoolId: string, start: string, end: string | null, kind: PostingKind, fractionMilli: number) => {
    if (end !== null && end < start) return;
    out.postings.push({
      id: ids.next(),
      teacher_id: teacherId,
      school_id: schoolId,
      start_date: start,
      end_date: end,
      kind,
      fraction_milli: fractionMilli,
      version: 1,
      created_at: now,
      updated_at: now,
    });
  };
  const recordsFrom = addYears(today, -random.int(5, 15));
  let cursor = hireDate > recordsFrom ? hireDate : recordsFrom;
  const newTeacher = addYears(hireDate, 1) > today;

  // An earlier school, left for this one by transfer.
  if (!newTeacher && random.chance(0.3)) {
    const earlier = random.pick(places.others);
    const moved = dateBetween(random, addYears(cursor, 1) < today ? addYears(cursor, 1) : cursor, addDays(today, -200));
    if (earlier.id !== home.id && moved > cursor) {
      push(earlier.id, cursor, addDays(moved, -1), 'REGULAR', 1000);
      cursor = moved;
    }
  }

  // A rotation to a rural or weak school (交流轮岗), from town and city schools; a school's principal
  // and vice-principal lead it from there today (their rotations are not generated).
  if (!newTeacher && !keepsHome && home.location !== 'RURAL' && places.ruralOrWeak.length > 0 && random.chance(0.15) && post === 'TEACHER') {
    const start = `${random.int(Number(cursor.slice(0, 4)) + 1, Number(today.slice(0, 4)))}-09-01`;
    if (start > cursor && start <= today) {
      const end = addDays(addYears(start, random.int(1, 3)), -1);
      const destination = random.pick(places.ruralOrWeak);
      push(home.id, cursor, addDays(start, -1), 'REGULAR', 1000);
      push(destination.id, start, end, 'ROTATION', 1000);
      if (end >= today) return;
      cursor = addDays(end, 1);
    }
  }

  // New teachers shadow at a city school for half their first year (新教师跟岗).
  if (newTeacher && places.urban.length > 0 && random.chance(0.6)) {
    const mentor = random.pick(places.urban);
    if (mentor.id !== home.id) {
      push(home.id, cursor, null, 'REGULAR', 500);
      push(mentor.id, cursor, addDays(addYears(cursor, 1), -1), 'SHADOWING', 500);
      return;
    }
  }

  // Shared teachers of scarce subjects (走教): 0.2 of the week at another school this year.
  const yearStart = `${Number(today.slice(0, 4)) - (today.slice(5) < '09-01' ? 1 : 0)}-09-01`;
  if (cursor < yearStart && !keepsHome && random.chance(0.05)) {
    const other = random.pick(places.others);
    if (other.id !== home.id) {
      push(home.id, cursor, addDays(yearStart, -1), 'REGULAR', 1000);
      push(home.id, yearStart, null, 'REGULAR', 800);
      push(other.id, yearStart, `${Number(yearStart.slice(0, 4)) + 1}-07-15`, 'SHARED', 200);
      return;
    }
  }
  push(home.id, cursor, null, 'REGULAR', 1000);
}

/** The first day of the month `months` months before the month of `day`. */
function monthStartBefore(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 - months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The demo's featured teacher: an ordinary teacher (not a psychology one) of the first school (else of the next urban
 * school that has one) hired at least 15 years ago, who holds the first-level title since 1
 * September six years ago and was rotated (交流轮岗) on the first of the month seven months ago
 * to the first rural school for three years, with no rural or weak service before. Their
 * postings are rewritten; everything else stays as generated.
 */
function featureTeacher(spec: CountySpec, plans: SchoolPlan[], ids: IdSource, now: Date, out: GeneratedCounty): GeneratedCounty['featured'] {
  const year = Number(spec.today.slice(0, 4));
  const rural = plans.find((school) => school.location === 'RURAL');
  if (!rural) return null;
  const homeOf = new Map<string, string>();
  for (const posting of out.postings) if (posting.end_date === null) homeOf.set(posting.teacher_id as string, posting.school_id as string);
  let teacher: BulkRow | undefined;
  let home: SchoolPlan | undefined;
  // The first school is urban; the others in the order they were made.
  for (const school of plans.filter((plan) => plan.location === 'URBAN')) {
    teacher = out.teachers.find(
      (t) =>
        t.post === 'TEACHER' &&
        t.subject !== 'PSYCHOLOGY' &&
        homeOf.get(t.id as string) === school.id &&
        (t.hire_date as string) <= `${year - 15}-09-01`,
    );
    if (teacher) {
      home = school;
      break;
    }
  }
  if (!teacher || !home) return null;
  const id = teacher.id as string;
  teacher.title_level = 'FIRST';
  teacher.title_since = `${year - 6}-09-01`;

  const own = out.postings.filter((posting) => posting.teacher_id === id);
  const recordsFrom = own.reduce((first, posting) => minDate(first, posting.start_date as string), spec.today);
  const rotationStart = monthStartBefore(spec.today, 7);
  out.postings = out.postings.filter((posting) => posting.teacher_id !== id);
  const posting = (schoolId: string, start: string, end: string | null, kind: PostingKind): BulkRow => ({
    id: ids.next(),
    teacher_id: id,
    school_id: schoolId,
    start_date: start,
    end_date: end,
    kind,
    fraction_milli: 1000,
    version: 1,
    created_at: now,
    updated_at: now,
  });
  if (recordsFrom < rotationStart) out.postings.push(posting(home.id, recordsFrom, addDays(rotationStart, -1), 'REGULAR'));
  out.postings.push(posting(rural.id, rotationStart, addDays(addYears(rotationStart, 3), -1), 'ROTATION'));
  return { teacherId: id, homeSchoolCode: home.code, ruralSchoolId: rural.id, rotationStart };
}
