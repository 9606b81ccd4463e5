import { Client } from './api';

let sequence = 0;
const next = () => ++sequence;

/** Builds schools, teachers and postings through the API, with sensible defaults any test may override. */
export async function createSchool(
  client: Client,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number; countyId: string; code: string } & Record<string, unknown>> {
  const n = next();
  const response = await client.post('/schools', {
    countyId: client.user.countyId ?? '320321',
    code: `S${n}`,
    name: `测试学校${n}`,
    stage: 'PRIMARY',
    location: 'URBAN',
    weak: false,
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`createSchool answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createTeacher(
  client: Client,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number; countyId: string } & Record<string, unknown>> {
  const n = next();
  const response = await client.post('/teachers', {
    countyId: client.user.countyId ?? '320321',
    staffNo: `T${n}`,
    name: `教师${n}`,
    gender: 'FEMALE',
    birthDate: '1985-05-01',
    hireDate: '2008-09-01',
    onQuota: true,
    subject: 'MATH',
    title: { level: 'FIRST', since: '2016-09-01' },
    backbone: 'NONE',
    psychology: 'NONE',
    post: 'TEACHER',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`createTeacher answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createPosting(
  client: Client,
  teacherId: string,
  body: { schoolId: string; startDate: string; endDate?: string | null; kind?: string; fraction?: number },
): Promise<{ id: string; version: number } & Record<string, unknown>> {
  const response = await client.post(`/teachers/${teacherId}/postings`, { kind: 'REGULAR', ...body });
  if (response.status !== 201) throw new Error(`createPosting answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}
