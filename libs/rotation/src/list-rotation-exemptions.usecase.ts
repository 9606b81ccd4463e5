import { Injectable } from '@nestjs/common';
import { RotationExemptionRepository } from '@app/database';
import { Actor, requireRole, Role, scopeOf } from '@app/domain';
import { TeacherLookup } from '@app/registry';
import { rotationExemptionView, RotationExemptionView } from './rotation-exemption-view';

/** Who reads a teacher's exemptions: officers in their reach, and the teacher themself (principals do not). */
const EXEMPTION_READERS: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'TEACHER'];

/** A teacher's recorded rotation exemptions, the earliest first, whether or not still valid. */
@Injectable()
export class ListRotationExemptionsUseCase {
  constructor(
    private readonly exemptions: RotationExemptionRepository,
    private readonly teachers: TeacherLookup,
  ) {}

  async execute(command: { actor: Actor; teacherId: string }): Promise<RotationExemptionView[]> {
    requireRole(command.actor, EXEMPTION_READERS, 'read rotation exemptions');
    // A teacher's scope holds only themself; an officer's their counties: anyone else answers 404.
    const teacher = await this.teachers.inScope(scopeOf(command.actor), command.teacherId);
    return (await this.exemptions.ofTeacher(teacher.id)).map(rotationExemptionView);
  }
}
