import { classificationOn } from '../classification/classification-timeline';
import { DomainError, ValidationFailedError } from '../errors/domain-error';
import type { ErrorCode } from '../labels/error-labels';
import { assertHireDateFits, assertOneFullPost, assertPostingDates } from '../postings/posting-rules';
import { FULL_POST_MILLI, fractionToMilli } from '../postings/posting-load';
import type { BackboneLevel, ClusterKind, Gender, Location, Post, PostingKind, PsychologyRole, Stage, Subject, TitleLevel } from '../reference/codes';
import { gradesOfStage } from '../reference/codes';
import { validateTeacherFacts } from '../teachers/teacher-facts';
import type { TrainingCategory, TrainingPolicy } from '../training/training-cycle';
import { trainingRecordProblems, TrainingRecordStatus } from '../training/training-ledger';
import { importColumns, OneSheetKind, SHEET_KINDS, SheetKind } from './import-columns';
import type { CellValue } from './import-cells';

/**
 * What an import would do to a county's registry, decided from the rows read and the registry as
 * it stands (docs/rules.md, "Imports and exports"): the same rules, with the same codes, as the
 * API's create and update calls; rows matched by natural key (school code, staff number, a school's
 * classification by day, enrolment by school and year, a posting by teacher, school and start
 * date); a row equal to what is stored changes nothing.
 */

/** A row whose cells all read (the others are reported already). `row` as the spreadsheet numbers it. */
export interface ImportRow {
  readonly row: number;
  readonly values: Readonly<Record<string, CellValue>>;
}

