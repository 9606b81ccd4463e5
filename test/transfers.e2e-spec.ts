import { account, Client, loginAdmin } from './support/api';
import { eventually } from './support/eventually';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

interface Transfer {
  id: string;
  teacherId: string;
  fromSchoolId: string;
  fromCountyId: string;
  toSchoolId: string;
  toCountyId: string;
  crossCounty: boolean;
  effectiveDate: string;
  status: string;
  poaching: { blocked: boolean; reason: { zh: string; en: string }; policyVersion: string };
  exception: { by: { username: string }; reason: string } | null;
  decision: { by: { username: string }; note: string | null } | null;
  executedAt: string | null;
  postingId: string | null;
  version: number;
}

interface Posting {
  id: string;
  schoolId: string;
  startDate: string;
  endDate: string | null;
  kind: string;
  fraction: number;
}

/**
 * Transfers (调动) through HTTP (docs/rules.md, "Transfers"): within a county executed at once with their
 * postings, across counties pending until the receiving county accepts (the teacher's county then changes),
 * rejected or withdrawn; the anti-poaching rule blocking an outstanding teacher from 苏北 to 苏南 (the
 * attempt kept, audit-logged, the administrators told) and the administrator's exception; every illegal
 * step with its code; each role's reach; bad input; nothing half-written when a posting rule refuses; the
 * notices. Today is 2026-06-01; most transfers take effect on 2026-09-01, ahead.
 */
