import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { newId } from '@app/core';
import { RotationPlanRepository, TransactionHost } from '@app/database';
import { defaultTermEnd, JIANGSU_2024_POLICY, POSTING_KIND_OF_MODE } from '@app/domain';
import type { BackboneLevel, RotationMode, RotationPlanStatus } from '@app/domain';
import { account, Client, loginAdmin } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

interface Targets {
  applies: boolean;
  eligibleCount: number;
  minRotating: number;
  minBackbone: number;
  rotatingCount: number;
  backboneRotating: number;
  meetsTargets: boolean;
}

interface SchoolLine {
  schoolId: string;
  code: string;
  name: string;
  location: string | null;
  sent: number;
  backboneSent: number;
  sharedSent: number;
  shadowingSent: number;
  received: number;
  shadowingReceived: number;
  targets: Targets | null;
  rank: number | null;
}

interface Report {
  countyId: string;
  countyName: string;
  year: number;
  referenceDate: string;
  policyVersion: string;
  plans: { statuses: string[]; count: number; assignments: number };
  parameters: { backboneMinLevel: string };
  totals: SchoolLine & {
    schools: number;
    ranked: number;
    schoolsWithTargets: number;
    schoolsMeetingTargets: number;
    targets: Targets;
    meetsTargets: boolean;
  };
  schools: SchoolLine[];
}

/**
 * A county's rotation rewards report through HTTP (docs/rules.md, "Rotation: rewards"): plans built, submitted,
 * approved, activated and cancelled through the plan endpoints (another year's completed plan written through the
 * repository); what each school sent and received through the county's approved, active and completed plans of the year
 * (not a draft, not a cancelled plan, not another year's), backbone teachers by the level recorded, shadowing apart,
 * the targets met or not, the ranking with its ties; the workbook read back; each role's reach and bad input; as many
 * statements whatever the number of assignments.
 */
