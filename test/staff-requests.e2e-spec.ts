import { randomUUID } from 'node:crypto';
import { SchoolQuotaAllocationEntity, TransactionHost } from '@app/database';
import { account, Client, loginAdmin } from './support/api';
import { eventually } from './support/eventually';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

interface StaffRequest {
  id: string;
  schoolId: string;
  status: string;
  headcount: number;
  coveredFte: number;
  quota: { schoolYear: number; allocated: number | null; onQuotaHeadcount: number; overQuota: boolean };
  decisionNote: string | null;
  version: number;
  flags: { id: string; status: string }[];
  fulfilments: { postingId: string; fraction: number; teacherName: string; kind: string }[];
  history: { event: string; statusAfter: string; actor: { username: string; role: string }; note: string | null; fraction: number | null }[];
}

interface Notice {
  kind: string;
  entityId: string;
  title: { zh: string; en: string };
}

/** Six grades of one class each, 40 pupils a class: 240 pupils. */
const SIX_CLASS_PRIMARY = [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, students: 40, classes: 1 }));

/**
 * Principals' staff requests through HTTP (docs/rules.md, "Staff requests"): asking within and above the
 * allocated quota, citing shortage flags, each role's reach, every transition and every illegal one with
 * its code, fulfilment by postings up to FULFILLED, the notices each step sends, bad input, and nothing
 * half-written when a rule refuses. Today is 2026-05-10; the staff are needed from the 2026 school year.
 */
