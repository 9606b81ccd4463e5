import { DataSource } from 'typeorm';
import { account, Client, loginAdmin } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

interface Candidate {
  teacherId: string;
  name: string;
  subject: string;
  schoolId: string;
  schoolName: string | null;
  yearsAtSchool: number;
  since: string;
  backbone: string;
  countsAsBackbone: boolean;
}

interface Exempt extends Candidate {
  reason: string;
  exemptions: {
    kind: string;
    exemptionId: string | null;
    reason: string | null;
    note: string | null;
    validFrom: string | null;
    validTo: string | null;
  }[];
}

interface Candidates {
  countyId: string;
  year: number;
  referenceDate: string;
  eligible: Candidate[];
  exempt: Exempt[];
  notEligibleCount: number;
  targets: {
    eligibleCount: number;
    minRotating: number;
    minBackbone: number;
    backboneDenominator: { kind: string; count: number };
    applies: boolean;
    schools: { schoolId: string; schoolName: string; location: string | null; eligibleCount: number; minRotating: number; minBackbone: number }[];
  };
}

/**
 * A county's rotation candidates through HTTP (docs/rules.md, "Rotation: eligibility" and
 * "Rotation: targets"): six years exactly on the reference day against one day short, the age
 * and recorded exemptions, the targets of the county and of its urban school, each role's reach,
 * bad input; and the exemptions officers record and withdraw, with the audit log.
 */
