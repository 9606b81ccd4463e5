import { AuditLogEntity } from './audit-log.entity';
import { CityEntity } from './city.entity';
import { CountyEntity } from './county.entity';
import { EnrolmentGradeEntity } from './enrolment-grade.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { NotificationEntity } from './notification.entity';
import { OutboxEntryEntity } from './outbox-entry.entity';
import { PolicyVersionEntity } from './policy-version.entity';
import { PostingEntity } from './posting.entity';
import { SchoolClassificationEntity } from './school-classification.entity';
import { SchoolClusterEntity } from './school-cluster.entity';
import { SchoolEnrolmentEntity } from './school-enrolment.entity';
import { SchoolEntity } from './school.entity';
import { TeacherExtraSubjectEntity } from './teacher-extra-subject.entity';
import { TrainingRecordEntity } from './training-record.entity';
import { TeacherEntity } from './teacher.entity';
import { UserEntity } from './user.entity';

export {
  AuditLogEntity,
  CityEntity,
  CountyEntity,
  EnrolmentGradeEntity,
  LoginAttemptEntity,
  NotificationEntity,
  OutboxEntryEntity,
  PolicyVersionEntity,
  PostingEntity,
  SchoolClassificationEntity,
  SchoolClusterEntity,
  SchoolEnrolmentEntity,
  SchoolEntity,
  TeacherExtraSubjectEntity,
  TeacherEntity,
  TrainingRecordEntity,
  UserEntity,
};

/** Every entity, listed explicitly (no path globs: they break under bundlers and test runners). */
export const ENTITIES = [
  CityEntity,
  CountyEntity,
  SchoolClusterEntity,
  SchoolEntity,
  SchoolClassificationEntity,
  SchoolEnrolmentEntity,
  EnrolmentGradeEntity,
  TeacherEntity,
  TeacherExtraSubjectEntity,
  PostingEntity,
  UserEntity,
  LoginAttemptEntity,
  PolicyVersionEntity,
  AuditLogEntity,
  TrainingRecordEntity,
  OutboxEntryEntity,
  NotificationEntity,
];
