import type { Role } from '@app/domain';

/** Who reads staff requests: officers in their reach, a principal their own school's; teachers do not. */
export const STAFF_REQUEST_READERS: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICER', 'COUNTY_OFFICER', 'PRINCIPAL'];
