import type { BulkWriter } from '@app/database';
import type { GeneratedCounty } from './county-generator';

/** Writes a generated county in foreign-key order (call inside a transaction). */
export async function writeCounty(writer: BulkWriter, county: GeneratedCounty): Promise<void> {
  await writer.insert('school', county.schools);
  await writer.insert('school_classification', county.classifications);
  await writer.insert('school_enrolment', county.enrolments);
  await writer.insert('enrolment_grade', county.grades);
  await writer.insert('teacher', county.teachers);
  await writer.insert('teacher_extra_subject', county.extraSubjects);
  await writer.insert('posting', county.postings);
  await writer.insert('training_record', county.trainingRecords);
}