describe('staff requests', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let colleague: Client;
  let neighbour: Client;
  let city: Client;
  let principal: Client;
  let otherPrincipal: Client;
  let teacher: Client;
  let huashan: { id: string };
  let huankou: { id: string };
  let peixian: { id: string };
  let sharedSince2025: string;

  const NEEDED = '2026-09-01';

  const allocate = (schoolId: string, countyId: string, year: number, allocated: number) =>
    t.app
      .get(TransactionHost)
      .run(() =>
        t.app
          .get(TransactionHost)
          .manager.insert(SchoolQuotaAllocationEntity, { schoolId, countyId, year, allocated, version: 1, updatedAt: new Date() }),
      );

  const ask = (client: Client, schoolId: string, body: Record<string, unknown>) =>
    client.post(`/schools/${schoolId}/staff-requests`, { subject: 'MUSIC', headcount: 1, neededFrom: NEEDED, ...body });

  const asked = async (client: Client, schoolId: string, body: Record<string, unknown>): Promise<StaffRequest> => {
    const response = await ask(client, schoolId, body);
    expect(response.status).toBe(201);
    return response.body as StaffRequest;
  };

  const notices = async (client: Client): Promise<Notice[]> => {
    const response = await client.get('/notifications?pageSize=500');
    expect(response.status).toBe(200);
    return response.body.items as Notice[];
  };
  const noticesOf = async (client: Client, requestId: string) => (await notices(client)).filter((n) => n.entityId === requestId).map((n) => n.kind);

  /** Everything a refused write could have left behind: requests, notices, audit entries. */
  const footprint = async () => ({
    requests: (await officer.get('/staff-requests?pageSize=500')).body.total as number,
    officerNotices: (await notices(officer)).length,
    audit: (await admin.get('/audit?entity=staff_request&pageSize=1')).body.total as number,
  });

  const scan = async () => {
    const started = await officer.post('/shortage-scans', { countyId: '320321' });
    expect(started.status).toBe(202);
    await eventually(async () => expect((await officer.get(`/shortage-scans/${started.body.scanId}`)).body.status).toBe('DONE'));
  };

  const musicTeacher = (overrides: Record<string, unknown> = {}) =>
    createTeacher(officer, { subject: 'MUSIC', hireDate: '2010-09-01', ...overrides });

  beforeAll(async () => {
    // Rescans after a change wait an hour here: only the scans a test asks for run.
    t = await createTestApp({ today: '2026-05-10', env: { SHORTAGE_RESCAN_DELAY_MS: '3600000' } });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    colleague = await account(t, admin, { username: 'officer2.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    neighbour = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });

    huashan = await createSchool(officer, { name: '华山中心小学', location: 'URBAN' });
    huankou = await createSchool(officer, { name: '欢口中心小学', location: 'RURAL' });
    peixian = await createSchool(neighbour, { name: '沛县实验小学', location: 'URBAN' });
    for (const school of [huashan, huankou]) {
      expect((await officer.put(`/schools/${school.id}/enrolment`, { schoolYear: 2025, grades: SIX_CLASS_PRIMARY })).status).toBe(200);
    }

    // 华山's staff on 2026-09-01, fraction-weighted and on quota: the principal 1 + a maths teacher 1 + a music teacher shared at 0.5 = 2.5.
    // A teacher leaving on 2026-08-31 and one off quota do not count.
    const head = await createTeacher(officer, { name: '王校长', post: 'PRINCIPAL', subject: 'CHINESE' });
    await createPosting(officer, head.id, { schoolId: huashan.id, startDate: '2016-09-01' });
    const maths = await createTeacher(officer, { name: '李老师', subject: 'MATH' });
    await createPosting(officer, maths.id, { schoolId: huashan.id, startDate: '2019-09-01' });
    const shared = await musicTeacher({ name: '赵老师' });
    sharedSince2025 = (await createPosting(officer, shared.id, { schoolId: huashan.id, startDate: '2025-09-01', kind: 'SHARED', fraction: 0.5 })).id;
    await createPosting(officer, shared.id, { schoolId: huankou.id, startDate: '2025-09-01', kind: 'REGULAR', fraction: 0.5 });
    const leaving = await createTeacher(officer, { name: '钱老师', subject: 'ENGLISH' });
    await createPosting(officer, leaving.id, { schoolId: huashan.id, startDate: '2018-09-01', endDate: '2026-08-31' });
    const offQuota = await createTeacher(officer, { name: '孙老师', subject: 'PE', onQuota: false });
    await createPosting(officer, offQuota.id, { schoolId: huashan.id, startDate: '2020-09-01' });
    await allocate(huashan.id, '320321', 2026, 4);
    // The quota of the school year before does not apply to staff needed from September.
    await allocate(huashan.id, '320321', 2025, 100);

    principal = await account(t, officer, { username: 'principal.huashan', role: 'PRINCIPAL', schoolId: huashan.id, teacherId: head.id });
    const otherHead = await createTeacher(officer, { name: '周校长', post: 'PRINCIPAL', subject: 'CHINESE' });
    await createPosting(officer, otherHead.id, { schoolId: huankou.id, startDate: '2015-09-01' });
    otherPrincipal = await account(t, officer, { username: 'principal.huankou', role: 'PRINCIPAL', schoolId: huankou.id, teacherId: otherHead.id });
    teacher = await account(t, officer, { username: 'teacher.li', role: 'TEACHER', teacherId: maths.id });
  });
  afterAll(() => t.close());

  describe('asking', () => {
    it('lets a principal ask for their school within its quota without a reason, recording the quota check and the history', async () => {
      // 2.5 on quota on 2026-09-01 + 1 = 3.5 ≤ 4 allocated for school year 2026.
      const request = await asked(principal, huashan.id, {});
      expect(request).toMatchObject({
        schoolId: huashan.id,
        status: 'SUBMITTED',
        headcount: 1,
        coveredFte: 0,
        reason: null,
        quota: { schoolYear: 2026, allocated: 4, onQuotaHeadcount: 2.5, overQuota: false },
        submittedBy: { userId: principal.user.id, username: 'principal.huashan' },
        decidedBy: null,
        flags: [],
        fulfilments: [],
        version: 1,
      });
      expect(request.history).toEqual([
        expect.objectContaining({
          event: 'SUBMITTED',
          statusAfter: 'SUBMITTED',
          actor: expect.objectContaining({ username: 'principal.huashan', role: 'PRINCIPAL' }),
        }),
      ]);
      expect((await officer.get(`/staff-requests/${request.id}`)).body).toEqual(request);
    });

    it('tells every officer of the county of a new request, once each, and nobody else', async () => {
      const request = await asked(principal, huashan.id, { subject: 'PE', reason: '体育课由班主任兼上' });
      for (const client of [officer, colleague]) expect(await noticesOf(client, request.id)).toEqual(['STAFF_REQUEST_SUBMITTED']);
      for (const client of [neighbour, principal, otherPrincipal, teacher, city]) expect(await noticesOf(client, request.id)).toEqual([]);
      const notice = (await notices(officer)).find((n) => n.entityId === request.id) as Notice;
      expect(notice.title).toEqual({
        zh: '新的补充教师申请：华山中心小学 · 体育与健康 1 人',
        en: 'New staff request: 华山中心小学 · Physical education × 1',
      });
    });

    it('asks a request above the allocated quota for a reason of at least 10 characters (422 JUSTIFICATION_REQUIRED), fraction-weighted', async () => {
      const before = await footprint();
      // 2.5 + 2 = 4.5 > 4.
      for (const reason of [undefined, '', '缺两名音乐老师']) {
        const response = await ask(principal, huashan.id, { headcount: 2, ...(reason === undefined ? {} : { reason }) });
        expect(response.status).toBe(422);
        expect(response.body).toMatchObject({
          code: 'JUSTIFICATION_REQUIRED',
          details: { schoolYear: 2026, allocated: 4, onQuotaHeadcount: 2.5, requested: 2, minReasonLength: 10 },
        });
      }
      expect(await footprint()).toEqual(before);
      const request = await asked(principal, huashan.id, { headcount: 2, reason: '  全校无专职音乐教师，音乐课由语文教师兼任  ' });
      expect(request).toMatchObject({
        reason: '全校无专职音乐教师，音乐课由语文教师兼任',
        quota: { overQuota: true, onQuotaHeadcount: 2.5, allocated: 4 },
      });
      expect(request.history[0].note).toBe('全校无专职音乐教师，音乐课由语文教师兼任');
    });

    it('treats a school with no allocation recorded for the year as having no quota to fill: every request says why', async () => {
      const refused = await ask(otherPrincipal, huankou.id, { subject: 'PE', reason: '缺体育老师' });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'JUSTIFICATION_REQUIRED', details: { allocated: null, schoolYear: 2026 } });
      expect(refused.body.message).toMatch(/No quota is allocated/);
      const request = await asked(otherPrincipal, huankou.id, { subject: 'PE', reason: '全校没有体育教师，体育课开不出来' });
      expect(request.quota).toEqual({ schoolYear: 2026, allocated: null, onQuotaHeadcount: 1.5, overQuota: true });
    });

    it('lets only principals ask, each for their own school', async () => {
      expect((await ask(otherPrincipal, huashan.id, {})).status).toBe(404);
      expect((await ask(principal, randomUUID(), {})).status).toBe(404);
      for (const client of [officer, teacher, city, admin]) {
        const response = await ask(client, huashan.id, {});
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('FORBIDDEN');
      }
    });

    it('answers bad input with 400 naming each field, and writes nothing', async () => {
      const before = await footprint();
      const cases: [Record<string, unknown>, string][] = [
        [{ subject: 'ASTRONOMY' }, 'subject'],
        [{ subject: undefined }, 'subject'],
        [{ headcount: 0 }, 'headcount'],
        [{ headcount: 1.5 }, 'headcount'],
        [{ headcount: 101 }, 'headcount'],
        [{ neededFrom: '2026-02-30' }, 'neededFrom'],
        [{ neededFrom: '2026-05-09' }, 'neededFrom'],
        [{ reason: 'x'.repeat(1001) }, 'reason'],
        [{ flagIds: 'abc' }, 'flagIds'],
        [{ flagIds: ['a', 'a'] }, 'flagIds'],
        [{ priority: 'HIGH' }, 'priority'],
      ];
      for (const [body, field] of cases) {
        const response = await ask(principal, huashan.id, body);
        expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
        expect(Object.keys(response.body.details.fields)).toContain(field);
      }
      expect(await footprint()).toEqual(before);
    });
  });

  describe('citing shortage flags', () => {
    let mine: { id: string };
    let theirs: { id: string };

    beforeAll(async () => {
      await scan();
      const open = async (client: Client, schoolId: string) =>
        (await client.get(`/shortage-flags?schoolId=${schoolId}&status=OPEN&pageSize=500`)).body.items as {
          id: string;
          subject: string | null;
          kind: string;
        }[];
      mine = (await open(principal, huashan.id))[0];
      theirs = (await open(officer, huankou.id)).find((flag) => flag.subject === 'PE' && flag.kind === 'ZERO_COVERAGE') as { id: string };
      expect(mine).toBeDefined();
      expect(theirs).toBeDefined();
    });

    it('keeps the open flags of the school a request cites, as they stand', async () => {
      const request = await asked(principal, huashan.id, { flagIds: [mine.id] });
      expect(request.flags).toEqual([expect.objectContaining({ id: mine.id, status: 'OPEN' })]);
      expect((await officer.get(`/staff-requests/${request.id}`)).body.flags).toEqual(request.flags);
    });

    it('refuses a flag of another school and an id that names no flag alike (422 FLAG_NOT_OF_SCHOOL), writing nothing', async () => {
      const before = await footprint();
      for (const flagIds of [[theirs.id], [mine.id, randomUUID()]]) {
        const response = await ask(principal, huashan.id, { flagIds });
        expect(response.status).toBe(422);
        expect(response.body.code).toBe('FLAG_NOT_OF_SCHOOL');
      }
      expect(await footprint()).toEqual(before);
    });

    it('refuses a flag resolved since (422 FLAG_NOT_OPEN)', async () => {
      // A PE teacher posted to 欢口 since last September: the next scan resolves its PE flag.
      const pe = await createTeacher(officer, { name: '吴老师', subject: 'PE' });
      await createPosting(officer, pe.id, { schoolId: huankou.id, startDate: '2025-09-01' });
      await scan();
      expect((await officer.get(`/shortage-flags/${theirs.id}`)).body.status).toBe('RESOLVED');
      const response = await ask(otherPrincipal, huankou.id, { subject: 'PE', reason: '体育教师只有一名，课时量过大', flagIds: [theirs.id] });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'FLAG_NOT_OPEN', details: { flagIds: [theirs.id] } });
    });
  });

  describe('who reads what', () => {
    let ours: StaffRequest;
    let theirs: StaffRequest;

    beforeAll(async () => {
      ours = await asked(principal, huashan.id, { subject: 'ENGLISH' });
      theirs = await asked(otherPrincipal, huankou.id, { subject: 'ENGLISH', reason: '英语教师调走后一直空缺' });
    });

    it('gives a principal their own school’s requests only', async () => {
      const list = (await principal.get('/staff-requests?pageSize=500')).body;
      expect(list.total).toBeGreaterThan(0);
      expect(new Set((list.items as StaffRequest[]).map((r) => r.schoolId))).toEqual(new Set([huashan.id]));
      expect((await principal.get(`/staff-requests/${theirs.id}`)).status).toBe(404);
      expect((await principal.get(`/staff-requests?schoolId=${huankou.id}`)).status).toBe(404);
      expect((await principal.get(`/staff-requests/${ours.id}`)).status).toBe(200);
    });

    it('gives the county’s officers and the city’s officer the county’s requests, newest first, filtered', async () => {
      for (const client of [officer, city, admin]) {
        const list = (await client.get(`/staff-requests?countyId=320321&pageSize=500`)).body;
        const ids = (list.items as StaffRequest[]).map((r) => r.id);
        expect(ids).toContain(ours.id);
        expect(ids).toContain(theirs.id);
        expect(ids.indexOf(theirs.id)).toBeLessThan(ids.indexOf(ours.id));
      }
      const atHuankou = (await officer.get(`/staff-requests?schoolId=${huankou.id}&status=SUBMITTED&pageSize=500`)).body.items as StaffRequest[];
      expect(atHuankou.length).toBeGreaterThan(0);
      expect(atHuankou.every((r) => r.schoolId === huankou.id && r.status === 'SUBMITTED')).toBe(true);
      const page = (await officer.get('/staff-requests?pageSize=1&page=2')).body;
      expect(page).toMatchObject({ page: 2, pageSize: 1 });
      expect(page.items).toHaveLength(1);
    });

    it('answers 404 to another county’s officer and 403 to a teacher', async () => {
      expect((await neighbour.get(`/staff-requests/${ours.id}`)).status).toBe(404);
      expect((await neighbour.get('/staff-requests?countyId=320321')).status).toBe(404);
      expect((await neighbour.get('/staff-requests')).body.total).toBe(0);
      expect((await teacher.get('/staff-requests')).status).toBe(403);
      expect((await teacher.get(`/staff-requests/${ours.id}`)).status).toBe(403);
      expect((await officer.get(`/staff-requests/${randomUUID()}`)).status).toBe(404);
      expect((await officer.get('/staff-requests?status=OPEN')).status).toBe(400);
    });
  });

  describe('deciding and cancelling', () => {
    it('lets a county officer approve a submitted request, once: the principal hears of it', async () => {
      const request = await asked(principal, huashan.id, { subject: 'SCIENCE' });
      const response = await officer.post(`/staff-requests/${request.id}/decision`, { decision: 'APPROVE', note: '同意，秋季由城区学校交流' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'APPROVED',
        decidedBy: { userId: officer.user.id, username: 'officer.fengxian' },
        decisionNote: '同意，秋季由城区学校交流',
        version: 2,
      });
      expect((response.body as StaffRequest).history.map((h) => [h.event, h.statusAfter])).toEqual([
        ['SUBMITTED', 'SUBMITTED'],
        ['APPROVED', 'APPROVED'],
      ]);
      expect(await noticesOf(principal, request.id)).toEqual(['STAFF_REQUEST_APPROVED']);
      expect(await noticesOf(officer, request.id)).toEqual(['STAFF_REQUEST_SUBMITTED']);

      for (const decision of ['APPROVE', 'REJECT']) {
        const again = await colleague.post(`/staff-requests/${request.id}/decision`, { decision, note: '再次审批' });
        expect(again.status).toBe(422);
        expect(again.body).toMatchObject({ code: 'STAFF_REQUEST_ALREADY_DECIDED', details: { status: 'APPROVED' } });
      }
      const cancel = await principal.post(`/staff-requests/${request.id}/cancel`);
      expect(cancel.status).toBe(422);
      expect(cancel.body.code).toBe('STAFF_REQUEST_ALREADY_DECIDED');
      expect((await officer.get(`/staff-requests/${request.id}`)).body).toMatchObject({ status: 'APPROVED', version: 2 });
    });

    it('asks a rejection to say why (400 naming note), then rejects for good', async () => {
      const request = await asked(principal, huashan.id, { subject: 'FINE_ARTS' });
      for (const body of [{ decision: 'REJECT' }, { decision: 'REJECT', note: '   ' }]) {
        const response = await officer.post(`/staff-requests/${request.id}/decision`, body);
        expect(response.status).toBe(400);
        expect(Object.keys(response.body.details.fields)).toEqual(['note']);
      }
      const rejected = await officer.post(`/staff-requests/${request.id}/decision`, {
        decision: 'REJECT',
        note: '本学年编制已满，请与集团内学校走教共享',
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionNote: '本学年编制已满，请与集团内学校走教共享' });
      expect(await noticesOf(principal, request.id)).toEqual(['STAFF_REQUEST_REJECTED']);
      const again = await officer.post(`/staff-requests/${request.id}/decision`, { decision: 'APPROVE' });
      expect(again.body).toMatchObject({ code: 'STAFF_REQUEST_ALREADY_DECIDED', details: { status: 'REJECTED' } });
      expect((await principal.post(`/staff-requests/${request.id}/cancel`)).body.code).toBe('STAFF_REQUEST_ALREADY_DECIDED');
      const fulfil = await officer.post(`/staff-requests/${request.id}/fulfilments`, { postingId: randomUUID() });
      expect(fulfil.status).toBe(422);
      expect(fulfil.body.code).toBe('STAFF_REQUEST_NOT_APPROVED');
    });

    it('lets only the county’s officers decide: 403 to principals, teachers and city officers, 404 to another county', async () => {
      const request = await asked(principal, huashan.id, { subject: 'HISTORY' });
      for (const client of [principal, teacher, city]) {
        expect((await client.post(`/staff-requests/${request.id}/decision`, { decision: 'APPROVE' })).status).toBe(403);
      }
      expect((await neighbour.post(`/staff-requests/${request.id}/decision`, { decision: 'APPROVE' })).status).toBe(404);
      const bad = await officer.post(`/staff-requests/${request.id}/decision`, { decision: 'MAYBE' });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details.fields)).toEqual(['decision']);
      expect((await officer.post(`/staff-requests/${request.id}/decision`, { decision: 'APPROVE', extra: 1 })).status).toBe(400);
      expect((await officer.get(`/staff-requests/${request.id}`)).body).toMatchObject({ status: 'SUBMITTED', version: 1 });
    });

    it('lets the school’s principal cancel before a decision: the officers hear of it; a cancelled request takes nothing more', async () => {
      const request = await asked(principal, huashan.id, { subject: 'GEOGRAPHY' });
      expect((await otherPrincipal.post(`/staff-requests/${request.id}/cancel`)).status).toBe(404);
      for (const client of [officer, teacher, admin]) expect((await client.post(`/staff-requests/${request.id}/cancel`)).status).toBe(403);
      const cancelled = await principal.post(`/staff-requests/${request.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancelledAt: expect.any(String), decidedBy: null });
      expect((cancelled.body as StaffRequest).history.map((h) => h.event)).toEqual(['SUBMITTED', 'CANCELLED']);
      expect(await noticesOf(officer, request.id)).toEqual(['STAFF_REQUEST_CANCELLED', 'STAFF_REQUEST_SUBMITTED']);

      const again = await principal.post(`/staff-requests/${request.id}/cancel`);
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('STAFF_REQUEST_CANCELLED');
      const decide = await officer.post(`/staff-requests/${request.id}/decision`, { decision: 'APPROVE' });
      expect(decide.status).toBe(422);
      expect(decide.body.code).toBe('STAFF_REQUEST_CANCELLED');
      expect((await officer.post(`/staff-requests/${request.id}/fulfilments`, { postingId: randomUUID() })).body.code).toBe(
        'STAFF_REQUEST_CANCELLED',
      );
    });

    it('writes each decision in the audit log with the state before and after', async () => {
      const request = await asked(principal, huashan.id, { subject: 'BIOLOGY' });
      await officer.post(`/staff-requests/${request.id}/decision`, { decision: 'APPROVE' });
      const entries = (await admin.get(`/audit?entity=staff_request&entityId=${request.id}`)).body.items as {
        action: string;
        before: { status: string } | null;
        after: { status: string };
      }[];
      expect(entries.map((e) => [e.action, e.before?.status ?? null, e.after.status]).sort()).toEqual([
        ['staff_request.approve', 'SUBMITTED', 'APPROVED'],
        ['staff_request.submit', null, 'SUBMITTED'],
      ]);
    });
  });

  describe('two officers at once', () => {
    it('decide a request once: one decision wins, the other is told it was decided', async () => {
      const request = await asked(principal, huashan.id, { subject: 'CHEMISTRY' });
      const answers = await Promise.all([
        officer.post(`/staff-requests/${request.id}/decision`, { decision: 'APPROVE' }),
        colleague.post(`/staff-requests/${request.id}/decision`, { decision: 'REJECT', note: '本学年不再增加化学教师' }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
      expect(answers.find((a) => a.status === 422)?.body.code).toBe('STAFF_REQUEST_ALREADY_DECIDED');
      const stored = (await officer.get(`/staff-requests/${request.id}`)).body as StaffRequest;
      expect(stored.history.map((h) => h.event)).toEqual(['SUBMITTED', answers[0].status === 200 ? 'APPROVED' : 'REJECTED']);
      expect(stored.version).toBe(2);
      expect(await noticesOf(principal, request.id)).toHaveLength(1);
    });

    it('record two postings that each cover the headcount: the first fulfils the request, the second is told', async () => {
      const request = await asked(principal, huashan.id, { subject: 'PHYSICS' });
      await officer.post(`/staff-requests/${request.id}/decision`, { decision: 'APPROVE' });
      const postings = [];
      for (let i = 0; i < 2; i++) {
        postings.push(
          await createPosting(officer, (await createTeacher(officer, { subject: 'PHYSICS' })).id, { schoolId: huashan.id, startDate: NEEDED }),
        );
      }
      const answers = await Promise.all([
        officer.post(`/staff-requests/${request.id}/fulfilments`, { postingId: postings[0].id }),
        colleague.post(`/staff-requests/${request.id}/fulfilments`, { postingId: postings[1].id }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
      expect(answers.find((a) => a.status === 422)?.body.code).toBe('STAFF_REQUEST_ALREADY_FULFILLED');
      const stored = (await officer.get(`/staff-requests/${request.id}`)).body as StaffRequest;
      expect(stored).toMatchObject({ status: 'FULFILLED', coveredFte: 1 });
      expect(stored.fulfilments).toHaveLength(1);
      expect(await noticesOf(principal, request.id)).toEqual(['STAFF_REQUEST_FULFILLED', 'STAFF_REQUEST_APPROVED']);
    });
  });

  describe('fulfilment', () => {
    let request: StaffRequest;

    beforeAll(async () => {
      request = await asked(principal, huashan.id, { subject: 'MUSIC', reason: '音乐教师仅有一名走教教师' });
      const early = await officer.post(`/staff-requests/${request.id}/fulfilments`, { postingId: randomUUID() });
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('STAFF_REQUEST_NOT_APPROVED');
      expect((await officer.post(`/staff-requests/${request.id}/decision`, { decision: 'APPROVE' })).status).toBe(200);
    });

    const record = (client: Client, postingId: string) => client.post(`/staff-requests/${request.id}/fulfilments`, { postingId });

    it('refuses postings that do not bring a teacher of the subject to the school from the request on, each with its code', async () => {
      const before = await footprint();
      const elsewhere = await createPosting(officer, (await musicTeacher()).id, { schoolId: huankou.id, startDate: '2026-09-01' });
      // Music teachers already at the school when the request was made: the shared one since 2025, another since March.
      const old = await createPosting(officer, (await musicTeacher()).id, { schoolId: huashan.id, startDate: '2026-03-01' });
      const summerOnly = await createPosting(officer, (await musicTeacher()).id, {
        schoolId: huashan.id,
        startDate: '2026-06-01',
        endDate: '2026-08-31',
      });
      const maths = await createPosting(officer, (await createTeacher(officer, { subject: 'MATH' })).id, {
        schoolId: huashan.id,
        startDate: '2026-09-01',
      });
      const cases: [string, string][] = [
        [elsewhere.id, 'POSTING_NOT_AT_SCHOOL'],
        [sharedSince2025, 'POSTING_PREDATES_REQUEST'],
        [old.id, 'POSTING_PREDATES_REQUEST'],
        [summerOnly.id, 'POSTING_ENDS_BEFORE_NEEDED'],
        [maths.id, 'POSTING_SUBJECT_MISMATCH'],
      ];
      for (const [postingId, code] of cases) {
        const response = await record(officer, postingId);
        expect({ code, status: response.status, answered: response.body.code }).toEqual({ code, status: 422, answered: code });
      }
      expect(await footprint()).toEqual(before);
      expect((await officer.get(`/staff-requests/${request.id}`)).body).toMatchObject({ status: 'APPROVED', coveredFte: 0, fulfilments: [] });
    });

    it('answers 404 for a posting out of reach, 403 to those who may not record, 400 without a posting', async () => {
      const theirTeacher = await createTeacher(neighbour, { subject: 'MUSIC' });
      const theirs = await createPosting(neighbour, theirTeacher.id, { schoolId: peixian.id, startDate: '2026-09-01' });
      expect((await record(officer, theirs.id)).status).toBe(404);
      expect((await record(officer, randomUUID())).status).toBe(404);
      expect((await record(neighbour, theirs.id)).status).toBe(404);
      for (const client of [principal, teacher, city]) expect((await record(client, theirs.id)).status).toBe(403);
      const missing = await officer.post(`/staff-requests/${request.id}/fulfilments`, {});
      expect(missing.status).toBe(400);
      expect(Object.keys(missing.body.details.fields)).toEqual(['postingId']);
    });

    it('counts a shared posting’s fraction, then a new hire’s, and fulfils the request once they cover the headcount', async () => {
      const sharer = await musicTeacher({ name: '郑老师' });
      const shared = await createPosting(officer, sharer.id, {
        schoolId: huashan.id,
        startDate: '2026-09-01',
        endDate: '2027-07-15',
        kind: 'SHARED',
        fraction: 0.5,
      });
      const partly = await record(officer, shared.id);
      expect(partly.status).toBe(201);
      expect(partly.body).toMatchObject({ status: 'APPROVED', coveredFte: 0.5, fulfilledAt: null });
      expect(partly.body.fulfilments).toEqual([
        expect.objectContaining({
          postingId: shared.id,
          teacherName: '郑老师',
          kind: 'SHARED',
          fraction: 0.5,
          startDate: '2026-09-01',
          endDate: '2027-07-15',
        }),
      ]);
      expect(await noticesOf(principal, request.id)).toEqual(['STAFF_REQUEST_APPROVED']);

      const twice = await record(colleague, shared.id);
      expect(twice.status).toBe(422);
      expect(twice.body).toMatchObject({ code: 'POSTING_ALREADY_COUNTED', details: { staffRequestId: request.id } });

      // A teacher of Chinese who also teaches music (一专多能), hired for the new school year.
      const hire = await createTeacher(officer, {
        name: '冯老师',
        subject: 'CHINESE',
        hireDate: '2026-08-20',
        extraSubjects: [{ subject: 'MUSIC', fraction: 0.4 }],
      });
      const hired = await createPosting(officer, hire.id, { schoolId: huashan.id, startDate: '2026-08-25' });
      const done = await record(colleague, hired.id);
      expect(done.status).toBe(201);
      expect(done.body).toMatchObject({ status: 'FULFILLED', coveredFte: 1.5, fulfilledAt: expect.any(String) });
      expect((done.body as StaffRequest).history.map((h) => [h.event, h.statusAfter, h.fraction])).toEqual([
        ['SUBMITTED', 'SUBMITTED', null],
        ['APPROVED', 'APPROVED', null],
        ['FULFILMENT_RECORDED', 'APPROVED', 0.5],
        ['FULFILMENT_RECORDED', 'FULFILLED', 1],
      ]);
      expect(await noticesOf(principal, request.id)).toEqual(['STAFF_REQUEST_FULFILLED', 'STAFF_REQUEST_APPROVED']);
      // The officer who recorded it is not told what they did.
      expect(await noticesOf(colleague, request.id)).toEqual(['STAFF_REQUEST_SUBMITTED']);

      const more = await record(
        officer,
        (await createPosting(officer, (await musicTeacher()).id, { schoolId: huashan.id, startDate: '2026-09-01' })).id,
      );
      expect(more.status).toBe(422);
      expect(more.body.code).toBe('STAFF_REQUEST_ALREADY_FULFILLED');
      const fulfilled = (await principal.get(`/staff-requests?status=FULFILLED&pageSize=500`)).body.items as StaffRequest[];
      expect(fulfilled.map((r) => r.id)).toContain(request.id);
      expect(fulfilled.every((r) => r.status === 'FULFILLED')).toBe(true);
    });
  });
});
