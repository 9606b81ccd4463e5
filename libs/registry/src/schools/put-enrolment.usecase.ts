import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import { EnrolmentGradeEntity, SchoolEnrolmentEntity, SchoolRepository, TransactionHost } from '@app/database';
import { Actor, gradesOfStage, REGISTRY_WRITERS, requireRole, scopeOf, ValidationFailedError, VersionConflictError } from '@app/domain';
import { enrolmentView, EnrolmentView } from '../views';
import { SchoolLookup } from './school-lookup';
import { ShortageRescans } from '../shortages/shortage-rescans';

export interface PutEnrolmentCommand {
  actor: Actor;
  schoolId: string;
  schoolYear: number;
  grades: { grade: number; students: number; classes: number }[];
  boarders?: number;
  /** When sent, the stored year must still have this version. */
  version?: number;
}

/** Replaces a school's enrolment for one school year (grades taught by its stage only). */
@Injectable()
export class PutEnrolmentUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly schools: SchoolRepository,
    private readonly lookup: SchoolLookup,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly rescans: ShortageRescans,
  ) {}

  async execute(command: PutEnrolmentCommand): Promise<EnrolmentView> {
    requireRole(command.actor, REGISTRY_WRITERS, 'record enrolment');
    return this.tx.run(async () => {
      const scope = scopeOf(command.actor);
      const school = await this.lookup.inScope(scope, command.schoolId);
      this.validate(command, gradesOfStage(school.stage), school.stage);

      const [existing] = await this.schools.enrolmentsOf(scope, school.id, command.schoolYear);
      if (existing && command.version !== undefined && existing.version !== command.version) {
        throw new VersionConflictError('enrolment', `${school.id}/${command.schoolYear}`, command.version, existing.version);
      }
      const before = existing ? enrolmentView(existing, await this.schools.gradesOf(scope, [existing.id])) : null;
      const enrolment: SchoolEnrolmentEntity = {
        id: existing?.id ?? newId(),
        schoolId: school.id,
        schoolYear: command.schoolYear,
        boarders: command.boarders ?? 0,
        version: existing ? existing.version + 1 : 1,
        updatedAt: this.clock.now(),
      };
      const grades: EnrolmentGradeEntity[] = command.grades.map((g) => ({
        enrolmentId: enrolment.id,
        grade: g.grade,
        students: g.students,
        classes: g.classes,
      }));
      await this.schools.saveEnrolment(enrolment, grades);
      const view = enrolmentView(enrolment, grades);
      await this.audit.record({ action: 'school.enrolment', entity: 'school', entityId: school.id, countyId: school.countyId, before, after: view });
      await this.rescans.request([school.id]);
      return view;
    });
  }

  private validate(command: PutEnrolmentCommand, taught: readonly number[], stage: string): void {
    const problems: Record<string, string[]> = {};
    const seen = new Set<number>();
    command.grades.forEach((g, i) => {
      if (!taught.includes(g.grade)) (problems[`grades.${i}.grade`] ??= []).push(`grade ${g.grade} is not taught at a ${stage} school`);
      if (seen.has(g.grade)) (problems[`grades.${i}.grade`] ??= []).push(`grade ${g.grade} is listed twice`);
      seen.add(g.grade);
      if (g.classes > g.students) (problems[`grades.${i}.classes`] ??= []).push('cannot exceed the number of students');
      if (g.students > 0 && g.classes === 0) (problems[`grades.${i}.classes`] ??= []).push('must be at least 1 when the grade has students');
    });
    const total = command.grades.reduce((sum, g) => sum + g.students, 0);
    if ((command.boarders ?? 0) > total) problems.boarders = [`cannot exceed the ${total} students enrolled`];
    if (Object.keys(problems).length > 0) throw new ValidationFailedError(problems);
  }
}
