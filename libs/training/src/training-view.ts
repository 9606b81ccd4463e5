import type { TeacherEntity, TrainingRecordEntity, TrainingRecordRow } from '@app/database';
import type { TrainingCategory, TrainingEntryKind, TrainingRecordStatus } from '@app/domain';

export interface TrainingRecordView {
  id: string;
  teacherId: string;
  teacherName: string;
  staffNo: string;
  countyId: string;
  title: string;
  provider: string;
  category: TrainingCategory;
  hours: number;
  startDate: string;
  endDate: string;
  status: TrainingRecordStatus;
  kind: TrainingEntryKind;
  /** For a reversal: the record it cancels. */
  reversesId: string | null;
  /** For a reversed record: its reversal. */
  reversedById: string | null;
  reason: string | null;
  submittedBy: string | null;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  version: number;
}

/** The view of an entry, with the name and staff number of its teacher. */
export function trainingRecordView(
  record: TrainingRecordEntity,
  teacher: Pick<TeacherEntity, 'name' | 'staffNo'>,
  reversedById: string | null = null,
): TrainingRecordView {
  return {
    id: record.id,
    teacherId: record.teacherId,
    teacherName: teacher.name,
    staffNo: teacher.staffNo,
    countyId: record.countyId,
    title: record.title,
    provider: record.provider,
    category: record.category,
    hours: record.hours,
    startDate: record.startDate,
    endDate: record.endDate,
    status: record.status,
    kind: record.kind,
    reversesId: record.reversesId,
    reversedById,
    reason: record.reason,
    submittedBy: record.submittedBy,
    submittedAt: record.submittedAt.toISOString(),
    decidedBy: record.decidedBy,
    decidedAt: record.decidedAt ? record.decidedAt.toISOString() : null,
    version: record.version,
  };
}

/** Views of a list that holds records and their reversals: each reversed record learns its reversal. */
export function trainingRecordViews(records: TrainingRecordRow[], reversals: TrainingRecordEntity[] = records): TrainingRecordView[] {
  const reversalOf = new Map(reversals.filter((r) => r.reversesId).map((r) => [r.reversesId as string, r.id]));
  return records.map((r) => trainingRecordView(r, r.teacher, reversalOf.get(r.id) ?? null));
}