export interface ImportProblem {
  readonly row: number;
  /** The column's field name; null when the problem is the row's as a whole. */
  readonly column: string | null;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface SchoolFacts {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly stage: Stage;
  readonly townshipCentral: boolean;
  readonly boarding: boolean;
  /** The school's education group (教育集团) and school district (学区): clusters of the county, or none. */
  readonly groupId: string | null;
  readonly districtId: string | null;
  readonly version: number;
}

/** An education group or school district of the county, which a school row names by its name (or id). */
export interface ClusterFacts {
  readonly id: string;
  readonly kind: ClusterKind;
  readonly name: string;
}

export interface ClassificationFacts {
  readonly id: string;
  readonly schoolId: string;
  readonly effectiveFrom: string;
  readonly location: Location | null;
  readonly weak: boolean | null;
}

export interface EnrolmentFacts {
  readonly id: string;
  readonly schoolId: string;
  readonly schoolYear: number;
  readonly boarders: number;
  readonly version: number;
  readonly grades: readonly { grade: number; students: number; classes: number }[];
}

export interface TeacherRecord {
  readonly id: string;
  readonly staffNo: string;
  readonly name: string;
  readonly gender: Gender;
  readonly birthDate: string;
  readonly hireDate: string;
  readonly onQuota: boolean;
  readonly subject: Subject;
  readonly titleLevel: TitleLevel;
  readonly titleSince: string | null;
  readonly backbone: BackboneLevel;
  readonly psychology: PsychologyRole;
  readonly post: Post;
  readonly version: number;
  readonly extras: readonly { subject: Subject; fractionMilli: number }[];
}

export interface PostingFacts {
  readonly id: string;
  readonly teacherId: string;
  readonly schoolId: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly kind: PostingKind;
  readonly fractionMilli: number;
  readonly version: number;
}

/** A training record of the ledger (not a reversal), as an import of training records matches it. */
export interface TrainingRecordFacts {
  readonly id: string;
  readonly teacherId: string;
  readonly title: string;
  readonly provider: string;
  readonly category: TrainingCategory;
  readonly hours: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly status: TrainingRecordStatus;
  readonly version: number;
}

/**
 * A school of another county that a posting of the county's teachers names (a teacher seconded elsewhere), by the
 * school's county and code. `reachable`: within the reach of whoever imports, as the API would let them record a
 * posting there; a posting at a school out of reach is kept as it is stored, never created or changed.
 */
export interface OutsideSchool {
  readonly id: string;
  readonly countyId: string;
  readonly code: string;
  readonly reachable: boolean;
}

/** A county's registry as an import needs it (only the parts the kind reads need be filled). */
export interface RegistrySnapshot {
  readonly countyId: string;
  readonly schools: readonly SchoolFacts[];
  /** Schools of other counties: those the county's postings name, and those the rows name within reach. */
  readonly outsideSchools: readonly OutsideSchool[];
  readonly clusters: readonly ClusterFacts[];
  readonly classifications: readonly ClassificationFacts[];
  readonly enrolments: readonly EnrolmentFacts[];
  readonly teachers: readonly TeacherRecord[];
  readonly postings: readonly PostingFacts[];
  readonly trainingRecords: readonly TrainingRecordFacts[];
}

/** What judging training records needs besides the registry: the day, and the training rules of the policy in force on it. */
export interface TrainingRules {
  readonly today: string;
  readonly training: TrainingPolicy;
}

/** Rows to insert and rows to update (whole rows, with their next version), per table. */
export interface RegistryChanges {
  readonly schools: { insert: SchoolFacts[]; update: SchoolFacts[] };
  readonly classifications: { insert: ClassificationFacts[]; update: ClassificationFacts[] };
  /** Enrolment years written whole (their grades replaced); `version` 1 for a new one. */
  readonly enrolments: { insert: EnrolmentFacts[]; update: EnrolmentFacts[] };
  readonly teachers: { insert: TeacherRecord[]; update: TeacherRecord[] };
  readonly postings: { insert: PostingFacts[]; update: PostingFacts[] };
  /** New training records wait for approval (SUBMITTED); only a record still waiting is updated. */
  readonly trainingRecords: { insert: TrainingRecordFacts[]; update: TrainingRecordFacts[] };
}

export interface ImportCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface ImportPlan {
  readonly problems: ImportProblem[];
  readonly changes: RegistryChanges;
  readonly counts: ImportCounts;
  /** Schools whose postings, enrolment or classification change (their headcount and shortages are recounted). */
  readonly touchedSchoolIds: string[];
}

const emptyChanges = (): RegistryChanges => ({
  schools: { insert: [], update: [] },
  classifications: { insert: [], update: [] },
  enrolments: { insert: [], update: [] },
  teachers: { insert: [], update: [] },
  postings: { insert: [], update: [] },
  trainingRecords: { insert: [], update: [] },
});

export const DEFAULT_CLASSIFIED_FROM_DATE = '1900-01-01';

/** Problems in the order a person fixes them: by row, then by column as the sheet orders them. */
export function sortProblems(kind: OneSheetKind, problems: readonly ImportProblem[]): ImportProblem[] {
  const order = new Map(importColumns(kind).map((c, i) => [c.key, i]));
  const position = (column: string | null) => (column === null ? -1 : (order.get(column) ?? order.size));
  return [...problems].sort((a, b) => a.row - b.row || position(a.column) - position(b.column));
}

/** The field of a create body a rule names (`title.since`, `extraSubjects.0.fraction`) as the import's column. */
function columnOfField(field: string): string {
  if (field === 'title.since') return 'titleSince';
  if (field === 'title.level') return 'titleLevel';
  return field.split('.')[0];
}

/** A refusal of the rules as problems of a row: each field of a 400 as its column, a 422 under `column`. */
function problemsOf(error: unknown, row: number, column: string | null): ImportProblem[] {
  if (error instanceof ValidationFailedError) {
    return Object.entries(error.fields).flatMap(([field, messages]) =>
      messages.map((message) => ({ row, column: columnOfField(field), code: error.code, message })),
    );
  }
  if (error instanceof DomainError) return [{ row, column, code: error.code, message: error.message }];
  throw error;
}

/** Runs a rule; its refusal becomes the row's problems. */
function check(problems: ImportProblem[], row: number, column: string | null, rule: () => void): boolean {
  try {
    rule();
    return true;
  } catch (error) {
    problems.push(...problemsOf(error, row, column));
    return false;
  }
}

const str = (v: CellValue): string => v as string;
const strOrNull = (v: CellValue | undefined): string | null => (v === null || v === undefined ? null : (v as string));

/**
 * The changes an import of `kind` would make, or the problems that stop it. `newId` names the new
 * rows. Every row is checked, so that one pass names every problem.
 */
export function planImport(
  kind: OneSheetKind,
  rows: readonly ImportRow[],
  registry: RegistrySnapshot,
  newId: () => string,
  rules?: TrainingRules,
): ImportPlan {
  const plan = kind === 'training-records' ? planTrainingRecords(rows, registry, newId, required(rules)) : PLANNERS[kind](rows, registry, newId);
  return { ...plan, problems: sortProblems(kind, plan.problems) };
}

type Planner = (rows: readonly ImportRow[], registry: RegistrySnapshot, newId: () => string) => ImportPlan;

/** Remembers the first row of each natural key; a later row with the same key is a DUPLICATE. */
function firstRows() {
  const seen = new Map<string, number>();
  return (problems: ImportProblem[], row: number, column: string, key: string): boolean => {
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ row, column, code: 'DUPLICATE', message: `repeats row ${first}` });
      return false;
    }
    seen.set(key, row);
    return true;
  };
}

