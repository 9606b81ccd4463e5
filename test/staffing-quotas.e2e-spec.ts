import { QuotaRepository, TransactionHost } from '@app/database';
import { account, Client, loginAdmin } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

interface Pool {
  countyId: string;
  year: number;
  approvedTotal: number | null;
  allocated: number;
  unallocated: number | null;
  version: number | null;
  schools: { schoolId: string; code: string; name: string; allocated: number | null }[];
}

interface Change {
  kind: string;
  previousValue: number | null;
  newValue: number;
  change: number;
  moveId: string | null;
  otherSchoolId: string | null;
  otherSchoolName: string | null;
  reason: string | null;
  actorUsername: string;
}

const YEAR = 2026;

/**
 * The county quota pool through HTTP: approved totals, allocations and moves with their rules (422 codes), the
 * history and the audit entries of every change, nothing half-written when a write fails, each role's reach, bad
 * input; and many officers allocating at the same moment never taking the county over its approved total (proved
 * on MariaDB, where the writes really run at once).
 */
describe('staffing quotas: the county pool', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let neighbour: Client;
  let city: Client;
  let principal: Client;
  let teacher: Client;
  let huashan: { id: string; code: string };
  let huankou: { id: string; code: string };
  let point: { id: string; code: string };
  let peixian: { id: string };

  const pool = async (client: Client = officer, year = YEAR): Promise<Pool> => {
    const response = await client.get(`/counties/320321/quota?year=${year}`);
    expect(response.status).toBe(200);
    return response.body as Pool;
  };
  const allocationOf = async (schoolId: string) => (await pool()).schools.find((s) => s.schoolId === schoolId)?.allocated ?? null;
  const history = async (schoolId: string, client: Client = officer): Promise<Change[]> => {
    const response = await client.get(`/schools/${schoolId}/quota-history?year=${YEAR}`);
    expect(response.status).toBe(200);
    return response.body as Change[];
  };
  const audited = async (action: string): Promise<number> => {
    const response = await officer.get(`/audit?action=${action}&pageSize=1`);
    expect(response.status).toBe(200);
    return response.body.total as number;
  };
  /** What a failed write must leave as it was: the pool, both histories, the audit entries, the quota_change rows. */
  const snapshot = async () => {
    const tx = t.app.get(TransactionHost);
    const [{ changes }] = await tx.manager.query<{ changes: number | string }[]>('SELECT COUNT(*) AS changes FROM quota_change');
    return {
      pool: await pool(),
      huashan: await history(huashan.id),
      huankou: await history(huankou.id),
      audit: { moves: await audited('quota.move'), allocations: await audited('quota.allocate') },
      changes: Number(changes),
    };
  };

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-10-15' });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    neighbour = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });
    huashan = await createSchool(officer, { name: '华山中心小学', location: 'URBAN' });
    huankou = await createSchool(officer, { name: '欢口中心小学', location: 'RURAL' });
    point = await createSchool(officer, { name: '欢口教学点', location: 'RURAL', stage: 'TEACHING_POINT' });
    peixian = await createSchool(neighbour, { name: '沛县实验小学' });
    const head = await createTeacher(officer, { name: '王校长', post: 'PRINCIPAL', subject: 'CHINESE' });
    await createPosting(officer, head.id, { schoolId: huashan.id, startDate: '2016-09-01' });
    principal = await account(t, officer, { username: 'principal.huashan', role: 'PRINCIPAL', schoolId: huashan.id, teacherId: head.id });
    const colleague = await createTeacher(officer, { name: '李老师' });
    await createPosting(officer, colleague.id, { schoolId: huashan.id, startDate: '2019-09-01' });
    teacher = await account(t, officer, { username: 'teacher.li', role: 'TEACHER', teacherId: colleague.id });
  });
  afterAll(() => t.close());

  describe('approved totals and allocations', () => {
    it('lists every school of the county without an allocation before a total is approved', async () => {
      const before = await pool();
      expect(before).toMatchObject({ countyId: '320321', year: YEAR, approvedTotal: null, allocated: 0, unallocated: null, version: null });
      expect(before.schools.map((s) => s.schoolId).sort()).toEqual([huashan.id, huankou.id, point.id].sort());
      expect(before.schools.every((s) => s.allocated === null)).toBe(true);
    });

    it('refuses an allocation before the county has an approved total for the year (422 QUOTA_NOT_APPROVED)', async () => {
      const response = await officer.put(`/schools/${huashan.id}/quota-allocation`, { year: YEAR, allocated: 5 });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('QUOTA_NOT_APPROVED');
      expect(await allocationOf(huashan.id)).toBeNull();
    });

    it('enters the approved total, keeps it in the history and the audit log', async () => {
      const response = await officer.put('/counties/320321/quota', { year: YEAR, approvedTotal: 30, reason: '丰编办〔2026〕12号' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ approvedTotal: 30, allocated: 0, unallocated: 30, version: 1 });
      const audit = await officer.get('/audit?action=quota.approve-total');
      expect(audit.body.items[0]).toMatchObject({
        entity: 'county_quota',
        entityId: '320321',
        before: null,
        after: { countyId: '320321', year: YEAR, approvedTotal: 30, reason: '丰编办〔2026〕12号' },
      });
      // The same total again changes nothing.
      expect((await officer.put('/counties/320321/quota', { year: YEAR, approvedTotal: 30 })).body.version).toBe(1);
      expect(await audited('quota.approve-total')).toBe(1);
    });

    it('allocates within the total, answering the pool after the write', async () => {
      const response = await officer.put(`/schools/${huashan.id}/quota-allocation`, { year: YEAR, allocated: 12 });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        schoolId: huashan.id,
        code: huashan.code,
        name: '华山中心小学',
        countyId: '320321',
        year: YEAR,
        allocated: 12,
        previous: null,
        pool: { approvedTotal: 30, allocated: 12, unallocated: 18 },
      });
    });

    it('refuses an allocation that takes the county over its total (422 QUOTA_POOL_EXCEEDED) and writes nothing', async () => {
      const before = await snapshot();
      const response = await officer.put(`/schools/${huankou.id}/quota-allocation`, { year: YEAR, allocated: 19 });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        code: 'QUOTA_POOL_EXCEEDED',
        details: { approvedTotal: 30, allocated: 12, requested: 19, available: 18 },
      });
      expect(await snapshot()).toEqual(before);
      // Up to the total exactly is allowed.
      expect((await officer.put(`/schools/${huankou.id}/quota-allocation`, { year: YEAR, allocated: 18 })).body.pool).toEqual({
        approvedTotal: 30,
        allocated: 30,
        unallocated: 0,
      });
    });

    it('never lowers the approved total below the allocations (422 QUOTA_BELOW_ALLOCATED)', async () => {
      const response = await officer.put('/counties/320321/quota', { year: YEAR, approvedTotal: 29 });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'QUOTA_BELOW_ALLOCATED', details: { approvedTotal: 29, allocated: 30 } });
      expect((await pool()).approvedTotal).toBe(30);
      expect((await officer.put('/counties/320321/quota', { year: YEAR, approvedTotal: 40 })).body).toMatchObject({ approvedTotal: 40, version: 2 });
    });

    it('keeps each school’s history, newest first, and lowers an allocation whatever the pool', async () => {
      expect((await officer.put(`/schools/${huashan.id}/quota-allocation`, { year: YEAR, allocated: 10, reason: '学生减少' })).body.previous).toBe(
        12,
      );
      expect(await history(huashan.id)).toEqual([
        expect.objectContaining({
          kind: 'ALLOCATION',
          previousValue: 12,
          newValue: 10,
          change: -2,
          reason: '学生减少',
          actorUsername: 'officer.fengxian',
        }),
        expect.objectContaining({ kind: 'ALLOCATION', previousValue: null, newValue: 12, change: 12, reason: null, moveId: null }),
      ]);
      const audit = await officer.get(`/audit?action=quota.allocate&entityId=${huashan.id}`);
      expect(audit.body.total).toBe(2);
      expect(audit.body.items[0]).toMatchObject({ before: { allocated: 12 }, after: { allocated: 10, reason: '学生减少' } });
      // Setting the same allocation again writes nothing.
      await officer.put(`/schools/${huashan.id}/quota-allocation`, { year: YEAR, allocated: 10 });
      expect(await history(huashan.id)).toHaveLength(2);
    });

    it('keeps the years apart: another year has its own total and allocations', async () => {
      expect((await pool(officer, 2027)).approvedTotal).toBeNull();
      expect((await officer.put(`/schools/${huashan.id}/quota-allocation`, { year: 2027, allocated: 1 })).body.code).toBe('QUOTA_NOT_APPROVED');
      expect((await officer.get(`/counties/320321/quota`)).body.year).toBe(2026);
    });
  });

  describe('moves between schools', () => {
    it('moves quota from one school to another as one write, both histories sharing the move', async () => {
      const response = await officer.post('/counties/320321/quota-moves', {
        fromSchoolId: huankou.id,
        toSchoolId: huashan.id,
        amount: 3,
        year: YEAR,
        reason: '乡村学校学生减少',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        countyId: '320321',
        year: YEAR,
        amount: 3,
        reason: '乡村学校学生减少',
        from: { schoolId: huankou.id, allocated: 15 },
        to: { schoolId: huashan.id, allocated: 13 },
        pool: { approvedTotal: 40, allocated: 28, unallocated: 12 },
      });
      const moveId = response.body.moveId as string;
      expect((await history(huankou.id))[0]).toMatchObject({
        kind: 'MOVE_OUT',
        previousValue: 18,
        newValue: 15,
        change: -3,
        moveId,
        otherSchoolId: huashan.id,
        otherSchoolName: '华山中心小学',
      });
      expect((await history(huashan.id))[0]).toMatchObject({
        kind: 'MOVE_IN',
        previousValue: 10,
        newValue: 13,
        change: 3,
        moveId,
        otherSchoolName: '欢口中心小学',
      });
      const audit = await officer.get(`/audit?action=quota.move&entityId=${moveId}`);
      expect(audit.body.items[0]).toMatchObject({ entity: 'quota_move', before: { from: { allocated: 18 }, to: { allocated: 10 } } });
    });

    it('gives a school without an allocation its first one', async () => {
      const response = await officer.post('/counties/320321/quota-moves', {
        fromSchoolId: huashan.id,
        toSchoolId: point.id,
        amount: 4,
        year: YEAR,
        reason: '教学点按班师比',
      });
      expect(response.body).toMatchObject({ from: { allocated: 9 }, to: { allocated: 4 } });
      expect((await history(point.id))[0]).toMatchObject({ kind: 'MOVE_IN', previousValue: null, newValue: 4 });
    });

    it('refuses a move larger than what the school giving holds (422 QUOTA_MOVE_EXCEEDS_ALLOCATION) and changes nothing', async () => {
      const before = await snapshot();
      const response = await officer.post('/counties/320321/quota-moves', {
        fromSchoolId: huashan.id,
        toSchoolId: huankou.id,
        amount: 10,
        year: YEAR,
        reason: '调剂',
      });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'QUOTA_MOVE_EXCEEDS_ALLOCATION', details: { fromAllocated: 9, amount: 10 } });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a school of another county (404) or a year without a total (422 QUOTA_NOT_APPROVED), changing nothing', async () => {
      const before = await snapshot();
      const elsewhere = await officer.post('/counties/320321/quota-moves', {
        fromSchoolId: huashan.id,
        toSchoolId: peixian.id,
        amount: 1,
        year: YEAR,
        reason: '调剂',
      });
      expect(elsewhere.status).toBe(404);
      // Even the administrator cannot move into a school of another county.
      expect(
        (
          await admin.post('/counties/320321/quota-moves', {
            fromSchoolId: peixian.id,
            toSchoolId: huashan.id,
            amount: 1,
            year: YEAR,
            reason: '调剂',
          })
        ).status,
      ).toBe(404);
      const noTotal = await officer.post('/counties/320321/quota-moves', {
        fromSchoolId: huashan.id,
        toSchoolId: huankou.id,
        amount: 1,
        year: 2027,
        reason: '调剂',
      });
      expect(noTotal.body.code).toBe('QUOTA_NOT_APPROVED');
      expect(await snapshot()).toEqual(before);
    });

    it('leaves nothing half-written when the write of the second school fails after the first was written', async () => {
      const before = await snapshot();
      const quotas = t.app.get(QuotaRepository);
      const original = quotas.saveAllocation.bind(quotas);
      let calls = 0;
      const spy = jest.spyOn(quotas, 'saveAllocation').mockImplementation(async (...args) => {
        calls += 1;
        if (calls === 2) throw new Error('the database went away while writing the receiving school');
        return original(...args);
      });
      try {
        // A 500 is what this failure must answer; no route documents one, so the contract check refuses it, naming it.
        await expect(
          officer.post('/counties/320321/quota-moves', { fromSchoolId: huankou.id, toSchoolId: huashan.id, amount: 2, year: YEAR, reason: '调剂' }),
        ).rejects.toThrow(/answered 500[\s\S]*INTERNAL_ERROR/);
        expect(calls).toBe(2);
      } finally {
        spy.mockRestore();
      }
      expect(await snapshot()).toEqual(before);
    });

    it('refuses bad moves with 400, naming the field', async () => {
      const body = { fromSchoolId: huashan.id, toSchoolId: huankou.id, amount: 1, year: YEAR, reason: '调剂' };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...body, toSchoolId: huashan.id }, 'toSchoolId'],
        [{ ...body, amount: 0 }, 'amount'],
        [{ ...body, amount: 1.5 }, 'amount'],
        [{ ...body, reason: undefined }, 'reason'],
        [{ ...body, reason: '   ' }, 'reason'],
        [{ ...body, year: 'next' }, 'year'],
        [{ ...body, fromSchoolId: undefined }, 'fromSchoolId'],
        [{ ...body, extra: true }, 'extra'],
      ];
      for (const [sent, field] of cases) {
        const response = await officer.post('/counties/320321/quota-moves', sent);
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(response.body.details.fields).toHaveProperty(field);
      }
    });
  });

  describe('bad input', () => {
    it.each([
      ['no approvedTotal', { year: YEAR }, 'approvedTotal'],
      ['a negative total', { year: YEAR, approvedTotal: -1 }, 'approvedTotal'],
      ['a fractional total', { year: YEAR, approvedTotal: 10.5 }, 'approvedTotal'],
      ['a total as text', { year: YEAR, approvedTotal: '10' }, 'approvedTotal'],
      ['no year', { approvedTotal: 10 }, 'year'],
      ['the year 1800', { year: 1800, approvedTotal: 10 }, 'year'],
      ['a reason of 501 characters', { year: YEAR, approvedTotal: 10, reason: 'x'.repeat(501) }, 'reason'],
    ])('refuses a county total with %s: 400 naming the field', async (_case, body, field) => {
      const response = await officer.put('/counties/320321/quota', body);
      expect(response.status).toBe(400);
      expect(response.body.details.fields).toHaveProperty(field);
    });

    it.each([
      [{ year: YEAR }, 'allocated'],
      [{ year: YEAR, allocated: -2 }, 'allocated'],
      [{ year: YEAR, allocated: null }, 'allocated'],
      [{ allocated: 2 }, 'year'],
    ])('refuses an allocation %j with 400 naming %s', async (body, field) => {
      const response = await officer.put(`/schools/${huashan.id}/quota-allocation`, body);
      expect(response.status).toBe(400);
      expect(response.body.details.fields).toHaveProperty(field);
    });

    it('refuses a year that is not a whole number in the queries', async () => {
      expect((await officer.get('/counties/320321/quota?year=abc')).body.details.fields).toHaveProperty('year');
      expect((await officer.get(`/schools/${huashan.id}/quota-history?year=2026.5`)).body.details.fields).toHaveProperty('year');
    });
  });

  describe('who reads and writes', () => {
    it('lets city officers read a county of their city and never write (403)', async () => {
      expect((await pool(city)).approvedTotal).toBe(40);
      expect((await city.put('/counties/320321/quota', { year: YEAR, approvedTotal: 50 })).status).toBe(403);
      expect((await city.put(`/schools/${huashan.id}/quota-allocation`, { year: YEAR, allocated: 1 })).status).toBe(403);
      const move = await city.post('/counties/320321/quota-moves', {
        fromSchoolId: huashan.id,
        toSchoolId: huankou.id,
        amount: 1,
        year: YEAR,
        reason: '调剂',
      });
      expect(move.status).toBe(403);
      expect((await city.get(`/schools/${huashan.id}/quota-history`)).status).toBe(200);
      expect((await city.get('/counties/320481/quota')).status).toBe(404);
    });

    it('answers 404 to an officer of another county, for reads and writes alike', async () => {
      expect((await neighbour.get('/counties/320321/quota')).status).toBe(404);
      expect((await neighbour.put('/counties/320321/quota', { year: YEAR, approvedTotal: 100 })).status).toBe(404);
      expect((await neighbour.put(`/schools/${huashan.id}/quota-allocation`, { year: YEAR, allocated: 1 })).status).toBe(404);
      const move = await neighbour.post('/counties/320321/quota-moves', {
        fromSchoolId: huashan.id,
        toSchoolId: huankou.id,
        amount: 1,
        year: YEAR,
        reason: '调剂',
      });
      expect(move.status).toBe(404);
      expect((await neighbour.get(`/schools/${huashan.id}/quota-history`)).status).toBe(404);
      expect((await pool()).approvedTotal).toBe(40);
    });

    it('lets the administrator write any county', async () => {
      expect((await admin.put(`/schools/${point.id}/quota-allocation`, { year: YEAR, allocated: 5 })).body).toMatchObject({
        previous: 4,
        allocated: 5,
      });
      expect((await history(point.id))[0].actorUsername).toBe('admin');
    });

    it('lets a principal read their own school’s history only, and never the pool or a write (403)', async () => {
      expect((await history(huashan.id, principal)).length).toBeGreaterThan(0);
      expect((await principal.get(`/schools/${huankou.id}/quota-history`)).status).toBe(404);
      expect((await principal.get('/counties/320321/quota')).status).toBe(403);
      expect((await principal.put(`/schools/${huashan.id}/quota-allocation`, { year: YEAR, allocated: 30 })).status).toBe(403);
      expect((await principal.put('/counties/320321/quota', { year: YEAR, approvedTotal: 100 })).status).toBe(403);
      const move = await principal.post('/counties/320321/quota-moves', {
        fromSchoolId: huankou.id,
        toSchoolId: huashan.id,
        amount: 1,
        year: YEAR,
        reason: '调剂',
      });
      expect(move.status).toBe(403);
    });

    it('answers 403 to a teacher everywhere', async () => {
      expect((await teacher.get(`/schools/${huashan.id}/quota-history`)).status).toBe(403);
      expect((await teacher.get('/counties/320321/quota')).status).toBe(403);
      expect((await teacher.put(`/schools/${huashan.id}/quota-allocation`, { year: YEAR, allocated: 1 })).status).toBe(403);
    });
  });

  describe('officers writing at the same moment', () => {
    const county = '320322';
    const schools: string[] = [];

    beforeAll(async () => {
      for (let i = 0; i < 24; i++) schools.push((await createSchool(neighbour, { name: `沛县第${i + 1}小学` })).id);
    });

    const sum = async () => {
      const body = (await neighbour.get(`/counties/${county}/quota?year=${YEAR}`)).body as Pool;
      const bySchool = new Map(body.schools.map((s) => [s.schoolId, s.allocated ?? 0]));
      // In the order of `schools` (the pool lists them by code).
      return { approvedTotal: body.approvedTotal, allocated: body.allocated, perSchool: schools.map((id) => bySchool.get(id) ?? 0) };
    };

    it('enters one approved total when two officers enter the first one at once', async () => {
      const second = await account(t, admin, { username: 'officer.peixian.2', role: 'COUNTY_OFFICER', countyId: county });
      const answers = await Promise.all([
        neighbour.put(`/counties/${county}/quota`, { year: YEAR, approvedTotal: 50 }),
        second.put(`/counties/${county}/quota`, { year: YEAR, approvedTotal: 60 }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const after = await sum();
      expect([50, 60]).toContain(after.approvedTotal);
      const [{ totals }] = await t.app
        .get(TransactionHost)
        .manager.query<{ totals: number | string }[]>('SELECT COUNT(*) AS totals FROM county_quota WHERE county_id = ? AND year = ?', [county, YEAR]);
      expect(Number(totals)).toBe(1);
      // The history has the first total and, when the second differed, the change to it: it ends at the total in force.
      const changes = await t.app
        .get(TransactionHost)
        .manager.query<{ new_value: number | string }[]>(
          "SELECT new_value FROM quota_change WHERE county_id = ? AND year = ? AND kind = 'APPROVED_TOTAL' ORDER BY at, id",
          [county, YEAR],
        );
      expect(changes.length).toBe(2);
      expect(Number(changes[1].new_value)).toBe(after.approvedTotal);
      expect((await neighbour.put(`/counties/${county}/quota`, { year: YEAR, approvedTotal: 50 })).status).toBe(200);
    });

    it('never lets allocations fired at once exceed the approved total: exactly as many fit as the total allows', async () => {
      // 24 schools ask for 5 posts each at the same moment, from two officers; the total of 50 has room for 10 of them.
      const other = await account(t, admin, { username: 'officer.peixian.3', role: 'COUNTY_OFFICER', countyId: county });
      const answers = await Promise.all(
        schools.map((schoolId, i) => (i % 2 === 0 ? neighbour : other).put(`/schools/${schoolId}/quota-allocation`, { year: YEAR, allocated: 5 })),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(10);
      expect(statuses.filter((s) => s === 422)).toHaveLength(14);
      expect(answers.filter((a) => a.status === 422).every((a) => a.body.code === 'QUOTA_POOL_EXCEEDED')).toBe(true);
      const after = await sum();
      expect(after).toMatchObject({ approvedTotal: 50, allocated: 50 });
      expect(after.perSchool.filter((allocated) => allocated === 5)).toHaveLength(10);
      const [{ changes }] = await t.app
        .get(TransactionHost)
        .manager.query<{ changes: number | string }[]>("SELECT COUNT(*) AS changes FROM quota_change WHERE county_id = ? AND kind = 'ALLOCATION'", [
          county,
        ]);
      expect(Number(changes)).toBe(10);
    });

    it('keeps the pool whole when moves, allocations and a lower total all arrive at once', async () => {
      const allocatedSchools = (await sum()).perSchool;
      const holders = schools.filter((_, i) => allocatedSchools[i] === 5);
      const empty = schools.filter((_, i) => allocatedSchools[i] === 0);
      const writes = [
        ...holders
          .slice(0, 6)
          .map((from, i) =>
            neighbour.post(`/counties/${county}/quota-moves`, { fromSchoolId: from, toSchoolId: empty[i], amount: 3, year: YEAR, reason: '调剂' }),
          ),
        ...holders.slice(0, 6).map((from, i) =>
          neighbour.post(`/counties/${county}/quota-moves`, {
            fromSchoolId: from,
            toSchoolId: empty[i + 6],
            amount: 3,
            year: YEAR,
            reason: '调剂',
          }),
        ),
        ...empty.slice(12).map((schoolId) => neighbour.put(`/schools/${schoolId}/quota-allocation`, { year: YEAR, allocated: 2 })),
        neighbour.put(`/counties/${county}/quota`, { year: YEAR, approvedTotal: 48 }),
        ...holders.slice(6).map((schoolId) => neighbour.put(`/schools/${schoolId}/quota-allocation`, { year: YEAR, allocated: 1 })),
      ];
      const answers = await Promise.all(writes);
      for (const answer of answers) expect([200, 201, 422]).toContain(answer.status);
      const after = await sum();
      expect(after.approvedTotal === 50 || after.approvedTotal === 48).toBe(true);
      expect(after.allocated).toBeLessThanOrEqual(after.approvedTotal as number);
      expect(after.perSchool.every((allocated) => allocated >= 0)).toBe(true);
      // Each holder gave 3 once at most: the second move of 3 from 5 posts (2 left) must have been refused.
      const moves = answers.slice(0, 12);
      expect(moves.filter((a) => a.status === 201).length).toBeLessThanOrEqual(6);
      // The history adds up to the allocations: Σ (new − previous) over every change of each school = its allocation.
      const rows = await t.app
        .get(TransactionHost)
        .manager.query<{ school_id: string; total: number | string }[]>(
          'SELECT school_id, SUM(new_value - COALESCE(previous_value, 0)) AS total FROM quota_change WHERE county_id = ? AND school_id IS NOT NULL GROUP BY school_id',
          [county],
        );
      const fromHistory = new Map(rows.map((row) => [row.school_id, Number(row.total)]));
      schools.forEach((schoolId, i) => expect(fromHistory.get(schoolId) ?? 0).toBe(after.perSchool[i]));
    });
  });
});
