import { Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import type { Role } from '@app/domain';
import { BoolColumn, CodeColumn, DivisionCodeColumn, IdColumn, IdPrimaryColumn, IntColumn, TimestampColumn, VersionNumberColumn } from './columns';
import { CityEntity } from './city.entity';
import { CountyEntity } from './county.entity';
import { SchoolEntity } from './school.entity';
import { TeacherEntity } from './teacher.entity';

/** A person who signs in. Their role and anchors (city, county, school, teacher) decide their scope. */
@Entity('app_user')
@Index(['username'], { unique: true })
@Index(['countyId'])
// Who receives a notification: a county's officers, a school's principals, a teacher record's account.
@Index(['role', 'countyId'])
@Index(['schoolId'])
@Index(['teacherId'])
export class UserEntity {
  @IdPrimaryColumn()
  id: string;

  /** Stored lower-case; sign-in is case-insensitive. */
  @CodeColumn(64)
  username: string;

  @CodeColumn(255)
  passwordHash: string;

  @CodeColumn(20)
  role: Role;

  @DivisionCodeColumn({ nullable: true })
  cityId: string | null;

  @ManyToOne(() => CityEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'city_id' })
  city?: Relation<CityEntity> | null;

  @DivisionCodeColumn({ nullable: true })
  countyId: string | null;

  @ManyToOne(() => CountyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'county_id' })
  county?: Relation<CountyEntity> | null;

  @IdColumn({ nullable: true })
  schoolId: string | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<SchoolEntity> | null;

  @IdColumn({ nullable: true })
  teacherId: string | null;

  @ManyToOne(() => TeacherEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'teacher_id' })
  teacher?: Relation<TeacherEntity> | null;

  @BoolColumn({ default: true })
  active: boolean;

  @VersionNumberColumn()
  version: number;

  /**
   * Carried in every token issued to the account; raised when the password changes or is reset
   * and when the account is disabled, so that every token issued before stops working at once.
   */
  @IntColumn({ default: 1 })
  tokenVersion: number;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  lastLoginAt: Date | null;
}
