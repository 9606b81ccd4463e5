import { useQuery } from '@tanstack/react-query';
import { api, type Page, type Schemas } from './api/client';
import { useUser, type Role } from './session';

export type TrainingRecord = Schemas['TrainingRecordResponse'];
export type StaffRequest = Schemas['StaffRequestResponse'];
export type RotationPlan = Schemas['RotationPlanResponse'];
export type Transfer = Schemas['TransferResponse'];
export type ShortageFlag = Schemas['ShortageFlagResponse'];

const OFFICERS: Role[] = ['COUNTY_OFFICER'];
const DECIDERS: Role[] = ['COUNTY_OFFICER', 'PRINCIPAL'];
const FLAG_READERS: Role[] = ['COUNTY_OFFICER', 'PRINCIPAL', 'CITY_OFFICER'];

/** How recent a shortage flag must be to be "new" on the workbench. */
const NEW_FLAG_DAYS = 14;

/**
 * What waits for the signed-in user, each list with its count: training records they may decide, staff requests and
 * rotation plans to decide (county officers), transfers to accept (into their county; blocked ones for the administrator),
 * and shortage flags opened lately. The layout's menu shows the same counts.
 */
export function useWorkbench() {
  const user = useUser();
  const role = user.role;
  const training = useQuery({
    queryKey: ['workbench', 'training'],
    // Newest first: what was just submitted is on top.
    queryFn: async () => {
      const page = await api.get<Page<TrainingRecord>>('/training-records', { decidable: true, pageSize: 500 });
      return { ...page, items: [...page.items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)) };
    },
    enabled: DECIDERS.includes(role),
  });
  const staffRequests = useQuery({
    queryKey: ['workbench', 'staff-requests'],
    queryFn: async () => {
      const page = await api.get<Page<StaffRequest>>('/staff-requests', { status: 'SUBMITTED', pageSize: 500 });
      return { ...page, items: [...page.items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)) };
    },
    enabled: OFFICERS.includes(role),
  });
  const rotationPlans = useQuery({
    queryKey: ['workbench', 'rotation-plans'],
    queryFn: () => api.get<Page<RotationPlan>>('/rotation-plans', { status: 'SUBMITTED', pageSize: 100 }),
    enabled: OFFICERS.includes(role),
  });
  const transfers = useQuery({
    queryKey: ['workbench', 'transfers'],
    queryFn: async () => {
      const status = role === 'PROVINCE_ADMIN' ? 'BLOCKED' : 'PENDING';
      const page = await api.get<Page<Transfer>>('/transfers', { status, pageSize: 100 });
      return role === 'PROVINCE_ADMIN' ? page.items : page.items.filter((transfer) => transfer.toCountyId === user.countyId);
    },
    enabled: role === 'COUNTY_OFFICER' || role === 'PROVINCE_ADMIN',
  });
  const flags = useQuery({
    queryKey: ['workbench', 'flags'],
    queryFn: async () => {
      const page = await api.get<Page<ShortageFlag>>('/shortage-flags', {
        status: 'OPEN',
        pageSize: 100,
        schoolId: role === 'PRINCIPAL' ? user.schoolId : undefined,
      });
      const since = Date.now() - NEW_FLAG_DAYS * 86_400_000;
      return page.items.filter((flag) => Date.parse(flag.openedAt) >= since);
    },
    enabled: FLAG_READERS.includes(role),
  });
  return {
    training: { enabled: DECIDERS.includes(role), items: training.data?.items ?? [], count: training.data?.total ?? 0, loading: training.isLoading },
    staffRequests: {
      enabled: OFFICERS.includes(role),
      items: staffRequests.data?.items ?? [],
      count: staffRequests.data?.total ?? 0,
      loading: staffRequests.isLoading,
    },
    rotationPlans: {
      enabled: OFFICERS.includes(role),
      items: rotationPlans.data?.items ?? [],
      count: rotationPlans.data?.total ?? 0,
      loading: rotationPlans.isLoading,
    },
    transfers: {
      enabled: role === 'COUNTY_OFFICER' || role === 'PROVINCE_ADMIN',
      items: transfers.data ?? [],
      count: transfers.data?.length ?? 0,
      loading: transfers.isLoading,
    },
    flags: { enabled: FLAG_READERS.includes(role), items: flags.data ?? [], count: flags.data?.length ?? 0, loading: flags.isLoading },
  };
}
