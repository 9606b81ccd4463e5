import { TransactionHost } from '@app/database';
import { IMPORT_KINDS } from '@app/domain';
import { Notifier } from '@app/notifications';
import { account, Client, loginAdmin, PASSWORD } from '../support/api';
import { createPosting, createSchool, createTeacher } from '../support/factories';
import { TestApp } from '../support/test-app';
import { Random } from '../../seeds/generator/random';

/** A signed-in caller the fuzzer sends requests as. */
interface FuzzRole {
  name: string;
  token: string;
}

/**
 * The test data the fuzzer aims at: real ids for path parameters and id fields (so that requests
 * reach the rules, not only the 404 of an unknown id), and whole values for the fields the
 * OpenAPI document leaves without a shape (the policy's parameters).
 */
export interface FuzzWorld {
  roles: FuzzRole[];
  /** Path segment before `{id}` → ids of that resource (`schools` → school ids). */
  idsByResource: Record<string, string[]>;
  /** Field name → values worth sending (`schoolId` → school ids, `countyId` → division codes). */
  pools: Record<string, unknown[]>;
  /** `Schema.property` → a valid value (or a function making one), used where the document gives no usable shape. */
  examples: Record<string, unknown>;
  staffNos: string[];
}

/**
 * Builds the data through the API, as users would: two counties' schools and teachers with
 * postings and training records, a county officer, a teacher (linked to their record) and the
 * province administrator, all signed in.
 */
