import type {
  EnrolmentGradeEntity,
  PostingEntity,
  SchoolClassificationEntity,
  SchoolClusterEntity,
  SchoolEnrolmentEntity,
  SchoolEntity,
  TeacherEntity,
  TeacherExtraSubjectEntity,
} from '@app/database';
import {
  BackboneLevel,
  classificationOn,
  ClassificationState,
  Gender,
  Location,
  milliToFraction,
  Post,
  PostingKind,
  PsychologyRole,
  Stage,
  Subject,
  TitleLevel,
} from '@app/domain';

export interface SchoolView {
  id: string;
  countyId: string;
  code: string;
  name: string;
  stage: Stage;
  /** Classification in force today (null before the school was first classified). */
  location: Location | null;
  weak: boolean | null;
  townshipCentral: boolean;
  boarding: boolean;
  groupId: string | null;
  districtId: string | null;
  /** On-quota teachers posted there (fraction-weighted) as last computed, and the day it was computed for. */
  headcount: { onQuota: number; asOf: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function schoolView(school: SchoolEntity, classifications: SchoolClassificationEntity[], today: string): SchoolView {
  const current = classificationOn(
    classifications.filter((c) => c.schoolId === school.id),
    today,
  );
  return {
    id: school.id,
    countyId: school.countyId,
    code: school.code,
    name: school.name,
    stage: school.stage,
    location: current.location,
    weak: current.weak,
    townshipCentral: school.townshipCentral,
    boarding: school.boarding,
    groupId: school.groupId,
    districtId: school.districtId,
    headcount:
      school.headcountMilli === null || school.headcountAsOf === null
        ? null
        : { onQuota: milliToFraction(school.headcountMilli), asOf: school.headcountAsOf },
    version: school.version,
    createdAt: school.createdAt.toISOString(),
    updatedAt: school.updatedAt.toISOString(),
  };
}

export interface ClassificationChangeView extends ClassificationState {
  effectiveFrom: string;
  /** The values this change set (the others carried over from before). */
  set: { location?: Location; weak?: boolean };
}

/** The history as stored changes, each with the classification that results from it. */
export function classificationHistoryView(changes: SchoolClassificationEntity[]): ClassificationChangeView[] {
  const sorted = [...changes].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.map((change) => {
    const state = classificationOn(sorted, change.effectiveFrom);
    const set: ClassificationChangeView['set'] = {};
    if (change.location !== null) set.location = change.location;
    if (change.weak !== null) set.weak = change.weak;
    return { effectiveFrom: change.effectiveFrom, location: state.location, weak: state.weak, set };
  });
}

export interface EnrolmentView {
  schoolId: string;
  schoolYear: number;
  grades: { grade: number; students: number; classes: number }[];
  boarders: number;
  totalStudents: number;
  totalClasses: number;
  version: number;
  updatedAt: string;
}

export function enrolmentView(enrolment: SchoolEnrolmentEntity, grades: EnrolmentGradeEntity[]): EnrolmentView {
  const own = grades.filter((g) => g.enrolmentId === enrolment.id).sort((a, b) => a.grade - b.grade);
  return {
    schoolId: enrolment.schoolId,
    schoolYear: enrolment.schoolYear,
    grades: own.map(({ grade, students, classes }) => ({ grade, students, classes })),
    boarders: enrolment.boarders,
    totalStudents: own.reduce((sum, g) => sum + g.students, 0),
    totalClasses: own.reduce((sum, g) => sum + g.classes, 0),
    version: enrolment.version,
    updatedAt: enrolment.updatedAt.toISOString(),
  };
}

export interface ClusterView {
  id: string;
  countyId: string;
  kind: 'GROUP' | 'DISTRICT';
  name: string;
}

export function clusterView(cluster: SchoolClusterEntity): ClusterView {
  return { id: cluster.id, countyId: cluster.countyId, kind: cluster.kind, name: cluster.name };
}

export interface PostingView {
  id: string;
  teacherId: string;
  schoolId: string;
  schoolName: string;
  startDate: string;
  endDate: string | null;
  kind: PostingKind;
  fraction: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function postingView(posting: PostingEntity, schoolName: string): PostingView {
  return {
    id: posting.id,
    teacherId: posting.teacherId,
    schoolId: posting.schoolId,
    schoolName,
    startDate: posting.startDate,
    endDate: posting.endDate,
    kind: posting.kind,
    fraction: milliToFraction(posting.fractionMilli),
    version: posting.version,
    createdAt: posting.createdAt.toISOString(),
    updatedAt: posting.updatedAt.toISOString(),
  };
}

export interface TeacherView {
  id: string;
  countyId: string;
  staffNo: string;
  name: string;
  gender: Gender;
  birthDate: string;
  hireDate: string;
  onQuota: boolean;
  subject: Subject;
  extraSubjects: { subject: Subject; fraction: number }[];
  title: { level: TitleLevel; since: string | null };
  backbone: BackboneLevel;
  psychology: PsychologyRole;
  post: Post;
  /** Where the teacher works today (largest fraction first). */
  currentPostings: { postingId: string; schoolId: string; schoolName: string; kind: PostingKind; fraction: number }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function teacherView(
  teacher: TeacherEntity,
  extras: TeacherExtraSubjectEntity[],
  current: PostingEntity[],
  schoolNames: ReadonlyMap<string, string>,
): TeacherView {
  return {
    id: teacher.id,
    countyId: teacher.countyId,
    staffNo: teacher.staffNo,
    name: teacher.name,
    gender: teacher.gender,
    birthDate: teacher.birthDate,
    hireDate: teacher.hireDate,
    onQuota: teacher.onQuota,
    subject: teacher.subject,
    extraSubjects: extras.filter((e) => e.teacherId === teacher.id).map((e) => ({ subject: e.subject, fraction: milliToFraction(e.fractionMilli) })),
    title: { level: teacher.titleLevel, since: teacher.titleSince },
    backbone: teacher.backbone,
    psychology: teacher.psychology,
    post: teacher.post,
    currentPostings: current
      .filter((p) => p.teacherId === teacher.id)
      .map((p) => ({
        postingId: p.id,
        schoolId: p.schoolId,
        schoolName: schoolNameOf(schoolNames, p.schoolId),
        kind: p.kind,
        fraction: milliToFraction(p.fractionMilli),
      })),
    version: teacher.version,
    createdAt: teacher.createdAt.toISOString(),
    updatedAt: teacher.updatedAt.toISOString(),
  };
}

/** The name of a school a visible posting names (always readable: a missing one is a bug, not a 404). */
export function schoolNameOf(names: ReadonlyMap<string, string>, schoolId: string): string {
  const name = names.get(schoolId);
  if (name === undefined) throw new Error(`the name of school ${schoolId} was not loaded`);
  return name;
}