function schoolsByCode(registry: RegistrySnapshot): Map<string, SchoolFacts> {
  return new Map(registry.schools.map((s) => [s.code, s]));
}

function unknownSchool(row: number, code: string, countyId: string | null = null): ImportProblem {
  return {
    row,
    column: 'schoolCode',
    code: 'NOT_FOUND',
    message: countyId === null ? `no school with code ${code} in the county` : `no school with code ${code} in county ${countyId} within your reach`,
  };
}

/**
 * Finds the cluster a school row names (by name, or by id) among the county's clusters of its kind: null for an empty
 * cell, undefined (and a problem, as the API answers 400 on the field) for one the county does not have.
 */
function clusterFinder(registry: RegistrySnapshot) {
  return (problems: ImportProblem[], row: number, column: string, kind: ClusterKind, text: string | null): string | null | undefined => {
    if (text === null) return null;
    const found = registry.clusters.find((c) => c.kind === kind && (c.name === text || c.id === text));
    if (found) return found.id;
    problems.push({
      row,
      column,
      code: 'VALIDATION_FAILED',
      message: `${text} is not ${kind === 'GROUP' ? 'an education group' : 'a school district'} of the county: create it first (POST /school-clusters)`,
    });
    return undefined;
  };
}

const planSchools: Planner = (rows, registry, newId) => {
  const problems: ImportProblem[] = [];
  const changes = emptyChanges();
  const existing = schoolsByCode(registry);
  const classifications = new Map(registry.classifications.map((c) => [`${c.schoolId}|${c.effectiveFrom}`, c]));
  const cluster = clusterFinder(registry);
  const first = firstRows();
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const touched = new Set<string>();
  for (const { row, values } of rows) {
    if (!first(problems, row, 'code', str(values.code))) continue;
    const groupId = cluster(problems, row, 'groupId', 'GROUP', strOrNull(values.groupId));
    const districtId = cluster(problems, row, 'districtId', 'DISTRICT', strOrNull(values.districtId));
    if (groupId === undefined || districtId === undefined) continue;
    const before = existing.get(str(values.code));
    const school: SchoolFacts = {
      id: before?.id ?? newId(),
      code: str(values.code),
      name: str(values.name),
      stage: values.stage as Stage,
      townshipCentral: (values.townshipCentral as boolean | null) ?? false,
      boarding: (values.boarding as boolean | null) ?? false,
      // An empty cell keeps the school's group and district (a new school has none).
      groupId: groupId ?? before?.groupId ?? null,
      districtId: districtId ?? before?.districtId ?? null,
      version: before ? before.version + 1 : 1,
    };
    const effectiveFrom = strOrNull(values.classifiedFrom) ?? DEFAULT_CLASSIFIED_FROM_DATE;
    const location = values.location as Location;
    const weak = values.weak as boolean;
    const stored = before ? classifications.get(`${before.id}|${effectiveFrom}`) : undefined;
    let changed = false;
    if (!before) changes.schools.insert.push(school);
    else if (
      before.name !== school.name ||
      before.stage !== school.stage ||
      before.townshipCentral !== school.townshipCentral ||
      before.boarding !== school.boarding ||
      before.groupId !== school.groupId ||
      before.districtId !== school.districtId
    ) {
      changes.schools.update.push(school);
      changed = true;
    }
    if (!stored) {
      changes.classifications.insert.push({ id: newId(), schoolId: school.id, effectiveFrom, location, weak });
      changed = true;
      touched.add(school.id);
    } else if (stored.location !== location || stored.weak !== weak) {
      changes.classifications.update.push({ ...stored, location, weak });
      changed = true;
      touched.add(school.id);
    }
    if (!before) created += 1;
    else if (changed) updated += 1;
    else unchanged += 1;
  }
  return { problems, changes, counts: { created, updated, unchanged }, touchedSchoolIds: [...touched] };
};