describe('transfers', () => {
  let t: TestApp;
  let admin: Client;
  let fengxian: Client;
  let peixian: Client;
  let liyang: Client;
  let xuzhou: Client;
  let changzhou: Client;
  let principalA: Client;
  let principalB: Client;
  let chengnan: { id: string };
  let huashan: { id: string };
  let peixianSchool: { id: string };
  let liyangSchool: { id: string };

  const EFFECTIVE = '2026-09-01';

  /** A teacher of 丰县 posted at 城南 since 2015. */
  const teacherAtChengnan = async (overrides: Record<string, unknown> = {}) => {
    const teacher = await createTeacher(fengxian, overrides);
    await createPosting(fengxian, teacher.id, { schoolId: chengnan.id, startDate: '2015-09-01' });
    return teacher;
  };

  const transfer = (client: Client, body: Record<string, unknown>) =>
    client.post('/transfers', { effectiveDate: EFFECTIVE, reason: '夫妻两地分居，调往配偶工作所在地', ...body });

  const transferred = async (client: Client, body: Record<string, unknown>, status: string): Promise<Transfer> => {
    const response = await transfer(client, body);
    expect(response.status).toBe(201);
    expect(response.body.status).toBe(status);
    return response.body as Transfer;
  };

  const postingsOf = async (client: Client, teacherId: string): Promise<Posting[]> => {
    const response = await client.get(`/teachers/${teacherId}/postings`);
    expect(response.status).toBe(200);
    return (response.body.items ?? response.body) as Posting[];
  };

  const noticesOf = async (client: Client, transferId: string): Promise<string[]> => {
    const response = await client.get('/notifications?pageSize=500');
    expect(response.status).toBe(200);
    return (response.body.items as { kind: string; entityId: string }[]).filter((n) => n.entityId === transferId).map((n) => n.kind);
  };

  const auditOf = async (transferId: string) => {
    const response = await admin.get(`/audit?entity=transfer&entityId=${transferId}`);
    expect(response.status).toBe(200);
    return response.body.items as { action: string; after: Record<string, unknown> }[];
  };

  /** Everything a refused transfer could have left behind: transfers, audit entries, the teacher's postings. */
  const footprint = async (teacherId: string) => ({
    transfers: (await admin.get('/transfers?pageSize=1')).body.total as number,
    audit: (await admin.get('/audit?entity=transfer&pageSize=1')).body.total as number,
    postings: await postingsOf(admin, teacherId),
  });

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-06-01', env: { SHORTAGE_RESCAN_DELAY_MS: '3600000' } });
    admin = await loginAdmin(t);
    fengxian = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    peixian = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    liyang = await account(t, admin, { username: 'officer.liyang', role: 'COUNTY_OFFICER', countyId: '320481' });
    xuzhou = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });
    changzhou = await account(t, admin, { username: 'city.changzhou', role: 'CITY_OFFICER', cityId: '320400' });

    chengnan = await createSchool(fengxian, { name: '丰县城南小学' });
    huashan = await createSchool(fengxian, { name: '丰县华山中心小学', location: 'RURAL' });
    peixianSchool = await createSchool(peixian, { name: '沛县实验小学' });
    liyangSchool = await createSchool(liyang, { name: '溧阳实验小学' });

    const headA = await teacherAtChengnan({ name: '王校长', post: 'PRINCIPAL', subject: 'CHINESE' });
    principalA = await account(t, fengxian, { username: 'principal.chengnan', role: 'PRINCIPAL', schoolId: chengnan.id, teacherId: headA.id });
    const headB = await createTeacher(fengxian, { name: '周校长', post: 'PRINCIPAL', subject: 'CHINESE' });
    await createPosting(fengxian, headB.id, { schoolId: huashan.id, startDate: '2012-09-01' });
    principalB = await account(t, fengxian, { username: 'principal.huashan', role: 'PRINCIPAL', schoolId: huashan.id, teacherId: headB.id });
  });
  afterAll(() => t.close());

  describe('within a county', () => {
    it('executes at once: the home posting closes the day before, a regular one opens at the destination, even ahead of the day', async () => {
      const teacher = await teacherAtChengnan({ name: '李老师' });
      const me = await account(t, fengxian, { username: 'teacher.li', role: 'TEACHER', teacherId: teacher.id });
      const done = await transferred(fengxian, { teacherId: teacher.id, toSchoolId: huashan.id }, 'EXECUTED');
      expect(done).toMatchObject({
        teacherId: teacher.id,
        fromSchoolId: chengnan.id,
        fromCountyId: '320321',
        toSchoolId: huashan.id,
        toCountyId: '320321',
        crossCounty: false,
        poaching: { blocked: false, policyVersion: 'jiangsu-2024.1' },
        exception: null,
        decision: null,
      });
      expect(done.executedAt).not.toBeNull();

      const postings = await postingsOf(fengxian, teacher.id);
      expect(postings.map((p) => [p.schoolId, p.startDate, p.endDate, p.kind, p.fraction])).toEqual([
        [chengnan.id, '2015-09-01', '2026-08-31', 'REGULAR', 1],
        [huashan.id, EFFECTIVE, null, 'REGULAR', 1],
      ]);
      expect(postings[1].id).toBe(done.postingId);

      // The teacher and both schools' principals hear of it; the officer who did it does not.
      expect(await noticesOf(me, done.id)).toEqual(['TRANSFER_EXECUTED']);
      expect(await noticesOf(principalA, done.id)).toEqual(['TRANSFER_EXECUTED']);
      expect(await noticesOf(principalB, done.id)).toEqual(['TRANSFER_EXECUTED']);
      expect(await noticesOf(fengxian, done.id)).toEqual([]);
      expect((await auditOf(done.id)).map((e) => e.action)).toEqual(['transfer.request']);
      // The teacher reads their own transfer.
      expect((await me.get(`/transfers/${done.id}`)).body.status).toBe('EXECUTED');
    });

    it('recounts both schools’ headcounts through the queued job when the transfer takes effect today', async () => {
      const from = await createSchool(fengxian, { name: '丰县凤城小学' });
      const to = await createSchool(fengxian, { name: '丰县孙楼小学' });
      const teacher = await createTeacher(fengxian);
      await createPosting(fengxian, teacher.id, { schoolId: from.id, startDate: '2015-09-01' });
      await eventually(async () => expect((await fengxian.get(`/schools/${from.id}`)).body.headcount).toEqual({ onQuota: 1, asOf: t.today }));
      await transferred(fengxian, { teacherId: teacher.id, toSchoolId: to.id, effectiveDate: t.today }, 'EXECUTED');
      await eventually(async () => {
        expect((await fengxian.get(`/schools/${from.id}`)).body.headcount).toEqual({ onQuota: 0, asOf: t.today });
        expect((await fengxian.get(`/schools/${to.id}`)).body.headcount).toEqual({ onQuota: 1, asOf: t.today });
      });
    });

    it('keeps the home posting’s share for a teacher shared with another school', async () => {
      const teacher = await createTeacher(fengxian);
      await createPosting(fengxian, teacher.id, { schoolId: chengnan.id, startDate: '2015-09-01', fraction: 0.5 });
      await createPosting(fengxian, teacher.id, { schoolId: huashan.id, startDate: '2015-09-01', kind: 'SHARED', fraction: 0.5 });
      const done = await transferred(fengxian, { teacherId: teacher.id, toSchoolId: peixianSchool.id }, 'PENDING');
      expect((await peixian.post(`/transfers/${done.id}/accept`)).status).toBe(200);
      const postings = await postingsOf(peixian, teacher.id);
      expect(postings.filter((p) => p.schoolId === peixianSchool.id).map((p) => p.fraction)).toEqual([0.5]);
      expect(postings.find((p) => p.kind === 'SHARED')?.endDate).toBeNull();
    });
  });

  describe('across counties', () => {
    it('waits for the receiving county, whose officer accepts it: postings written, the teacher held by the receiving county', async () => {
      const teacher = await teacherAtChengnan({ name: '赵老师' });
      const me = await account(t, fengxian, { username: 'teacher.zhao', role: 'TEACHER', teacherId: teacher.id });
      const pending = await transferred(fengxian, { teacherId: teacher.id, toSchoolId: peixianSchool.id }, 'PENDING');
      expect(pending).toMatchObject({ crossCounty: true, toCountyId: '320322', executedAt: null, postingId: null });
      expect((await postingsOf(fengxian, teacher.id)).map((p) => p.endDate)).toEqual([null]);
      expect(await noticesOf(peixian, pending.id)).toEqual(['TRANSFER_PENDING']);

      // The sending county and a third county cannot accept: they are told it does not exist.
      for (const client of [fengxian, liyang]) {
        const refused = await client.post(`/transfers/${pending.id}/accept`);
        expect(refused.status).toBe(404);
        expect(refused.body.code).toBe('NOT_FOUND');
      }
      expect((await liyang.get(`/transfers/${pending.id}`)).status).toBe(404);

      const accepted = await peixian.post(`/transfers/${pending.id}/accept`);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'EXECUTED', decision: { by: { username: 'officer.peixian' }, note: null } });
      expect(accepted.body.version).toBe(pending.version + 1);

      // The receiving county now holds the teacher; the sending county no longer sees them, but still sees the transfer.
      expect((await peixian.get(`/teachers/${teacher.id}`)).body.countyId).toBe('320322');
      expect((await fengxian.get(`/teachers/${teacher.id}`)).status).toBe(404);
      expect((await fengxian.get(`/transfers/${pending.id}`)).body.status).toBe('EXECUTED');
      expect((await postingsOf(peixian, teacher.id)).map((p) => [p.schoolId, p.startDate, p.endDate])).toEqual([
        [chengnan.id, '2015-09-01', '2026-08-31'],
        [peixianSchool.id, EFFECTIVE, null],
      ]);
      // The teacher still signs in and reads their own record.
      expect((await me.get(`/teachers/${teacher.id}`)).status).toBe(200);
      expect(await noticesOf(me, pending.id)).toEqual(['TRANSFER_EXECUTED']);
      expect(await noticesOf(principalA, pending.id)).toEqual(['TRANSFER_EXECUTED']);
      expect((await auditOf(pending.id)).map((e) => e.action).sort()).toEqual(['transfer.accept', 'transfer.request']);

      // Each illegal step on an executed transfer answers its own code.
      const again = await peixian.post(`/transfers/${pending.id}/accept`);
      expect([again.status, again.body.code, again.body.details.status]).toEqual([422, 'TRANSFER_NOT_PENDING', 'EXECUTED']);
      const reject = await peixian.post(`/transfers/${pending.id}/reject`, { reason: '不再需要' });
      expect([reject.status, reject.body.code]).toEqual([422, 'TRANSFER_NOT_PENDING']);
      const cancel = await admin.post(`/transfers/${pending.id}/cancel`);
      expect([cancel.status, cancel.body.code]).toEqual([422, 'TRANSFER_NOT_CANCELLABLE']);
      const exception = await admin.post(`/transfers/${pending.id}/exception`, { reason: '特殊情况' });
      expect([exception.status, exception.body.code]).toEqual([422, 'TRANSFER_NOT_BLOCKED']);
    });

    it('is rejected by the receiving county with a reason, and the sending county hears of it', async () => {
      const teacher = await teacherAtChengnan();
      const pending = await transferred(fengxian, { teacherId: teacher.id, toSchoolId: peixianSchool.id }, 'PENDING');
      const bare = await peixian.post(`/transfers/${pending.id}/reject`, { reason: '   ' });
      expect(bare.status).toBe(400);
      expect(Object.keys(bare.body.details.fields)).toEqual(['reason']);
      const rejected = await peixian.post(`/transfers/${pending.id}/reject`, { reason: '本县该学科教师已满编' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'REJECTED', decision: { note: '本县该学科教师已满编' } });
      expect(await noticesOf(fengxian, pending.id)).toEqual(['TRANSFER_REJECTED']);
      expect((await postingsOf(fengxian, teacher.id)).map((p) => p.endDate)).toEqual([null]);
      const accept = await peixian.post(`/transfers/${pending.id}/accept`);
      expect([accept.status, accept.body.code]).toEqual([422, 'TRANSFER_NOT_PENDING']);
    });

    it('is withdrawn by the sending county while pending, not by the receiving one', async () => {
      const teacher = await teacherAtChengnan();
      const pending = await transferred(fengxian, { teacherId: teacher.id, toSchoolId: peixianSchool.id }, 'PENDING');
      expect((await peixian.post(`/transfers/${pending.id}/cancel`)).status).toBe(404);
      const cancelled = await fengxian.post(`/transfers/${pending.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('CANCELLED');
      const again = await fengxian.post(`/transfers/${pending.id}/cancel`);
      expect([again.status, again.body.code]).toEqual([422, 'TRANSFER_NOT_CANCELLABLE']);
      const accept = await peixian.post(`/transfers/${pending.id}/accept`);
      expect([accept.status, accept.body.code]).toEqual([422, 'TRANSFER_NOT_PENDING']);
    });

    it('is refused on acceptance when the receiving county has a teacher with the same staff number (409), leaving it pending', async () => {
      const teacher = await teacherAtChengnan({ staffNo: 'DUP-001' });
      await createTeacher(peixian, { staffNo: 'DUP-001' });
      const pending = await transferred(fengxian, { teacherId: teacher.id, toSchoolId: peixianSchool.id }, 'PENDING');
      const refused = await peixian.post(`/transfers/${pending.id}/accept`);
      expect([refused.status, refused.body.code]).toEqual([409, 'STAFF_NO_TAKEN']);
      expect((await peixian.get(`/transfers/${pending.id}`)).body.status).toBe('PENDING');
      expect((await postingsOf(fengxian, teacher.id)).map((p) => p.endDate)).toEqual([null]);
    });
  });

  describe('the anti-poaching rule', () => {
    it('blocks an outstanding teacher from 苏北 to 苏南: 422 with the reason and the transfer kept BLOCKED, audit-logged, the administrators told', async () => {
      const teacher = await teacherAtChengnan({ name: '钱老师', backbone: 'CITY' });
      const before = await postingsOf(fengxian, teacher.id);
      const refused = await transfer(fengxian, { teacherId: teacher.id, toSchoolId: liyangSchool.id });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('SUBEI_POACHING_BLOCKED');
      expect(refused.body.details).toMatchObject({
        reason: { zh: expect.stringContaining('发达地区不得从苏北抢挖优秀校长和教师'), en: expect.any(String) },
        fromZone: 'SUBEI',
        toZone: 'SUNAN',
        grounds: [{ kind: 'BACKBONE', level: 'CITY', minimum: 'CITY' }],
        transferId: expect.any(String),
      });
      const id = refused.body.details.transferId as string;

      const blocked = (await fengxian.get(`/transfers/${id}`)).body as Transfer;
      expect(blocked).toMatchObject({ status: 'BLOCKED', poaching: { blocked: true, reason: refused.body.details.reason }, executedAt: null });
      expect((await liyang.get(`/transfers?status=BLOCKED`)).body.items.map((x: Transfer) => x.id)).toContain(id);
      const audit = await auditOf(id);
      expect(audit.map((e) => e.action)).toEqual(['transfer.block']);
      expect(audit[0].after).toMatchObject({ status: 'BLOCKED', poachingCheck: { fromZone: 'SUBEI', toZone: 'SUNAN' } });
      expect(await noticesOf(admin, id)).toEqual(['TRANSFER_BLOCKED']);
      expect(await noticesOf(liyang, id)).toEqual([]);
      expect(await postingsOf(fengxian, teacher.id)).toEqual(before);

      // Not pending: the receiving county has nothing to accept.
      const accept = await liyang.post(`/transfers/${id}/accept`);
      expect([accept.status, accept.body.code, accept.body.details.status]).toEqual([422, 'TRANSFER_NOT_PENDING', 'BLOCKED']);

      // Only the province administrator records an exception, with a reason; then it goes on as a new transfer would.
      expect((await fengxian.post(`/transfers/${id}/exception`, { reason: '本人申请' })).status).toBe(403);
      expect((await liyang.post(`/transfers/${id}/exception`, { reason: '本人申请' })).status).toBe(403);
      const bare = await admin.post(`/transfers/${id}/exception`, {});
      expect(bare.status).toBe(400);
      expect(Object.keys(bare.body.details.fields)).toEqual(['reason']);
      const excepted = await admin.post(`/transfers/${id}/exception`, { reason: '经省教育厅研究同意，照顾夫妻分居' });
      expect(excepted.status).toBe(200);
      expect(excepted.body).toMatchObject({
        status: 'PENDING',
        exception: { by: { username: 'admin' }, reason: '经省教育厅研究同意，照顾夫妻分居' },
      });
      const exceptionEntry = (await auditOf(id)).find((e) => e.action === 'transfer.exception');
      expect(exceptionEntry?.after).toMatchObject({ exceptionReason: '经省教育厅研究同意，照顾夫妻分居', status: 'PENDING' });
      expect(await noticesOf(liyang, id)).toEqual(['TRANSFER_PENDING']);
      const again = await admin.post(`/transfers/${id}/exception`, { reason: '再次' });
      expect([again.status, again.body.code]).toEqual([422, 'TRANSFER_NOT_BLOCKED']);

      const accepted = await liyang.post(`/transfers/${id}/accept`);
      expect(accepted.body.status).toBe('EXECUTED');
      expect((await postingsOf(liyang, teacher.id)).map((p) => [p.schoolId, p.startDate, p.endDate])).toEqual([
        [chengnan.id, '2015-09-01', '2026-08-31'],
        [liyangSchool.id, EFFECTIVE, null],
      ]);
    });

    it('blocks a principal too, and a blocked attempt can be withdrawn by the sending county', async () => {
      const head = await teacherAtChengnan({ post: 'VICE_PRINCIPAL' });
      const refused = await transfer(fengxian, { teacherId: head.id, toSchoolId: liyangSchool.id });
      expect([refused.status, refused.body.code]).toEqual([422, 'SUBEI_POACHING_BLOCKED']);
      const cancelled = await fengxian.post(`/transfers/${refused.body.details.transferId}/cancel`);
      expect(cancelled.body.status).toBe('CANCELLED');
    });

    it('lets a teacher who is not outstanding move freely from 苏北 to 苏南, and an outstanding one within 苏北', async () => {
      const ordinary = await teacherAtChengnan({ backbone: 'COUNTY', title: { level: 'FIRST', since: '2016-09-01' } });
      const free = await transferred(fengxian, { teacherId: ordinary.id, toSchoolId: liyangSchool.id }, 'PENDING');
      expect(free.poaching).toMatchObject({ blocked: false, reason: { zh: '该教师不属于优秀校长或教师，不受限制' } });
      const senior = await teacherAtChengnan({ title: { level: 'SENIOR', since: '2020-09-01' } });
      const withinSubei = await transferred(fengxian, { teacherId: senior.id, toSchoolId: peixianSchool.id }, 'PENDING');
      expect(withinSubei.poaching.blocked).toBe(false);
    });
  });

  describe('refusals', () => {
    it('leave nothing behind when a posting rule refuses: no transfer, no audit entry, no posting changed', async () => {
      // At 城南 until a year of support teaching (支教) at 华山 from 2027-09-01: the new open-ended posting would overlap it.
      const teacher = await createTeacher(fengxian, { hireDate: '2008-09-01' });
      await createPosting(fengxian, teacher.id, { schoolId: chengnan.id, startDate: '2015-09-01', endDate: '2027-08-31' });
      await createPosting(fengxian, teacher.id, { schoolId: huashan.id, startDate: '2027-09-01', endDate: '2028-08-31', kind: 'SUPPORT' });
      const before = await footprint(teacher.id);
      const overlap = await transfer(fengxian, { teacherId: teacher.id, toSchoolId: peixianSchool.id });
      expect([overlap.status, overlap.body.code, overlap.body.details.date]).toEqual([422, 'POSTING_OVERLAP', '2027-09-01']);
      const sameSchool = await transfer(fengxian, { teacherId: teacher.id, toSchoolId: chengnan.id });
      expect([sameSchool.status, sameSchool.body.code]).toEqual([422, 'TRANSFER_SAME_SCHOOL']);
      const beforeHire = await transfer(fengxian, { teacherId: teacher.id, toSchoolId: huashan.id, effectiveDate: '2008-08-31' });
      expect([beforeHire.status, beforeHire.body.code]).toEqual([422, 'POSTING_BEFORE_HIRE']);
      expect(await footprint(teacher.id)).toEqual(before);
    });

    it('refuse a teacher not at a school on the effective date', async () => {
      const unposted = await createTeacher(fengxian);
      const refused = await transfer(fengxian, { teacherId: unposted.id, toSchoolId: huashan.id });
      expect([refused.status, refused.body.code]).toEqual([422, 'TRANSFER_NOT_AT_SCHOOL']);
      const leaving = await createTeacher(fengxian);
      await createPosting(fengxian, leaving.id, { schoolId: chengnan.id, startDate: '2015-09-01', endDate: '2026-08-31' });
      expect((await transfer(fengxian, { teacherId: leaving.id, toSchoolId: huashan.id })).body.code).toBe('TRANSFER_NOT_AT_SCHOOL');
    });

    it('answer 400 naming each bad field', async () => {
      const teacher = await teacherAtChengnan();
      const cases: [Record<string, unknown>, string][] = [
        [{ teacherId: teacher.id, toSchoolId: huashan.id, reason: undefined }, 'reason'],
        [{ teacherId: teacher.id, toSchoolId: huashan.id, reason: '  ' }, 'reason'],
        [{ teacherId: teacher.id, toSchoolId: huashan.id, effectiveDate: '2026-02-30' }, 'effectiveDate'],
        [{ toSchoolId: huashan.id }, 'teacherId'],
        [{ teacherId: teacher.id, toSchoolId: huashan.id, fromSchoolId: chengnan.id }, 'fromSchoolId'],
      ];
      for (const [body, field] of cases) {
        const response = await transfer(fengxian, body);
        expect([field, response.status, response.body.code]).toEqual([field, 400, 'VALIDATION_FAILED']);
        expect(Object.keys(response.body.details.fields)).toContain(field);
      }
    });

    it('answer 404 for a teacher of another county or an unknown school, and 403 to roles that do not transfer', async () => {
      const teacher = await teacherAtChengnan();
      expect((await transfer(peixian, { teacherId: teacher.id, toSchoolId: peixianSchool.id })).status).toBe(404);
      expect((await transfer(fengxian, { teacherId: teacher.id, toSchoolId: '01900000-0000-7000-8000-000000000000' })).status).toBe(404);
      for (const client of [principalA, xuzhou]) expect((await transfer(client, { teacherId: teacher.id, toSchoolId: huashan.id })).status).toBe(403);
    });
  });

  describe('two officers at once', () => {
    it('accept a transfer once: one acceptance executes it, the other is told it is no longer pending', async () => {
      const teacher = await teacherAtChengnan();
      const pending = await transferred(fengxian, { teacherId: teacher.id, toSchoolId: peixianSchool.id }, 'PENDING');
      const answers = await Promise.all([peixian.post(`/transfers/${pending.id}/accept`), admin.post(`/transfers/${pending.id}/accept`)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
      expect(answers.find((a) => a.status === 422)?.body.code).toBe('TRANSFER_NOT_PENDING');
      expect((await postingsOf(peixian, teacher.id)).map((p) => [p.schoolId, p.endDate])).toEqual([
        [chengnan.id, '2026-08-31'],
        [peixianSchool.id, null],
      ]);
      expect((await peixian.get(`/transfers/${pending.id}`)).body.version).toBe(pending.version + 1);
    });

    it('transfer one teacher within the county once: the second transfer finds the teacher’s home already moved', async () => {
      const teacher = await teacherAtChengnan();
      const third = await createSchool(fengxian, { name: '丰县顺河小学' });
      const answers = await Promise.all([
        transfer(fengxian, { teacherId: teacher.id, toSchoolId: huashan.id }),
        transfer(admin, { teacherId: teacher.id, toSchoolId: third.id }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
      expect(answers.find((a) => a.status === 422)?.body.code).toBe('TRANSFER_NOT_AT_SCHOOL');
      const postings = await postingsOf(admin, teacher.id);
      expect(postings).toHaveLength(2);
      expect(postings[0]).toMatchObject({ schoolId: chengnan.id, endDate: '2026-08-31' });
    });
  });

  describe('reading', () => {
    it('shows each officer the transfers from or to their reach, a teacher their own, principals none', async () => {
      const all = (await admin.get('/transfers?pageSize=500')).body as { items: Transfer[]; total: number };
      expect(all.total).toBeGreaterThan(5);
      const reach = (client: Client) => client.get('/transfers?pageSize=500').then((r) => (r.body.items as Transfer[]).map((x) => x.id).sort());
      const touching = (counties: string[]) =>
        all.items
          .filter((x) => counties.includes(x.fromCountyId) || counties.includes(x.toCountyId))
          .map((x) => x.id)
          .sort();
      expect(await reach(fengxian)).toEqual(touching(['320321']));
      expect(await reach(liyang)).toEqual(touching(['320481']));
      expect(await reach(xuzhou)).toEqual(touching(['320321', '320322']));
      expect(await reach(changzhou)).toEqual(touching(['320481']));
      expect((await changzhou.get(`/transfers?countyId=320481&status=EXECUTED`)).body.items.every((x: Transfer) => x.status === 'EXECUTED')).toBe(
        true,
      );
      expect((await fengxian.get('/transfers?countyId=320481')).status).toBe(404);
      expect((await fengxian.get('/transfers?status=SOMETHING')).status).toBe(400);
      expect((await principalA.get('/transfers')).status).toBe(403);
      const outside = all.items.find((x) => x.fromCountyId === '320321' && x.toCountyId === '320321');
      expect((await changzhou.get(`/transfers/${outside?.id}`)).status).toBe(404);
    });
  });
});
