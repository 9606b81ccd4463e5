/**
 * Who receives a notification. A use case names people by their relation to what changed, and the
 * notifier finds their accounts in one query:
 * - `USER`: that account;
 * - `COUNTY_OFFICERS`: the COUNTY_OFFICER accounts of the county (县教育局人事科);
 * - `PRINCIPALS`: the PRINCIPAL accounts of the school (the principal and vice-principals);
 * - `TEACHER`: the account(s) linked to the teacher record (a teacher's, or a principal's own);
 * - `PROVINCE_ADMINS`: every PROVINCE_ADMIN account.
 * Only accounts that may sign in (active) receive notifications, and each person once, however
 * many of the forms name them.
 */
export type Recipient =
  | { readonly kind: 'USER'; readonly userId: string }
  | { readonly kind: 'COUNTY_OFFICERS'; readonly countyId: string }
  | { readonly kind: 'PRINCIPALS'; readonly schoolId: string }
  | { readonly kind: 'TEACHER'; readonly teacherId: string }
  | { readonly kind: 'PROVINCE_ADMINS' };

/** The recipients of a notification as one set-based query needs them: each form's keys, once each, sorted. */
export interface RecipientQuery {
  readonly userIds: readonly string[];
  /** Counties whose county officers receive it. */
  readonly officerCountyIds: readonly string[];
  /** Schools whose principals receive it. */
  readonly principalSchoolIds: readonly string[];
  /** Teacher records whose accounts receive it. */
  readonly teacherIds: readonly string[];
  /** The province administrators receive it. */
  readonly provinceAdmins: boolean;
  /** Accounts left out whatever names them (e.g. the person whose change caused the notification). */
  readonly exceptUserIds: readonly string[];
}

const sorted = (values: Set<string>): string[] => [...values].sort();

/** Groups recipients by form for one query; `except` leaves accounts out. */
export function recipientQuery(recipients: readonly Recipient[], except: readonly string[] = []): RecipientQuery {
  const users = new Set<string>();
  const counties = new Set<string>();
  const schools = new Set<string>();
  const teachers = new Set<string>();
  let provinceAdmins = false;
  for (const recipient of recipients) {
    switch (recipient.kind) {
      case 'USER':
        users.add(recipient.userId);
        break;
      case 'COUNTY_OFFICERS':
        counties.add(recipient.countyId);
        break;
      case 'PRINCIPALS':
        schools.add(recipient.schoolId);
        break;
      case 'TEACHER':
        teachers.add(recipient.teacherId);
        break;
      case 'PROVINCE_ADMINS':
        provinceAdmins = true;
        break;
    }
  }
  return {
    userIds: sorted(users),
    officerCountyIds: sorted(counties),
    principalSchoolIds: sorted(schools),
    teacherIds: sorted(teachers),
    provinceAdmins,
    exceptUserIds: sorted(new Set(except)),
  };
}

/** True when no form names anyone, so that no query need be run. */
export function namesNobody(query: RecipientQuery): boolean {
  return (
    !query.provinceAdmins && query.userIds.length + query.officerCountyIds.length + query.principalSchoolIds.length + query.teacherIds.length === 0
  );
}