const planClassifications: Planner = (rows, registry, newId) => {
  const problems: ImportProblem[] = [];
  const changes = emptyChanges();
  const schools = schoolsByCode(registry);
  const history = new Map<string, ClassificationFacts[]>();
  for (const c of registry.classifications) history.set(c.schoolId, [...(history.get(c.schoolId) ?? []), c]);
  const first = firstRows();
  const accepted: { row: number; school: SchoolFacts; change: ClassificationFacts; stored: ClassificationFacts | undefined }[] = [];
  for (const { row, values } of rows) {
    const school = schools.get(str(values.schoolCode));
    if (!school) {
      problems.push(unknownSchool(row, str(values.schoolCode)));
      continue;
    }
    if (!first(problems, row, 'effectiveFrom', `${school.id}|${str(values.effectiveFrom)}`)) continue;
    const location = values.location as Location | null;
    const weak = values.weak as boolean | null;
    if (location === null && weak === null) {
      problems.push({ row, column: 'location', code: 'VALIDATION_FAILED', message: 'send location, weak or both' });
      continue;
    }
    const effectiveFrom = str(values.effectiveFrom);
    const schoolHistory = history.get(school.id) ?? [];
    const stored = schoolHistory.find((c) => c.effectiveFrom === effectiveFrom);
    // As the API amends: a cell left empty keeps what the stored change of that day set.
    const change: ClassificationFacts = stored
      ? { ...stored, location: location ?? stored.location, weak: weak ?? stored.weak }
      : { id: newId(), schoolId: school.id, effectiveFrom, location, weak };
    history.set(school.id, [...schoolHistory.filter((c) => c !== stored), change]);
    accepted.push({ row, school, change, stored });
  }
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const touched = new Set<string>();
  for (const { row, school, change, stored } of accepted) {
    const after = classificationOn(history.get(school.id) ?? [], change.effectiveFrom);
    const before = problems.length;
    if (after.location === null)
      problems.push({
        row,
        column: 'location',
        code: 'VALIDATION_FAILED',
        message: `is required: school ${school.code} has no location before ${change.effectiveFrom}`,
      });
    if (after.weak === null)
      problems.push({
        row,
        column: 'weak',
        code: 'VALIDATION_FAILED',
        message: `is required: school ${school.code} has no weak flag before ${change.effectiveFrom}`,
      });
    if (problems.length > before) continue;
    if (!stored) {
      changes.classifications.insert.push(change);
      created += 1;
      touched.add(school.id);
    } else if (stored.location !== change.location || stored.weak !== change.weak) {
      changes.classifications.update.push(change);
      updated += 1;
      touched.add(school.id);
    } else unchanged += 1;
  }
  return { problems, changes, counts: { created, updated, unchanged }, touchedSchoolIds: [...touched] };
};

