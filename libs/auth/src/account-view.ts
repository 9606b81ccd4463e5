import type { UserEntity, UserWithNames } from '@app/database';
import { userView, UserView } from './user-view';

/** An account as officers manage it: the user, whether it may sign in, and whose it is. */
export interface AccountView extends UserView {
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  version: number;
  /** The linked teacher record's name (principals and teachers). */
  teacherName: string | null;
  schoolName: string | null;
}

export function accountView(user: UserEntity | UserWithNames): AccountView {
  return {
    ...userView(user),
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    version: user.version,
    teacherName: 'teacherName' in user ? user.teacherName : null,
    schoolName: 'schoolName' in user ? user.schoolName : null,
  };
}

/** What the audit log keeps of an account: never its password hash. */
export function accountAudit(user: UserEntity): Record<string, unknown> {
  return { ...userView(user), active: user.active, version: user.version };
}