describe('rotation candidates', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let neighbour: Client;
  let city: Client;
  let principal: Client;
  let teacher: Client;
  let urban: { id: string; name?: unknown };
  let rural: { id: string };
  const ids: Record<string, string> = {};

  const candidates = async (client: Client, query = ''): Promise<Candidates> => {
    const response = await client.get(`/counties/320321/rotation-candidates${query}`);
    expect(response.status).toBe(200);
    return response.body as Candidates;
  };
  const exemption = (teacherId: string, body: Record<string, unknown>, client: Client = officer) =>
    client.post(`/teachers/${teacherId}/rotation-exemptions`, body);

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-06-01' });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    neighbour = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });

    urban = await createSchool(officer, { name: '凤城实验小学', location: 'URBAN' });
    rural = await createSchool(officer, { name: '欢口中心小学', location: 'RURAL' });
    const staff: [string, Record<string, unknown>, string, string][] = [
      // name → profile, school, first day there
      ['head', { name: '王校长', post: 'PRINCIPAL', subject: 'CHINESE' }, urban.id, '2022-09-01'],
      ['sixYears', { name: '李六年', subject: 'MATH', backbone: 'COUNTY' }, urban.id, '2020-09-01'],
      ['dayShort', { name: '赵差一天', subject: 'ENGLISH' }, urban.id, '2020-09-02'],
      ['aged55', { name: '孙五五', subject: 'CHINESE', birthDate: '1971-09-01' }, urban.id, '2010-09-01'],
      ['recorded', { name: '周登记', subject: 'PE' }, rural.id, '2015-09-01'],
      ['rural', { name: '吴乡村', subject: 'MUSIC', backbone: 'CITY' }, rural.id, '2018-09-01'],
      ['lapsed', { name: '郑过期', subject: 'FINE_ARTS' }, rural.id, '2016-09-01'],
    ];
    for (const [key, profile, schoolId, startDate] of staff) {
      const created = await createTeacher(officer, profile);
      await createPosting(officer, created.id, { schoolId, startDate });
      ids[key] = created.id;
    }
    principal = await account(t, officer, { username: 'principal.fengcheng', role: 'PRINCIPAL', schoolId: urban.id, teacherId: ids.head });
    teacher = await account(t, officer, { username: 'teacher.zhao', role: 'TEACHER', teacherId: ids.dayShort });

    // An exemption valid on the 2026 reference day, and one that ended the day before.
    expect((await exemption(ids.recorded, { reason: 'ILLNESS', note: '术后休养', validFrom: '2026-03-01', validTo: '2027-02-28' })).status).toBe(201);
    expect((await exemption(ids.lapsed, { reason: 'PREGNANCY', validFrom: '2025-09-01', validTo: '2026-08-31' })).status).toBe(201);
  });
  afterAll(() => t.close());

  describe('the list of a plan year', () => {
    let list: Candidates;

    beforeAll(async () => {
      list = await candidates(officer);
    });

    it('is for the plan year whose reference day is next when no year is named', () => {
      expect(list).toMatchObject({ countyId: '320321', year: 2026, referenceDate: '2026-09-01' });
    });

    it('holds a teacher with exactly six years on the reference day, and not one a day short', () => {
      const sixYears = list.eligible.find((c) => c.teacherId === ids.sixYears);
      expect(sixYears).toMatchObject({
        name: '李六年',
        subject: 'MATH',
        schoolId: urban.id,
        schoolName: '凤城实验小学',
        yearsAtSchool: 6,
        since: '2020-09-01',
        backbone: 'COUNTY',
        countsAsBackbone: true,
      });
      expect(list.eligible.map((c) => c.teacherId)).not.toContain(ids.dayShort);
      expect(list.exempt.map((c) => c.teacherId)).not.toContain(ids.dayShort);
      expect(list.eligible.map((c) => c.teacherId).sort()).toEqual([ids.sixYears, ids.rural, ids.lapsed].sort());
      expect(list.notEligibleCount).toBe(2); // the principal (four years) and the teacher a day short
    });

    it('lists the teacher aged 55 that day and the one with a recorded exemption as exempt, with the grounds', () => {
      const byId = new Map(list.exempt.map((c) => [c.teacherId, c]));
      expect([...byId.keys()].sort()).toEqual([ids.aged55, ids.recorded].sort());
      expect(byId.get(ids.aged55)).toMatchObject({
        name: '孙五五',
        reason: 'AGE',
        yearsAtSchool: 16,
        exemptions: [{ kind: 'AGE', exemptionId: null }],
      });
      expect(byId.get(ids.recorded)).toMatchObject({
        name: '周登记',
        schoolName: '欢口中心小学',
        reason: 'RECORDED',
        exemptions: [{ kind: 'RECORDED', reason: 'ILLNESS', note: '术后休养', validFrom: '2026-03-01', validTo: '2027-02-28' }],
      });
    });

    it('gives the targets of the county and of its urban school (the rural school has none of its own)', () => {
      expect(list.targets).toMatchObject({
        eligibleCount: 3,
        minRotating: 1, // ⌈10 % × 3⌉
        backboneDenominator: { kind: 'ROTATING', count: 1 },
        minBackbone: 1, // ⌈20 % × 1⌉
        applies: true,
      });
      expect(list.targets.schools).toEqual([
        expect.objectContaining({
          schoolId: urban.id,
          schoolName: '凤城实验小学',
          location: 'URBAN',
          eligibleCount: 1,
          minRotating: 1,
          minBackbone: 1,
        }),
      ]);
      expect(list.targets.schools.map((s) => s.schoolId)).not.toContain(rural.id);
    });

    it('judges another year on its own reference day: a day short becomes due, an ended exemption no longer holds', async () => {
      const next = await candidates(officer, '?year=2027');
      expect(next).toMatchObject({ year: 2027, referenceDate: '2027-09-01' });
      expect(next.eligible.map((c) => c.teacherId).sort()).toEqual([ids.sixYears, ids.dayShort, ids.recorded, ids.rural, ids.lapsed].sort());
      expect(next.exempt.map((c) => c.teacherId)).toEqual([ids.aged55]);
      expect(next.targets).toMatchObject({ eligibleCount: 5, minRotating: 1, minBackbone: 1 });
    });
  });

  describe('who may read it', () => {
    it('answers the county’s officer, the city officer and the administrator alike', async () => {
      const own = await candidates(officer, '?year=2026');
      expect(await candidates(city, '?year=2026')).toEqual(own);
      expect(await candidates(admin, '?year=2026')).toEqual(own);
    });

    it('refuses principals and teachers (403), and hides another county and an unknown one (404)', async () => {
      expect((await principal.get('/counties/320321/rotation-candidates')).status).toBe(403);
      expect((await teacher.get('/counties/320321/rotation-candidates')).status).toBe(403);
      expect((await neighbour.get('/counties/320321/rotation-candidates')).status).toBe(404);
      expect((await admin.get('/counties/999999/rotation-candidates')).status).toBe(404);
    });

    it('names a bad year (400)', async () => {
      for (const year of ['abc', '2026.5', '1800', '2300']) {
        const response = await officer.get(`/counties/320321/rotation-candidates?year=${year}`);
        expect(response.status).toBe(400);
        expect(Object.keys(response.body.details.fields)).toEqual(['year']);
      }
    });
  });

  describe('exemptions', () => {
    it('are recorded by the county’s officer, audit-logged, and read by officers in reach and the teacher themself', async () => {
      const created = await exemption(ids.dayShort, { reason: 'FAMILY_HARDSHIP', note: '照顾患病父母', validFrom: '2026-07-01' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        teacherId: ids.dayShort,
        countyId: '320321',
        reason: 'FAMILY_HARDSHIP',
        note: '照顾患病父母',
        validFrom: '2026-07-01',
        validTo: null,
        createdBy: officer.user.id,
      });
      const audit = await officer.get(`/audit?entity=rotation_exemption&entityId=${created.body.id}`);
      expect(audit.body.items).toEqual([expect.objectContaining({ action: 'rotation-exemption.record', after: created.body })]);

      for (const reader of [officer, city, admin, teacher]) {
        const listed = await reader.get(`/teachers/${ids.dayShort}/rotation-exemptions`);
        expect(listed.status).toBe(200);
        expect(listed.body).toEqual([created.body]);
      }
      // The administrator records too.
      const byAdmin = await exemption(ids.dayShort, { reason: 'POST_NEEDS', validFrom: '2026-09-01', validTo: '2026-09-01' }, admin);
      expect(byAdmin.status).toBe(201);
      expect((await officer.get(`/teachers/${ids.dayShort}/rotation-exemptions`)).body.map((e: { id: string }) => e.id)).toEqual([
        created.body.id,
        byAdmin.body.id,
      ]);
    });

    it('refuse principals, teachers and city officers as writers (403) and hide other counties (404)', async () => {
      const body = { reason: 'ILLNESS', validFrom: '2026-09-01' };
      for (const client of [principal, teacher, city]) expect((await exemption(ids.sixYears, body, client)).status).toBe(403);
      expect((await exemption(ids.sixYears, body, neighbour)).status).toBe(404);
      expect((await principal.get(`/teachers/${ids.sixYears}/rotation-exemptions`)).status).toBe(403);
      expect((await neighbour.get(`/teachers/${ids.sixYears}/rotation-exemptions`)).status).toBe(404);
      // A teacher reads only their own.
      expect((await teacher.get(`/teachers/${ids.sixYears}/rotation-exemptions`)).status).toBe(404);
      expect((await exemption('00000000-0000-4000-8000-000000000000', body)).status).toBe(404);
      // Nothing was written.
      expect((await officer.get(`/teachers/${ids.sixYears}/rotation-exemptions`)).body).toEqual([]);
    });

    it('name every bad field (400)', async () => {
      const backwards = await exemption(ids.sixYears, { reason: 'ILLNESS', validFrom: '2026-09-01', validTo: '2026-08-31' });
      expect(backwards.status).toBe(400);
      expect(backwards.body.details.fields).toEqual({ validTo: ['must be on or after validFrom (2026-09-01)'] });
      const missing = await exemption(ids.sixYears, {});
      expect(missing.status).toBe(400);
      expect(Object.keys(missing.body.details.fields).sort()).toEqual(['reason', 'validFrom']);
      const wrong = await exemption(ids.sixYears, { reason: 'BORED', validFrom: '2026-02-30', note: 'x'.repeat(501) });
      expect(wrong.status).toBe(400);
      expect(Object.keys(wrong.body.details.fields).sort()).toEqual(['note', 'reason', 'validFrom']);
      const other = await exemption(ids.sixYears, { reason: 'OTHER', validFrom: '2026-09-01' });
      expect(other.status).toBe(400);
      expect(Object.keys(other.body.details.fields)).toEqual(['note']);
      expect((await officer.get(`/teachers/${ids.sixYears}/rotation-exemptions`)).body).toEqual([]);
    });

    it('make a teacher exempt in the list once valid on the reference day, and are withdrawn by an officer, audit-logged', async () => {
      const created = await exemption(ids.sixYears, { reason: 'OTHER', note: '援疆支教', validFrom: '2026-08-01', validTo: '2027-07-31' });
      expect(created.status).toBe(201);
      const during = await candidates(officer, '?year=2026');
      expect(during.exempt.find((c) => c.teacherId === ids.sixYears)).toMatchObject({
        reason: 'RECORDED',
        exemptions: [{ kind: 'RECORDED', exemptionId: created.body.id, reason: 'OTHER', note: '援疆支教' }],
      });
      expect(during.eligible.map((c) => c.teacherId)).not.toContain(ids.sixYears);
      expect(during.targets.schools[0]).toMatchObject({ schoolId: urban.id, eligibleCount: 0, minRotating: 0, minBackbone: 0 });

      for (const client of [principal, teacher, city]) expect((await client.delete(`/rotation-exemptions/${created.body.id}`)).status).toBe(403);
      expect((await neighbour.delete(`/rotation-exemptions/${created.body.id}`)).status).toBe(404);
      expect((await officer.delete(`/rotation-exemptions/${created.body.id}`)).status).toBe(204);
      expect((await officer.delete(`/rotation-exemptions/${created.body.id}`)).status).toBe(404);

      const audit = await officer.get(`/audit?entity=rotation_exemption&entityId=${created.body.id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['rotation-exemption.withdraw', 'rotation-exemption.record']);
      expect(audit.body.items[0].before).toEqual(created.body);
      expect((await officer.get(`/teachers/${ids.sixYears}/rotation-exemptions`)).body).toEqual([]);
      expect((await candidates(officer, '?year=2026')).eligible.map((c) => c.teacherId)).toContain(ids.sixYears);
    });
  });

  describe('the reads', () => {
    /** The SELECT statements one candidates request runs (not the outbox relay's polls, which may fall during it). */
    const selects = async (): Promise<number> => {
      const spy = jest.spyOn(t.app.get(DataSource).logger, 'logQuery');
      try {
        await candidates(officer, '?year=2026');
        return spy.mock.calls.filter(([sql]) => /^\s*SELECT/i.test(sql) && !/\boutbox_entry\b/.test(sql)).length;
      } finally {
        spy.mockRestore();
      }
    };

    it('are as many whatever the number of teachers, postings and exemptions of the county', async () => {
      const before = await selects();
      expect(before).toBeGreaterThanOrEqual(4); // teachers, postings, exemptions, schools (and the county, the policy, the caller)
      for (let i = 0; i < 4; i++) {
        const newcomer = await createTeacher(officer, { subject: 'SCIENCE' });
        await createPosting(officer, newcomer.id, { schoolId: rural.id, startDate: '2024-09-01' });
        expect((await exemption(newcomer.id, { reason: 'ILLNESS', validFrom: '2026-01-01' })).status).toBe(201);
      }
      expect((await candidates(officer, '?year=2026')).notEligibleCount).toBe(6);
      expect(await selects()).toBe(before);
    });
  });
});