const planEnrolment: Planner = (rows, registry, newId) => {
  const problems: ImportProblem[] = [];
  const changes = emptyChanges();
  const schools = schoolsByCode(registry);
  const stored = new Map(registry.enrolments.map((e) => [`${e.schoolId}|${e.schoolYear}`, e]));
  const years = new Map<string, { school: SchoolFacts; schoolYear: number; rows: ImportRow[] }>();
  for (const r of rows) {
    const school = schools.get(str(r.values.schoolCode));
    if (!school) {
      problems.push(unknownSchool(r.row, str(r.values.schoolCode)));
      continue;
    }
    const key = `${school.id}|${r.values.schoolYear as number}`;
    const year = years.get(key) ?? { school, schoolYear: r.values.schoolYear as number, rows: [] };
    year.rows.push(r);
    years.set(key, year);
  }
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const touched = new Set<string>();
  for (const [key, { school, schoolYear, rows: yearRows }] of years) {
    const before = problems.length;
    const taught = gradesOfStage(school.stage);
    const seen = new Map<number, number>();
    const boarders = new Set<number>();
    for (const { row, values } of yearRows) {
      const grade = values.grade as number;
      const students = values.students as number;
      const classes = values.classes as number;
      if (!taught.includes(grade))
        problems.push({ row, column: 'grade', code: 'VALIDATION_FAILED', message: `grade ${grade} is not taught at a ${school.stage} school` });
      if (seen.has(grade))
        problems.push({ row, column: 'grade', code: 'DUPLICATE', message: `grade ${grade} is listed twice (row ${seen.get(grade)})` });
      else seen.set(grade, row);
      if (classes > students) problems.push({ row, column: 'classes', code: 'VALIDATION_FAILED', message: 'cannot exceed the number of students' });
      if (students > 0 && classes === 0)
        problems.push({ row, column: 'classes', code: 'VALIDATION_FAILED', message: 'must be at least 1 when the grade has students' });
      boarders.add((values.boarders as number | null) ?? 0);
    }
    const total = yearRows.reduce((sum, r) => sum + (r.values.students as number), 0);
    const lastRow = yearRows[yearRows.length - 1].row;
    if (boarders.size > 1) {
      problems.push({
        row: lastRow,
        column: 'boarders',
        code: 'VALIDATION_FAILED',
        message: `differs between the rows of ${school.code} ${schoolYear}: one number a school year`,
      });
    } else if ([...boarders][0] > total) {
      problems.push({ row: lastRow, column: 'boarders', code: 'VALIDATION_FAILED', message: `cannot exceed the ${total} students enrolled` });
    }
    if (problems.length > before) continue;
    const grades = yearRows
      .map((r) => ({ grade: r.values.grade as number, students: r.values.students as number, classes: r.values.classes as number }))
      .sort((a, b) => a.grade - b.grade);
    const previous = stored.get(key);
    const next: EnrolmentFacts = {
      id: previous?.id ?? newId(),
      schoolId: school.id,
      schoolYear,
      boarders: [...boarders][0],
      version: previous ? previous.version + 1 : 1,
      grades,
    };
    if (!previous) {
      changes.enrolments.insert.push(next);
      created += 1;
      touched.add(school.id);
    } else if (previous.boarders !== next.boarders || !sameGrades(previous.grades, grades)) {
      changes.enrolments.update.push(next);
      updated += 1;
      touched.add(school.id);
    } else unchanged += 1;
  }
  return { problems, changes, counts: { created, updated, unchanged }, touchedSchoolIds: [...touched] };
};

function sameGrades(a: EnrolmentFacts['grades'], b: EnrolmentFacts['grades']): boolean {
  const sorted = [...a].sort((x, y) => x.grade - y.grade);
  return sorted.length === b.length && sorted.every((g, i) => g.grade === b[i].grade && g.students === b[i].students && g.classes === b[i].classes);
}

const TEACHER_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'hireDate',
  'onQuota',
  'subject',
  'titleLevel',
  'titleSince',
  'backbone',
  'psychology',
  'post',
] as const;

const planTeachers: Planner = (rows, registry, newId) => {
  const problems: ImportProblem[] = [];
  const changes = emptyChanges();
  const existing = new Map(registry.teachers.map((t) => [t.staffNo, t]));
  const postingsOf = new Map<string, PostingFacts[]>();
  for (const p of registry.postings) postingsOf.set(p.teacherId, [...(postingsOf.get(p.teacherId) ?? []), p]);
  const first = firstRows();
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const { row, values } of rows) {
    if (!first(problems, row, 'staffNo', str(values.staffNo))) continue;
    const extras = (values.extraSubjects as { subject: Subject; fraction: number }[] | null) ?? [];
    const facts = {
      birthDate: str(values.birthDate),
      hireDate: str(values.hireDate),
      subject: values.subject as Subject,
      extraSubjects: extras,
      title: { level: values.titleLevel as TitleLevel, since: strOrNull(values.titleSince) },
      backbone: values.backbone as BackboneLevel,
    };
    if (!check(problems, row, null, () => validateTeacherFacts(facts))) continue;
    const before = existing.get(str(values.staffNo));
    if (
      before &&
      before.hireDate !== facts.hireDate &&
      !check(problems, row, 'hireDate', () => assertHireDateFits(facts.hireDate, postingsOf.get(before.id) ?? []))
    )
      continue;
    const teacher: TeacherRecord = {
      id: before?.id ?? newId(),
      staffNo: str(values.staffNo),
      name: str(values.name),
      gender: values.gender as Gender,
      birthDate: facts.birthDate,
      hireDate: facts.hireDate,
      onQuota: values.onQuota as boolean,
      subject: facts.subject,
      titleLevel: facts.title.level,
      titleSince: facts.title.since,
      backbone: facts.backbone,
      psychology: values.psychology as PsychologyRole,
      post: values.post as Post,
      version: before ? before.version + 1 : 1,
      extras: extras.map((e) => ({ subject: e.subject, fractionMilli: fractionToMilli(e.fraction) as number })),
    };
    if (!before) {
      changes.teachers.insert.push(teacher);
      created += 1;
    } else if (TEACHER_FIELDS.some((f) => before[f] !== teacher[f]) || !sameExtras(before.extras, teacher.extras)) {
      changes.teachers.update.push(teacher);
      updated += 1;
    } else unchanged += 1;
  }
  return { problems, changes, counts: { created, updated, unchanged }, touchedSchoolIds: [] };
};