describe('rotation rewards report', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let neighbour: Client;
  let city: Client;
  let principal: Client;
  let teacher: Client;
  const school: Record<'a' | 'b' | 'c', { id: string; code: string }> = {} as never;
  const ids: Record<string, string> = {};

  const report = async (client: Client, query = '?year=2026'): Promise<Report> => {
    const response = await client.get(`/counties/320321/rotation-report${query}`);
    expect(response.status).toBe(200);
    return response.body as Report;
  };
  const line = (r: Report, key: 'a' | 'b' | 'c') => r.schools.find((s) => s.schoolId === school[key].id) as SchoolLine;

  /** A plan of the county in any status written through the repository (as the plan endpoints write it), with its assignments. */
  const plan = async (
    year: number,
    status: RotationPlanStatus,
    assignments: [string, 'a' | 'b' | 'c', 'a' | 'b' | 'c', RotationMode, BackboneLevel?, string?][],
  ) => {
    const tx = t.app.get(TransactionHost);
    const plans = t.app.get(RotationPlanRepository);
    const now = new Date();
    const planId = newId();
    const startDate = `${year}-09-01`;
    const endDate = defaultTermEnd(startDate, JIANGSU_2024_POLICY.parameters);
    await tx.run(async () => {
      await plans.insert({
        id: planId,
        countyId: '320321',
        year,
        title: `${year}年度交流轮岗计划`,
        status,
        lastDay: endDate,
        createdBy: officer.user.id,
        createdByUsername: officer.user.username,
        createdAt: now,
        submittedAt: status === 'DRAFT' ? null : now,
        submittedBy: status === 'DRAFT' ? null : officer.user.id,
        approvedAt: ['APPROVED', 'ACTIVE', 'COMPLETED'].includes(status) ? now : null,
        approvedBy: ['APPROVED', 'ACTIVE', 'COMPLETED'].includes(status) ? officer.user.id : null,
        activatedAt: null,
        activatedBy: null,
        completedAt: null,
        cancelledAt: status === 'CANCELLED' ? now : null,
        cancelledBy: status === 'CANCELLED' ? officer.user.id : null,
        cancelReason: status === 'CANCELLED' ? '计划调整' : null,
        version: 1,
        updatedAt: now,
      });
      for (const [key, from, to, mode, backbone, teamId] of assignments) {
        await plans.insertAssignment({
          id: newId(),
          planId,
          countyId: '320321',
          teacherId: ids[key],
          fromSchoolId: school[from].id,
          toSchoolId: school[to].id,
          startDate,
          endDate,
          mode,
          kind: POSTING_KIND_OF_MODE[mode],
          teamId: teamId ?? null,
          fractionMilli: mode === 'SHARED' ? 500 : 1000,
          subject: 'MATH',
          backbone: backbone ?? 'NONE',
          postingId: null,
          createdBy: officer.user.id,
          createdAt: now,
        });
      }
    });
  };

  /** A 2026 plan created and filled through the plan endpoints, as an officer builds one; answers its id. */
  const planThroughHttp = async (assignments: [string, 'a' | 'b' | 'c', RotationMode, Record<string, unknown>?][]): Promise<string> => {
    const created = await officer.post('/rotation-plans', { countyId: '320321', year: 2026 });
    expect(created.status).toBe(201);
    for (const [key, to, mode, extra] of assignments) {
      const added = await officer.post(`/rotation-plans/${created.body.id}/assignments`, {
        teacherId: ids[key],
        toSchoolId: school[to].id,
        startDate: '2026-09-01',
        mode,
        ...extra,
      });
      expect(added.status).toBe(201);
    }
    return created.body.id as string;
  };
  const step = async (planId: string, action: string, body?: object) => {
    const response = await officer.post(`/rotation-plans/${planId}/${action}`, body);
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-06-01' });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    neighbour = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });

    school.a = await createSchool(officer, { code: 'FX9001', name: '凤城实验小学', location: 'URBAN' });
    school.b = await createSchool(officer, { code: 'FX9002', name: '凤城第二小学', location: 'URBAN' });
    school.c = await createSchool(officer, { code: 'FX9003', name: '欢口中心小学', location: 'RURAL' });
    // Eligible on 2026-09-01 (since 2018-09-01): four at a, three at b, two at c; c3 a new teacher (shadowing).
    const staff: [string, 'a' | 'b' | 'c', Record<string, unknown>, string][] = [
      ['a1', 'a', { backbone: 'COUNTY' }, '2018-09-01'],
      ['a2', 'a', {}, '2018-09-01'],
      ['a3', 'a', {}, '2018-09-01'],
      ['a4', 'a', { post: 'PRINCIPAL' }, '2018-09-01'],
      ['b1', 'b', { backbone: 'SCHOOL' }, '2018-09-01'],
      ['b2', 'b', {}, '2018-09-01'],
      ['b3', 'b', {}, '2018-09-01'],
      ['c1', 'c', {}, '2018-09-01'],
      ['c2', 'c', { subject: 'PE' }, '2018-09-01'],
      ['c3', 'c', { hireDate: '2025-09-01', birthDate: '2002-03-01', title: { level: 'NONE', since: null } }, '2025-09-01'],
    ];
    for (const [key, at, profile, startDate] of staff) {
      const created = await createTeacher(officer, profile);
      await createPosting(officer, created.id, { schoolId: school[at].id, startDate });
      ids[key] = created.id;
    }
    principal = await account(t, officer, { username: 'principal.fengcheng', role: 'PRINCIPAL', schoolId: school.a.id, teacherId: ids.a4 });
    teacher = await account(t, officer, { username: 'teacher.a2', role: 'TEACHER', teacherId: ids.a2 });

    // Through the plan endpoints: an approved plan, an active one (its postings written), a cancelled one and a draft.
    const approved = await planThroughHttp([
      ['a1', 'c', 'URBAN_RURAL'],
      ['a2', 'c', 'TEAM', { teamId: 'team-1' }],
      ['a3', 'c', 'TEAM', { teamId: 'team-1' }],
      ['b1', 'c', 'URBAN_RURAL'],
      ['c3', 'a', 'SHADOWING'],
    ]);
    await step(approved, 'submit');
    await step(approved, 'approve');
    const active = await planThroughHttp([['c2', 'b', 'SHARED', { fraction: 0.5 }]]);
    for (const action of ['submit', 'approve', 'activate']) await step(active, action);
    // Not counted: a cancelled plan, a draft, and another year's completed plan (written through the repository: its
    // terms have not ended, so it could not be completed yet; its backbone level as recorded then).
    const cancelled = await planThroughHttp([['b2', 'c', 'URBAN_RURAL']]);
    await step(cancelled, 'submit');
    await step(cancelled, 'cancel', { reason: '县委编办调整交流名额，重新编制计划' });
    await planThroughHttp([['b3', 'a', 'DISTRICT']]);
    await plan(2025, 'COMPLETED', [['c1', 'c', 'a', 'URBAN_RURAL', 'CITY']]);
  });
  afterAll(() => t.close());

  describe('the figures', () => {
    let r: Report;
    beforeAll(async () => {
      r = await report(officer);
    });

    it('count the approved and the active plan of the year, not the cancelled one, the draft or another year’s', () => {
      expect(r).toMatchObject({ countyId: '320321', countyName: '丰县', year: 2026, referenceDate: '2026-09-01', policyVersion: 'jiangsu-2024.1' });
      expect(r.plans).toEqual({ statuses: ['APPROVED', 'ACTIVE', 'COMPLETED'], count: 2, assignments: 6 });
      expect(line(r, 'b')).toMatchObject({ sent: 1, backboneSent: 0, received: 1 }); // b2 (cancelled) and b3 (draft) are not sent
      expect(line(r, 'a').received).toBe(0); // b3 (draft) and c1 (2025) are not received
    });

    it('give each school its teachers sent, backbone ones by the level recorded, shared, shadowing apart, and received', () => {
      expect(line(r, 'a')).toMatchObject({ code: 'FX9001', name: '凤城实验小学', location: 'URBAN', sent: 3, backboneSent: 1, sharedSent: 0 });
      expect(line(r, 'a')).toMatchObject({ shadowingSent: 0, received: 0, shadowingReceived: 1 });
      // b1 is a school backbone teacher: below rotation.backboneMinLevel (COUNTY).
      expect(r.parameters.backboneMinLevel).toBe('COUNTY');
      expect(line(r, 'b')).toMatchObject({ sent: 1, backboneSent: 0, received: 1 });
      // The rural school only receives, but for its shared PE teacher; its new teacher shadows apart.
      expect(line(r, 'c')).toMatchObject({ location: 'RURAL', sent: 1, sharedSent: 1, shadowingSent: 1, received: 4, shadowingReceived: 0 });
    });

    it('give the urban schools’ targets and whether they are met; none for the rural school', () => {
      expect(line(r, 'a').targets).toMatchObject({
        applies: true,
        eligibleCount: 4,
        minRotating: 1,
        minBackbone: 1,
        rotatingCount: 3,
        backboneRotating: 1,
        meetsTargets: true,
      });
      expect(line(r, 'b').targets).toMatchObject({
        eligibleCount: 3,
        minRotating: 1,
        minBackbone: 1,
        rotatingCount: 1,
        backboneRotating: 0,
        meetsTargets: false,
      });
      expect(line(r, 'c').targets).toBeNull();
    });

    it('rank the schools by backbone teachers sent, then teachers sent, then code', () => {
      expect(r.schools.map((s) => [s.code, s.rank])).toEqual([
        ['FX9001', 1],
        ['FX9002', 2], // a tie with FX9003 (no backbone, one sent): the code decides
        ['FX9003', 3],
      ]);
    });

    it('give the county’s totals and targets', () => {
      expect(r.totals).toMatchObject({
        schools: 3,
        ranked: 3,
        sent: 5,
        backboneSent: 1,
        sharedSent: 1,
        shadowingSent: 1,
        received: 5,
        shadowingReceived: 1,
        schoolsWithTargets: 2,
        schoolsMeetingTargets: 1,
        meetsTargets: false,
      });
      // 9 eligible (c3 is new): ⌈10 % × 9⌉ = 1; 5 rotating: ⌈20 % × 5⌉ = 1 backbone.
      expect(r.totals.targets).toMatchObject({
        eligibleCount: 9,
        minRotating: 1,
        minBackbone: 1,
        rotatingCount: 5,
        backboneRotating: 1,
        meetsTargets: true,
      });
    });

    it('count another year’s plans in that year’s report', async () => {
      const previous = await report(officer, '?year=2025');
      expect(previous).toMatchObject({ year: 2025, referenceDate: '2025-09-01', plans: { count: 1, assignments: 1 } });
      expect(previous.schools.map((s) => [s.code, s.sent, s.backboneSent, s.received, s.rank])).toEqual([
        ['FX9003', 1, 1, 0, 1],
        ['FX9001', 0, 0, 1, null],
        ['FX9002', 0, 0, 0, null],
      ]);
    });
  });

  it('downloads as an Excel workbook with Chinese headings, a row a school, a county totals row and a sheet 说明', async () => {
    const json = await report(officer);
    const response = await officer
      .get('/counties/320321/rotation-report?year=2026&format=xlsx')
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe('attachment; filename="rotation-report-320321-2026.xlsx"');
    const workbook = new Workbook();
    const body = response.body as Buffer;
    await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['交流轮岗成效', '说明']);
    const sheet = workbook.getWorksheet('交流轮岗成效');
    if (!sheet) throw new Error('no sheet 交流轮岗成效');
    const cells = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(cells(1).slice(0, 10)).toEqual([
      '学校代码',
      '学校名称',
      '城乡类别',
      '交流教师数',
      '其中骨干',
      '接收教师数',
      '应交流人数',
      '应交流骨干数',
      '是否达标',
      '排名',
    ]);
    expect(cells(1)).toContain('其中走教');
    expect(cells(2).slice(0, 10)).toEqual(['FX9001', '凤城实验小学', '城区', 3, 1, 0, 1, 1, '达标', 1]);
    expect(cells(3).slice(0, 10)).toEqual(['FX9002', '凤城第二小学', '城区', 1, 0, 1, 1, 1, '未达标', 2]);
    expect(cells(4).slice(0, 10)).toEqual(['FX9003', '欢口中心小学', '乡村', 1, 0, 4, '—', '—', '—', 3]);
    const totals = cells(5);
    expect(totals[0]).toBe('合计');
    expect(totals.slice(3, 9)).toEqual([json.totals.sent, json.totals.backboneSent, json.totals.received, 1, 1, '达标']);
    expect(sheet.rowCount).toBe(5);

    const notes = workbook.getWorksheet('说明');
    if (!notes) throw new Error('no sheet 说明');
    const explained = new Map<string, string>();
    notes.eachRow((row, n) => {
      if (n > 1) explained.set(row.getCell(1).text, row.getCell(2).text);
    });
    for (const heading of ['交流教师数', '其中骨干', '接收教师数', '应交流人数', '应交流骨干数', '是否达标', '排名', '计入的计划', '政策版本']) {
      expect(explained.get(heading)).toEqual(expect.any(String));
    }
    expect(explained.get('应交流人数')).toContain('10%');
    expect(explained.get('应交流骨干数')).toContain('20%');
    expect(explained.get('骨干教师')).toContain('县级骨干');
    expect(explained.get('计入的计划')).toContain('已撤销的计划不计入');
    expect(explained.get('政策版本')).toBe('jiangsu-2024.1');
  });

  describe('who may read it', () => {
    it('answers the county’s officer, the city officer and the administrator alike', async () => {
      const own = await report(officer);
      expect(await report(city)).toEqual(own);
      expect(await report(admin)).toEqual(own);
    });

    it('refuses principals and teachers (403), and hides another county and an unknown one (404)', async () => {
      expect((await principal.get('/counties/320321/rotation-report')).status).toBe(403);
      expect((await teacher.get('/counties/320321/rotation-report?format=xlsx')).status).toBe(403);
      expect((await neighbour.get('/counties/320321/rotation-report')).status).toBe(404);
      expect((await neighbour.get('/counties/320321/rotation-report?format=xlsx')).status).toBe(404);
      expect((await admin.get('/counties/999999/rotation-report')).status).toBe(404);
    });

    it('names a bad year or format (400)', async () => {
      for (const year of ['abc', '2026.5', '1800', '2300']) {
        const response = await officer.get(`/counties/320321/rotation-report?year=${year}`);
        expect(response.status).toBe(400);
        expect(Object.keys(response.body.details.fields)).toEqual(['year']);
      }
      const format = await officer.get('/counties/320321/rotation-report?format=pdf');
      expect(format.status).toBe(400);
      expect(Object.keys(format.body.details.fields)).toEqual(['format']);
    });

    it('is for the plan year whose reference day is today or next without a year', async () => {
      expect((await report(officer, '')).year).toBe(2026);
    });
  });

  describe('the reads', () => {
    /** The SELECT statements one report request runs. */
    const selects = async (): Promise<number> => {
      const spy = jest.spyOn(t.app.get(DataSource).logger, 'logQuery');
      try {
        await report(officer);
        // The outbox relay polls on its own timer (with Redis): its statements are not the report's.
        return spy.mock.calls.filter(([sql]) => /^\s*SELECT/i.test(sql) && !/\boutbox_entry\b/.test(sql)).length;
      } finally {
        spy.mockRestore();
      }
    };

    /** Two requests in a row running as many: with a worker, jobs the writes queued (headcounts) run beside the request and log theirs. */
    const settled = async (): Promise<number> => {
      let last = await selects();
      for (let i = 0; i < 20; i++) {
        const next = await selects();
        if (next === last) return next;
        last = next;
      }
      return last;
    };

    it('are as many whatever the number of teachers, postings and assignments of the county', async () => {
      const before = await settled();
      expect(before).toBeGreaterThanOrEqual(5); // teachers, postings, exemptions, schools, assignments (and the county, the policy, the caller)
      for (let i = 0; i < 4; i++) {
        const newcomer = await createTeacher(officer, { subject: 'SCIENCE' });
        await createPosting(officer, newcomer.id, { schoolId: school.b.id, startDate: '2018-09-01' });
        ids[`n${i}`] = newcomer.id;
      }
      await plan(
        2026,
        'COMPLETED',
        [0, 1, 2, 3].map((i) => [`n${i}`, 'b', 'a', 'GROUP', 'CITY'] as [string, 'b', 'a', RotationMode, BackboneLevel]),
      );
      const after = await report(officer);
      expect(line(after, 'b')).toMatchObject({ sent: 5, backboneSent: 4, rank: 1 });
      expect(await settled()).toBe(before);
    });
  });
});
