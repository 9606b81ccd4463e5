import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { Clock, newId } from '@app/core';
import {
  PostingRepository,
  ReferenceRepository,
  SchoolRepository,
  TeacherRepository,
  TransactionHost,
  UserEntity,
  UserRepository,
} from '@app/database';
import { Actor, DomainError, ForbiddenError, NotFoundError, principalLinkProblem, Role, scopeOf, ValidationFailedError } from '@app/domain';
import { PasswordHasher } from './password-hasher';
import { userView, UserView } from './user-view';

export interface CreateUserCommand {
  actor: Actor;
  username: string;
  password: string;
  role: Role;
  cityId?: string;
  countyId?: string;
  schoolId?: string;
  teacherId?: string;
}

export class UsernameTakenError extends DomainError {
  constructor(username: string) {
    super('CONFLICT', 'USERNAME_TAKEN', `The username ${username} is taken`);
  }
}

/** Roles each role may create. A county officer creates the principals and teachers of the county. */
const CREATABLE: Partial<Record<Role, readonly Role[]>> = {
  PROVINCE_ADMIN: ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'PRINCIPAL', 'TEACHER'],
  COUNTY_OFFICER: ['PRINCIPAL', 'TEACHER'],
};

type Anchor = 'cityId' | 'countyId' | 'schoolId' | 'teacherId';

/**
 * The anchors each role needs; the others are derived from them (a principal's county from
 * their school). Principals and teachers are linked to their own teacher record.
 */
const ANCHORS: Record<Role, readonly Anchor[]> = {
  PROVINCE_ADMIN: [],
  CITY_OFFICER: ['cityId'],
  COUNTY_OFFICER: ['countyId'],
  PRINCIPAL: ['schoolId', 'teacherId'],
  TEACHER: ['teacherId'],
};

@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserRepository,
    private readonly reference: ReferenceRepository,
    private readonly schools: SchoolRepository,
    private readonly teachers: TeacherRepository,
    private readonly postings: PostingRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateUserCommand): Promise<UserView> {
    if (!CREATABLE[command.actor.role]?.includes(command.role)) {
      throw new ForbiddenError(`A ${command.actor.role} may not create ${command.role} accounts`);
    }
    const anchors = ANCHORS[command.role];
    const problems: Record<string, string[]> = {};
    for (const anchor of anchors) {
      if (!command[anchor]) problems[anchor] = [`is required for a ${command.role}${anchor === 'teacherId' ? ' (their own teacher record)' : ''}`];
    }
    // A principal's or teacher's county may be sent too, but must then match.
    const extra = (['cityId', 'countyId', 'schoolId', 'teacherId'] as const).filter(
      (field) => command[field] !== undefined && !anchors.includes(field),
    );
    for (const field of extra) {
      const allowed = field === 'countyId' && (command.role === 'PRINCIPAL' || command.role === 'TEACHER');
      if (!allowed) problems[field] = [`does not apply to a ${command.role}`];
    }
    if (Object.keys(problems).length > 0) throw new ValidationFailedError(problems);

    const passwordHash = await this.hasher.hash(command.password);
    return this.tx.run(async () => {
      const anchors = await this.resolveAnchors(command);
      if (await this.users.findByUsername(command.username)) throw new UsernameTakenError(command.username.toLowerCase());
      const user: UserEntity = {
        id: newId(),
        username: command.username.toLowerCase(),
        passwordHash,
        role: command.role,
        ...anchors,
        active: true,
        version: 1,
        tokenVersion: 1,
        createdAt: this.clock.now(),
        lastLoginAt: null,
      };
      await this.users.insert(user);
      const view = userView(user);
      await this.audit.record({ action: 'user.create', entity: 'user', entityId: user.id, countyId: user.countyId, after: view });
      return view;
    });
  }

  private async resolveAnchors(command: CreateUserCommand): Promise<Pick<UserEntity, 'cityId' | 'countyId' | 'schoolId' | 'teacherId'>> {
    const scope = scopeOf(command.actor);
    const none = { cityId: null, countyId: null, schoolId: null, teacherId: null };
    switch (command.role) {
      case 'PROVINCE_ADMIN':
        return none;
      case 'CITY_OFFICER': {
        const city = await this.reference.findCity(command.cityId as string);
        if (!city) throw ValidationFailedError.field('cityId', 'is not a city of Jiangsu');
        return { ...none, cityId: city.id };
      }
      case 'COUNTY_OFFICER': {
        const county = await this.reference.findCountyInScope(scope, command.countyId as string);
        if (!county) throw ValidationFailedError.field('countyId', 'is not a county of Jiangsu');
        return { ...none, cityId: county.cityId, countyId: county.id };
      }
      case 'PRINCIPAL': {
        const school = await this.schools.findInScope(scope, command.schoolId as string);
        if (!school) throw new NotFoundError('school', command.schoolId);
        this.assertCounty(command, school.countyId);
        const county = await this.reference.findCounty(school.countyId);
        // The principal's own teacher record, so that they never decide on their own training.
        const today = this.clock.today();
        const own = await this.teachers.findInScope(scope, command.teacherId as string, today);
        if (!own) throw new NotFoundError('teacher', command.teacherId);
        const problem = principalLinkProblem(own, school, await this.postings.ofTeacher(scope, own.id, today), today);
        if (problem) throw ValidationFailedError.field('teacherId', problem);
        return { ...none, cityId: county?.cityId ?? null, countyId: school.countyId, schoolId: school.id, teacherId: own.id };
      }
      case 'TEACHER': {
        const teacher = await this.teachers.findInScope(scope, command.teacherId as string, this.clock.today());
        if (!teacher) throw new NotFoundError('teacher', command.teacherId);
        this.assertCounty(command, teacher.countyId);
        const county = await this.reference.findCounty(teacher.countyId);
        return { ...none, cityId: county?.cityId ?? null, countyId: teacher.countyId, teacherId: teacher.id };
      }
    }
  }

  private assertCounty(command: CreateUserCommand, countyId: string): void {
    if (command.countyId !== undefined && command.countyId !== countyId) {
      throw ValidationFailedError.field(
        'countyId',
        `does not match the county of the ${command.role === 'PRINCIPAL' ? 'school' : 'teacher'} (${countyId})`,
      );
    }
  }
}