function sameExtras(a: TeacherRecord['extras'], b: TeacherRecord['extras']): boolean {
  const key = (list: TeacherRecord['extras']) =>
    [...list]
      .map((e) => `${e.subject}:${e.fractionMilli}`)
      .sort()
      .join(';');
  return key(a) === key(b);
}

const planPostings: Planner = (rows, registry, newId) => {
  const problems: ImportProblem[] = [];
  const changes = emptyChanges();
  const schools = schoolsByCode(registry);
  const outside = new Map(registry.outsideSchools.map((s) => [`${s.countyId}|${s.code}`, s]));
  const teachers = new Map(registry.teachers.map((t) => [t.staffNo, t]));
  const stored = new Map(registry.postings.map((p) => [`${p.teacherId}|${p.schoolId}|${p.startDate}`, p]));
  const first = firstRows();
  const byTeacher = new Map<string, { teacher: TeacherRecord; rows: { row: number; posting: PostingFacts; before: PostingFacts | undefined }[] }>();
  for (const { row, values } of rows) {
    const teacher = teachers.get(str(values.staffNo));
    const elsewhere = strOrNull(values.schoolCountyId);
    const home = elsewhere === null || elsewhere === registry.countyId;
    const school: { readonly id: string; readonly reachable?: boolean } | undefined = home
      ? schools.get(str(values.schoolCode))
      : outside.get(`${elsewhere}|${str(values.schoolCode)}`);
    if (!teacher)
      problems.push({ row, column: 'staffNo', code: 'NOT_FOUND', message: `no teacher with staff number ${str(values.staffNo)} in the county` });
    if (!school) problems.push(unknownSchool(row, str(values.schoolCode), home ? null : elsewhere));
    if (!teacher || !school) continue;
    const startDate = str(values.startDate);
    const key = `${teacher.id}|${school.id}|${startDate}`;
    if (!first(problems, row, 'startDate', key)) continue;
    const endDate = strOrNull(values.endDate);
    if (!check(problems, row, 'startDate', () => assertPostingDates({ startDate, endDate }, teacher.hireDate))) continue;
    const before = stored.get(key);
    const posting: PostingFacts = {
      id: before?.id ?? newId(),
      teacherId: teacher.id,
      schoolId: school.id,
      startDate,
      endDate,
      kind: values.kind as PostingKind,
      fractionMilli: (values.fraction as number | null) ?? FULL_POST_MILLI,
      version: before ? before.version + 1 : 1,
    };
    // A school of another county out of reach: the API would answer 404 for it, so only a stored posting left as it is passes.
    if (school.reachable === false && !(before && !postingChanged(before, posting))) {
      problems.push(unknownSchool(row, str(values.schoolCode), elsewhere));
      continue;
    }
    const entry = byTeacher.get(teacher.id) ?? { teacher, rows: [] };
    entry.rows.push({ row, posting, before });
    byTeacher.set(teacher.id, entry);
  }

  const storedOf = new Map<string, PostingFacts[]>();
  for (const p of registry.postings) storedOf.set(p.teacherId, [...(storedOf.get(p.teacherId) ?? []), p]);
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const touched = new Set<string>();
  for (const [teacherId, { rows: teacherRows }] of byTeacher) {
    // The teacher's postings once the file is in: the stored ones it does not name, then its rows in order; a row that
    // takes a day above one full post is refused (POSTING_OVERLAP) and left out, so that the rows after it are judged fairly.
    const named = new Set(teacherRows.flatMap((r) => (r.before ? [r.before.id] : [])));
    const kept: PostingFacts[] = (storedOf.get(teacherId) ?? []).filter((p) => !named.has(p.id));
    const all = [...kept, ...teacherRows.map((r) => r.posting)];
    const fits = (() => {
      try {
        assertOneFullPost(all);
        return true;
      } catch {
        return false;
      }
    })();
    const accepted = fits ? teacherRows : [];
    if (!fits) {
      const so: PostingFacts[] = [...kept];
      for (const r of teacherRows) {
        if (check(problems, r.row, 'startDate', () => assertOneFullPost([...so, r.posting]))) {
          so.push(r.posting);
          accepted.push(r);
        }
      }
    }
    for (const { posting, before } of accepted) {
      if (!before) {
        changes.postings.insert.push(posting);
        created += 1;
        touched.add(posting.schoolId);
      } else if (postingChanged(before, posting)) {
        changes.postings.update.push(posting);
        updated += 1;
        touched.add(posting.schoolId);
      } else unchanged += 1;
    }
  }
  return { problems, changes, counts: { created, updated, unchanged }, touchedSchoolIds: [...touched] };
};

