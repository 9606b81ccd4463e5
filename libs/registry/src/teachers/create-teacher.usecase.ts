import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { ReferenceRepository, TeacherEntity, TeacherExtraSubjectEntity, TeacherRepository, TransactionHost } from '@app/database';
import {
  Actor,
  BackboneLevel,
  DomainError,
  fractionToMilli,
  Gender,
  NotFoundError,
  Post,
  PsychologyRole,
  REGISTRY_WRITERS,
  requireRole,
  scopeOf,
  Subject,
  TitleLevel,
  validateTeacherFacts,
} from '@app/domain';
import { TeacherView } from '../views';
import { TeacherLookup } from './teacher-lookup';

export interface TeacherProfile {
  staffNo: string;
  name: string;
  gender: Gender;
  birthDate: string;
  hireDate: string;
  onQuota: boolean;
  subject: Subject;
  extraSubjects?: { subject: Subject; fraction: number }[];
  title: { level: TitleLevel; since?: string | null };
  backbone: BackboneLevel;
  psychology: PsychologyRole;
  post: Post;
}

export interface CreateTeacherCommand extends TeacherProfile {
  actor: Actor;
  countyId: string;
}

export class StaffNoTakenError extends DomainError {
  constructor(countyId: string, staffNo: string) {
    super('CONFLICT', 'STAFF_NO_TAKEN', `County ${countyId} already has a teacher with staff number ${staffNo}`, { countyId, staffNo });
  }
}

export function extraSubjectRows(teacherId: string, extras: { subject: Subject; fraction: number }[]): TeacherExtraSubjectEntity[] {
  return extras.map((e) => ({ teacherId, subject: e.subject, fractionMilli: fractionToMilli(e.fraction) as number }));
}

/** Registers a teacher in a county (县管). Where they work is recorded as postings. */
@Injectable()
export class CreateTeacherUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reference: ReferenceRepository,
    private readonly teachers: TeacherRepository,
    private readonly lookup: TeacherLookup,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateTeacherCommand): Promise<TeacherView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'register teachers');
    validateTeacherFacts({ ...command, extraSubjects: command.extraSubjects ?? [] });
    return this.tx.run(async () => {
      const scope = scopeOf(command.actor);
      const county = await this.reference.findCountyInScope(scope, command.countyId);
      if (!county) throw new NotFoundError('county', command.countyId);
      if (await this.teachers.findByStaffNo(county.id, command.staffNo)) throw new StaffNoTakenError(county.id, command.staffNo);
      const now = this.clock.now();
      const teacher: TeacherEntity = {
        id: newId(),
        countyId: county.id,
        staffNo: command.staffNo,
        name: command.name,
        gender: command.gender,
        birthDate: command.birthDate,
        hireDate: command.hireDate,
        onQuota: command.onQuota,
        subject: command.subject,
        titleLevel: command.title.level,
        titleSince: command.title.since ?? null,
        backbone: command.backbone,
        psychology: command.psychology,
        post: command.post,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await this.teachers.insert(teacher, extraSubjectRows(teacher.id, command.extraSubjects ?? []));
      const view = await this.lookup.view(scope, teacher);
      await this.audit.record({ action: 'teacher.create', entity: 'teacher', entityId: teacher.id, countyId: county.id, after: view });
      return view;
    });
  }
}
