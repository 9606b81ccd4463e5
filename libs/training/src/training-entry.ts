import { newId } from '@app/core';
import type { TrainingRecordEntity } from '@app/database';
import type { TrainingCategory } from '@app/domain';

/** What a ledger entry says about the training itself. */
export interface TrainingCourse {
  teacherId: string;
  countyId: string;
  title: string;
  provider: string;
  category: TrainingCategory;
  /** Negative for a reversal. */
  hours: number;
  startDate: string;
  endDate: string;
}

export interface TrainingEntryOptions {
  /** The account writing the entry, and when. */
  by: string;
  at: Date;
  /** Approved at once by the writer (a reversal always is); otherwise it waits for a decision. */
  approved: boolean;
  /** For a reversal: the approved record it cancels, and why. */
  reverses?: { id: string; reason: string };
}

/**
 * A new entry of the training ledger, as the submit, import and reversal use cases write it:
 * a record (submitted, or approved by the importing officer) or the approved reversal of a record.
 */
export function newTrainingEntry(course: TrainingCourse, options: TrainingEntryOptions): TrainingRecordEntity {
  const approved = options.approved || options.reverses !== undefined;
  return {
    id: newId(),
    teacherId: course.teacherId,
    countyId: course.countyId,
    title: course.title,
    provider: course.provider,
    category: course.category,
    hours: course.hours,
    startDate: course.startDate,
    endDate: course.endDate,
    status: approved ? 'APPROVED' : 'SUBMITTED',
    kind: options.reverses ? 'REVERSAL' : 'RECORD',
    reversesId: options.reverses?.id ?? null,
    reason: options.reverses?.reason ?? null,
    submittedBy: options.by,
    submittedAt: options.at,
    decidedBy: approved ? options.by : null,
    decidedAt: approved ? options.at : null,
    version: 1,
    createdAt: options.at,
    updatedAt: options.at,
  };
}