function required(rules: TrainingRules | undefined): TrainingRules {
  if (!rules) throw new Error('training records are judged with the training rules in force');
  return rules;
}

const TRAINING_FIELDS = ['provider', 'category', 'hours'] as const;

/**
 * Training records as the training endpoints judge them (the training rules of the policy in force: hours in its
 * steps, at most its hours a day, one training cycle, nothing in the future), matched by teacher, title and dates: an
 * equal row changes nothing, another provider, category or hours updates a record still waiting for approval, and a
 * decided record is never changed (ALREADY_DECIDED). New records wait for approval, as a teacher's own do.
 */
function planTrainingRecords(rows: readonly ImportRow[], registry: RegistrySnapshot, newId: () => string, rules: TrainingRules): ImportPlan {
  const problems: ImportProblem[] = [];
  const changes = emptyChanges();
  const teachers = new Map(registry.teachers.map((t) => [t.staffNo, t]));
  const key = (teacherId: string, title: string, startDate: string, endDate: string) => `${teacherId}|${title}|${startDate}|${endDate}`;
  const stored = new Map<string, TrainingRecordFacts>();
  for (const r of registry.trainingRecords) {
    const k = key(r.teacherId, r.title, r.startDate, r.endDate);
    if (!stored.has(k)) stored.set(k, r);
  }
  const first = firstRows();
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const { row, values } of rows) {
    const teacher = teachers.get(str(values.staffNo));
    if (!teacher) {
      problems.push({ row, column: 'staffNo', code: 'NOT_FOUND', message: `no teacher with staff number ${str(values.staffNo)} in the county` });
      continue;
    }
    const hoursText = str(values.hours);
    if (!/^\d+(\.\d+)?$/.test(hoursText)) {
      problems.push({ row, column: 'hours', code: 'VALIDATION_FAILED', message: 'must be a number such as 12 or 7.5' });
      continue;
    }
    const record = { hours: Number(hoursText), startDate: str(values.startDate), endDate: str(values.endDate) };
    const before = problems.length;
    for (const [column, messages] of Object.entries(trainingRecordProblems(record, rules.today, rules.training))) {
      for (const message of messages) problems.push({ row, column, code: 'VALIDATION_FAILED', message });
    }
    if (problems.length > before) continue;
    const title = str(values.title);
    const k = key(teacher.id, title, record.startDate, record.endDate);
    if (!first(problems, row, 'title', k)) continue;
    const kept = stored.get(k);
    const next: TrainingRecordFacts = {
      id: kept?.id ?? newId(),
      teacherId: teacher.id,
      title,
      provider: str(values.provider),
      category: values.category as TrainingCategory,
      hours: record.hours,
      startDate: record.startDate,
      endDate: record.endDate,
      status: kept?.status ?? 'SUBMITTED',
      version: kept ? kept.version + 1 : 1,
    };
    if (!kept) {
      changes.trainingRecords.insert.push(next);
      created += 1;
      continue;
    }
    const changed = TRAINING_FIELDS.find((f) => kept[f] !== next[f]);
    if (changed === undefined) unchanged += 1;
    else if (kept.status !== 'SUBMITTED') {
      problems.push({
        row,
        column: changed,
        code: 'ALREADY_DECIDED',
        message: `the record of ${title} from ${record.startDate} to ${record.endDate} is ${kept.status} already: a decided record is never changed`,
      });
    } else {
      changes.trainingRecords.update.push(next);
      updated += 1;
    }
  }
  return { problems, changes, counts: { created, updated, unchanged }, touchedSchoolIds: [] };
}

function postingChanged(before: PostingFacts, after: PostingFacts): boolean {
  return before.endDate !== after.endDate || before.kind !== after.kind || before.fractionMilli !== after.fractionMilli;
}