export async function createFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const admin = await loginAdmin(t);
  const officer = await account(t, admin, { username: 'officer.fuzz', role: 'COUNTY_OFFICER', countyId: '320321' });
  const neighbour = await account(t, admin, { username: 'officer.fuzz.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });

  const schools = [
    await createSchool(officer, { code: 'FZ-URBAN', location: 'URBAN' }),
    await createSchool(officer, { code: 'FZ-RURAL', location: 'RURAL', stage: 'JUNIOR' }),
    await createSchool(officer, { code: 'FZ-WEAK', location: 'TOWN', weak: true }),
    await createSchool(neighbour, { code: 'PX-1', countyId: '320322' }),
  ];
  const teachers = [
    await createTeacher(officer, { staffNo: 'FZ-T1', hireDate: '2005-09-01', title: { level: 'FIRST', since: '2012-09-01' } }),
    await createTeacher(officer, { staffNo: 'FZ-T2', hireDate: '2018-09-01', title: { level: 'SECOND', since: '2019-09-01' } }),
    await createTeacher(officer, {
      staffNo: 'FZ-T3',
      birthDate: '1972-03-01',
      hireDate: '1995-09-01',
      title: { level: 'SENIOR', since: '2010-09-01' },
      post: 'PRINCIPAL',
    }),
    await createTeacher(neighbour, { staffNo: 'PX-T1', countyId: '320322' }),
  ];
  const postings = [
    await createPosting(officer, teachers[0].id, { schoolId: schools[0].id, startDate: '2005-09-01', endDate: '2019-08-31' }),
    await createPosting(officer, teachers[0].id, { schoolId: schools[1].id, startDate: '2019-09-01', kind: 'ROTATION' }),
    await createPosting(officer, teachers[1].id, { schoolId: schools[2].id, startDate: '2018-09-01', fraction: 0.5 }),
    await createPosting(officer, teachers[2].id, { schoolId: schools[0].id, startDate: '2015-09-01' }),
    await createPosting(neighbour, teachers[3].id, { schoolId: schools[3].id, startDate: '2010-09-01' }),
  ];
  const teacher = await account(t, officer, { username: 'teacher.fuzz', role: 'TEACHER', teacherId: teachers[0].id });
  // Accounts to aim resets and disables at: never the callers' own (their tokens would end, and with them the run's reach).
  const principal = await account(t, officer, { username: 'principal.fuzz', role: 'PRINCIPAL', schoolId: schools[0].id, teacherId: teachers[2].id });
  const colleague = await account(t, officer, { username: 'teacher.fuzz.colleague', role: 'TEACHER', teacherId: teachers[1].id });

  const records: string[] = [];
  for (const [client, teacherId, startDate, category] of [
    [teacher, teachers[0].id, '2026-03-02', 'SCHOOL_BASED'],
    [officer, teachers[0].id, '2026-04-01', 'COUNTY'],
    [officer, teachers[1].id, '2026-05-06', 'PROVINCIAL'],
    [officer, teachers[2].id, '2025-11-03', 'ONLINE'],
  ] as const) {
    const response = await client.post(`/teachers/${teacherId}/training-records`, {
      title: `培训 ${startDate}`,
      provider: '县教师发展中心',
      category,
      hours: 8,
      startDate,
      endDate: startDate,
    });
    if (response.status !== 201) throw new Error(`training record answered ${response.status}: ${JSON.stringify(response.body)}`);
    records.push(response.body.id);
  }
  await officer.post(`/training-records/${records[1]}/approve`);
  await officer.post(`/training-records/${records[3]}/approve`);

  const clusters: string[] = [];
  for (const [kind, name] of [
    ['GROUP', '丰县实验小学教育集团'],
    ['DISTRICT', '华山学区'],
  ] as const) {
    const response = await officer.post('/school-clusters', { countyId: '320321', kind, name });
    if (response.status !== 201) throw new Error(`cluster answered ${response.status}: ${JSON.stringify(response.body)}`);
    clusters.push(response.body.id);
  }
  const exemptions: string[] = [];
  for (const [teacherId, reason, validFrom] of [
    [teachers[0].id, 'ILLNESS', '2026-03-01'],
    [teachers[2].id, 'PREGNANCY', '2025-09-01'],
  ] as const) {
    const response = await officer.post(`/teachers/${teacherId}/rotation-exemptions`, { reason, validFrom, validTo: '2027-08-31' });
    if (response.status !== 201) throw new Error(`rotation exemption answered ${response.status}: ${JSON.stringify(response.body)}`);
    exemptions.push(response.body.id);
  }
  // A quota pool for the school year with two schools allocated, and an enrolment, so that pool writes and staffing reports reach their rules.
  for (const [path, body] of [
    ['/counties/320321/quota', { year: 2026, approvedTotal: 20 }],
    [`/schools/${schools[0].id}/quota-allocation`, { year: 2026, allocated: 8 }],
    [`/schools/${schools[1].id}/quota-allocation`, { year: 2026, allocated: 6 }],
    [`/schools/${schools[0].id}/enrolment`, { schoolYear: 2026, grades: [{ grade: 1, students: 45, classes: 1 }], boarders: 10 }],
  ] as const) {
    const response = await officer.put(path, body);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  // Rotation plans: a draft with an assignment, and one submitted, so that plan writes reach their rules.
  const plans: string[] = [];
  const assignments: string[] = [];
  for (const submit of [false, true]) {
    const created = await officer.post('/rotation-plans', { countyId: '320321', year: 2026 });
    if (created.status !== 201) throw new Error(`rotation plan answered ${created.status}: ${JSON.stringify(created.body)}`);
    plans.push(created.body.id);
    const added = await officer.post(`/rotation-plans/${created.body.id}/assignments`, {
      teacherId: teachers[submit ? 1 : 2].id,
      toSchoolId: schools[1].id,
      startDate: submit ? '2027-09-01' : '2026-09-01',
      mode: submit ? 'DISTRICT' : 'SHARED',
      ...(submit ? {} : { fraction: 0.5 }),
    });
    if (added.status !== 201) throw new Error(`rotation assignment answered ${added.status}: ${JSON.stringify(added.body)}`);
    assignments.push(added.body.id);
    if (submit) await officer.post(`/rotation-plans/${created.body.id}/submit`);
  }
  const transfers = await createTransfers(officer, admin, schools[0].id, schools[1].id, schools[3].id);
  // Registry imports: one that commits (a new school), one with problems; the sync driver has checked them when the request answers.
  const imports: string[] = [];
  for (const csv of [
    'code,name,stage,location,weak\nFZ-IMPORTED,导入学校,PRIMARY,RURAL,否\n',
    'staffNo,schoolCode,startDate,kind\nNOBODY,FZ-URBAN,2020-09-01,常规任教\n',
  ]) {
    const kind = csv.startsWith('code') ? 'schools' : 'postings';
    const sent = await t
      .http()
      .post(`/api/v1/counties/320321/imports?kind=${kind}`)
      .set('Authorization', `Bearer ${officer.token}`)
      .set('Content-Type', 'text/csv')
      .send(csv);
    if (sent.status !== 202) throw new Error(`fuzz world: import answered ${sent.status}`);
    imports.push(sent.body.importId as string);
  }
  const policy = (await admin.get('/policy')).body as { parameters: Record<string, unknown> };
  const notifications = await notifyEveryone(t, [officer, teacher, admin, principal], schools[0].id);
  const users = [principal.user.id, colleague.user.id, neighbour.user.id];

  const schoolIds = schools.map((s) => s.id);
  const teacherIds = teachers.map((s) => s.id);
  const counties = ['320321', '320322', '320481', '320300', '000000'];
  return {
    roles: [
      { name: 'county officer', token: officer.token },
      { name: 'teacher', token: teacher.token },
      { name: 'province administrator', token: admin.token },
    ],
    idsByResource: {
      schools: schoolIds,
      teachers: teacherIds,
      postings: postings.map((p) => p.id),
      'training-records': records,
      'rotation-exemptions': exemptions,
      'rotation-plans': plans,
      assignments,
      transfers,
      notifications,
      counties: ['320321', '320321', ...counties],
      users,
      imports,
      templates: [...IMPORT_KINDS, 'pupils'],
      exports: [...IMPORT_KINDS, 'pupils'],
    },
    pools: {
      countyId: counties,
      cityId: ['320300', '320500', '320321'],
      schoolId: schoolIds,
      fromSchoolId: schoolIds,
      toSchoolId: [...schoolIds].reverse(),
      year: [2026, 2025, 2027],
      approvedTotal: [14, 20, 0],
      allocated: [0, 6, 7, 100],
      amount: [1, 6, 9],
      teacherId: teacherIds,
      teamId: ['team-1', null],
      groupId: [clusters[0], clusters[1]],
      districtId: [clusters[1], clusters[0]],
      actorId: users,
      entityId: [...schoolIds, ...teacherIds],
      staffNo: ['FZ-T1', 'FZ-T2', 'PX-T1', 'FZ-NEW'],
      code: ['FZ-URBAN', 'FZ-NEW', 'PX-1'],
      version: [1, 2, 3],
      username: ['principal.fuzz', 'teacher.fuzz.colleague', 'someone.new'],
      password: [PASSWORD, 'wrong-password-1'],
      entity: ['school', 'teacher', 'posting', 'user', 'training_record', 'policy_version', 'transfer'],
    },
    examples: {
      'CreateTeacherDto.title': { level: 'FIRST', since: '2016-09-01' },
      'UpdateTeacherDto.title': { level: 'SENIOR', since: '2024-09-01' },
      'CreateTeacherDto.extraSubjects': [{ subject: 'PE', fraction: 0.3 }],
      'UpdateTeacherDto.extraSubjects': [{ subject: 'MUSIC', fraction: 0.25 }],
      'PutEnrolmentDto.grades': [
        { grade: 1, students: 45, classes: 1 },
        { grade: 2, students: 90, classes: 2 },
      ],
      'WhatIfDto.postings': [{ schoolId: schoolIds[1], startDate: '2027-09-01', kind: 'ROTATION' }],
      'PublishPolicyDocument.parameters': policy.parameters,
      'PublishPolicyDocument.effectiveFrom': '2027-01-01',
      'PublishPolicyDocument.version': (random: Random) => `fuzz-${random.int(1, 1e9)}.1`,
    },
    staffNos: ['FZ-T1', 'FZ-T2', 'FZ-T3', 'PX-T1'],
  };
}

/**
 * Transfers in each status the fuzzer can act on, of teachers of their own (so that executing one leaves the others' postings
 * alone): one waiting for 沛县, one blocked by the anti-poaching rule on its way to 溧阳 (苏南), one executed within the county.
 */
async function createTransfers(officer: Client, admin: Client, home: string, sameCounty: string, otherCounty: string): Promise<string[]> {
  const sunan = await createSchool(admin, { code: 'LY-1', countyId: '320481' });
  const ids: string[] = [];
  for (const [staffNo, backbone, toSchoolId, status] of [
    ['FZ-T4', 'NONE', otherCounty, 201],
    ['FZ-T5', 'CITY', sunan.id, 422],
    ['FZ-T6', 'NONE', sameCounty, 201],
  ] as const) {
    const moving = await createTeacher(officer, { staffNo, backbone });
    await createPosting(officer, moving.id, { schoolId: home, startDate: '2016-09-01' });
    const response = await officer.post('/transfers', { teacherId: moving.id, toSchoolId, effectiveDate: '2026-09-01', reason: '工作需要' });
    if (response.status !== status) throw new Error(`transfer answered ${response.status}: ${JSON.stringify(response.body)}`);
    ids.push(status === 201 ? response.body.id : response.body.details.transferId);
  }
  return ids;
}

/** A notification for each of `clients` (no endpoint sends any: the Notifier is called as a use case would), and their ids. */
async function notifyEveryone(t: TestApp, clients: Client[], schoolId: string): Promise<string[]> {
  await t.app.get(TransactionHost).run(() =>
    t.app.get(Notifier).notify({
      kind: 'SHORTAGE_FLAG_OPENED',
      params: {
        schoolName: '丰县实验小学',
        shortageKind: 'ZERO_COVERAGE',
        subject: 'PE',
        severity: 'CRITICAL',
        requiredFte: 1.5,
        actualFte: 0,
        gap: 1.5,
        summary: {
          zh: '体育与健康：需 1.5 个专任教师当量，现有 0（缺 1.5）',
          en: 'Physical education: 1.5 full-time equivalents needed, 0 in post (1.5 short)',
        },
        policyVersion: 'jiangsu-2024.1',
      },
      to: clients.map((client) => ({ kind: 'USER' as const, userId: client.user.id })),
      about: { entity: 'shortage_flag', entityId: schoolId, countyId: '320321', schoolId },
      dedupeKey: 'fuzz:notification',
    }),
  );
  const ids: string[] = [];
  for (const client of clients) ids.push(...((await client.get('/notifications')).body as { items: { id: string }[] }).items.map((item) => item.id));
  return ids;
}
