import type { UserEntity } from '@app/database';
import type { Role } from '@app/domain';

export interface UserView {
  id: string;
  username: string;
  role: Role;
  cityId?: string;
  countyId?: string;
  schoolId?: string;
  teacherId?: string;
}

/** The account as clients see it: anchors only where the role has them. */
export function userView(user: UserEntity): UserView {
  const view: UserView = { id: user.id, username: user.username, role: user.role };
  if (user.cityId) view.cityId = user.cityId;
  if (user.countyId) view.countyId = user.countyId;
  if (user.schoolId) view.schoolId = user.schoolId;
  if (user.teacherId) view.teacherId = user.teacherId;
  return view;
}
