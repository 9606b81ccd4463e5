import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock } from '@app/core';
import { TrainingRepository, TransactionHost } from '@app/database';
import { Actor, requireRole, scopeOf, TrainingCategory, validateTrainingRecord } from '@app/domain';
import { PolicyStore } from '@app/policy';
import { TeacherLookup } from '@app/registry';
import { newTrainingEntry } from './training-entry';
import { trainingRecordView, TrainingRecordView } from './training-view';

export interface SubmitTrainingRecordCommand {
  actor: Actor;
  teacherId: string;
  title: string;
  provider: string;
  category: TrainingCategory;
  hours: number;
  startDate: string;
  endDate: string;
}

/** A teacher records training they took (officers may record it for anyone in their county); it waits for approval. */
@Injectable()
export class SubmitTrainingRecordUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly records: TrainingRepository,
    private readonly teachers: TeacherLookup,
    private readonly policy: PolicyStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubmitTrainingRecordCommand): Promise<TrainingRecordView> {
    requireRole(command.actor, ['TEACHER', 'COUNTY_OFFICER', 'PROVINCE_ADMIN'], 'submit training records');
    const today = this.clock.today();
    return this.tx.run(async () => {
      // A teacher's scope holds only themself: anyone else's id answers 404.
      const teacher = await this.teachers.inScope(scopeOf(command.actor), command.teacherId);
      const { parameters } = await this.policy.inForce(today);
      validateTrainingRecord(command, today, parameters.training);
      const record = newTrainingEntry(
        { ...command, teacherId: teacher.id, countyId: teacher.countyId },
        { by: command.actor.userId, at: this.clock.now(), approved: false },
      );
      await this.records.insert([record]);
      const view = trainingRecordView(record, teacher);
      await this.audit.record({ action: 'training.submit', entity: 'training_record', entityId: record.id, countyId: teacher.countyId, after: view });
      return view;
    });
  }
}