const PLANNERS: { readonly [kind in SheetKind]: Planner } = {
  schools: planSchools,
  classifications: planClassifications,
  enrolment: planEnrolment,
  teachers: planTeachers,
  postings: planPostings,
};

/** The rows of one sheet of a workbook of several kinds. */
export interface SheetRows {
  readonly kind: SheetKind;
  readonly rows: readonly ImportRow[];
}

/** What a workbook of several sheets would change: each sheet's problems (in the order the sheets were given), and the changes of all of them. */
export interface WorkbookPlan {
  readonly sheets: readonly ImportProblem[][];
  readonly changes: RegistryChanges;
  readonly counts: ImportCounts;
  readonly touchedSchoolIds: string[];
}

/**
 * The changes a workbook holding several kinds would make: its sheets are planned in the order of SHEET_KINDS, each
 * against the registry as the sheets before it leave it (a teacher of the 教师花名册 sheet is there for the 任教经历
 * sheet, a school of the 学校基本信息 sheet for every sheet after it), with the same rules as one sheet alone.
 */
export function planWorkbook(sheets: readonly SheetRows[], registry: RegistrySnapshot, newId: () => string): WorkbookPlan {
  const order = sheets.map((_, i) => i).sort((a, b) => SHEET_KINDS.indexOf(sheets[a].kind) - SHEET_KINDS.indexOf(sheets[b].kind) || a - b);
  const problems: ImportProblem[][] = sheets.map(() => []);
  let snapshot = registry;
  let changes = emptyChanges();
  let counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const touched = new Set<string>();
  for (const i of order) {
    const plan = planImport(sheets[i].kind, sheets[i].rows, snapshot, newId);
    problems[i] = plan.problems;
    snapshot = staged(snapshot, plan.changes);
    changes = combined(changes, plan.changes);
    counts = {
      created: counts.created + plan.counts.created,
      updated: counts.updated + plan.counts.updated,
      unchanged: counts.unchanged + plan.counts.unchanged,
    };
    for (const id of plan.touchedSchoolIds) touched.add(id);
  }
  return { sheets: problems, changes, counts, touchedSchoolIds: [...touched] };
}

type Table<T> = { insert: T[]; update: T[] };

/** The registry with a sheet's changes in it, as the sheets after it see it. */
function staged(registry: RegistrySnapshot, changes: RegistryChanges): RegistrySnapshot {
  const merge = <T extends { readonly id: string }>(stored: readonly T[], change: Table<T>): readonly T[] => {
    if (change.insert.length === 0 && change.update.length === 0) return stored;
    const updated = new Map(change.update.map((u) => [u.id, u]));
    return [...stored.map((s) => updated.get(s.id) ?? s), ...change.insert];
  };
  return {
    countyId: registry.countyId,
    schools: merge(registry.schools, changes.schools),
    outsideSchools: registry.outsideSchools,
    clusters: registry.clusters,
    classifications: merge(registry.classifications, changes.classifications),
    enrolments: merge(registry.enrolments, changes.enrolments),
    teachers: merge(registry.teachers, changes.teachers),
    postings: merge(registry.postings, changes.postings),
    trainingRecords: merge(registry.trainingRecords, changes.trainingRecords),
  };
}

/**
 * Two sheets' changes as one write: a row the later sheet changes again is written once, as the later sheet leaves
 * it (inserted, or updated from the version the registry holds).
 */
function combined(a: RegistryChanges, b: RegistryChanges): RegistryChanges {
  const merge = <T extends { readonly id: string; readonly version?: number }>(first: Table<T>, then: Table<T>): Table<T> => {
    const again = new Map(then.update.map((u) => [u.id, u]));
    const keep = (x: T): T => {
      const later = again.get(x.id);
      if (!later) return x;
      again.delete(x.id);
      return x.version === undefined ? later : { ...later, version: x.version };
    };
    const insert = first.insert.map(keep);
    const update = first.update.map(keep);
    return { insert: [...insert, ...then.insert], update: [...update, ...again.values()] };
  };
  return {
    schools: merge(a.schools, b.schools),
    classifications: merge(a.classifications, b.classifications),
    enrolments: merge(a.enrolments, b.enrolments),
    teachers: merge(a.teachers, b.teachers),
    postings: merge(a.postings, b.postings),
    trainingRecords: merge(a.trainingRecords, b.trainingRecords),
  };
}
