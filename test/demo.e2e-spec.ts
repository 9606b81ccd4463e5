import { RotationPlanRepository } from '@app/database';
import { PolicyStore } from '@app/policy';
import { addDays, IMPORT_SHEETS, SHEET_KINDS, planCompliance } from '@app/domain';
import { COUNTY_TOWNS } from '../seeds/generator/names';
import { DEMO_PASSWORD } from '../seeds/demo/demo-seeder';
import { Client, login, loginAdmin } from './support/api';
import { eventually } from './support/eventually';
import { Cell, Importer, sheetValues, workbookOf } from './support/imports';
import { createTestApp, TestApp } from './support/test-app';

describe('the demo data', () => {
  let t: TestApp;
  let fengxian: Client;

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-09-01', env: { SEED_DEMO: 'true' } });
    fengxian = await login(t, 'officer.fengxian', DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => t.close());

  it.each([
    ['principal.fx0001', 'officer.fengxian'],
    ['principal.ly0001', 'officer.liyang'],
  ])('links %s to the teacher record of the school’s principal, posted there today', async (username, officerName) => {
    const principal = await login(t, username, DEMO_PASSWORD);
    const officer = await login(t, officerName, DEMO_PASSWORD);
    expect(principal.user.teacherId).toEqual(expect.any(String));
    const head = await officer.get(`/teachers/${principal.user.teacherId}`);
    expect(head.status).toBe(200);
    expect(head.body.post).toBe('PRINCIPAL');
    const postings = (await officer.get(`/teachers/${principal.user.teacherId}/postings`)).body as { schoolId: string; endDate: string | null }[];
    expect(postings.some((p) => p.schoolId === principal.user.schoolId && p.endDate === null)).toBe(true);
    // So the principal reads their own record, and never decides on it.
    expect((await principal.get(`/teachers/${principal.user.teacherId}`)).status).toBe(200);
  });

  it.each(['principal.fx0001', 'principal.ly0001'])(
    'gives %s school-based training of their staff to decide, approvable at once',
    async (username) => {
      const principal = await login(t, username, DEMO_PASSWORD);
      const waiting = await principal.get('/training-records?decidable=true');
      expect(waiting.status).toBe(200);
      expect(waiting.body.total).toBeGreaterThan(0);
      for (const record of waiting.body.items as { category: string; status: string; teacherId: string }[]) {
        expect(record).toMatchObject({ category: 'SCHOOL_BASED', status: 'SUBMITTED' });
        expect(record.teacherId).not.toBe(principal.user.teacherId);
      }
      const first = waiting.body.items[0] as { id: string };
      expect((await principal.post(`/training-records/${first.id}/approve`)).body).toMatchObject({ id: first.id, status: 'APPROVED' });
    },
  );

  it.each([
    ['principal.fx0001', 'officer.fengxian', '320321'],
    ['principal.ly0001', 'officer.liyang', '320481'],
  ])('gives %s a staff request in each status, with its history, and the county one to decide', async (principalName, officerName, countyId) => {
    const principal = await login(t, principalName, DEMO_PASSWORD);
    const officer = await login(t, officerName, DEMO_PASSWORD);
    type Request = {
      id: string;
      schoolId: string;
      status: string;
      subject: string;
      coveredFte: number;
      decisionNote: string | null;
      cancelledAt: string | null;
    };
    const mine = (await principal.get('/staff-requests?pageSize=500')).body.items as Request[];
    expect(mine.map((r) => r.status).sort()).toEqual(['APPROVED', 'CANCELLED', 'FULFILLED', 'REJECTED', 'SUBMITTED']);
    expect(mine.every((r) => r.schoolId === principal.user.schoolId)).toBe(true);
    const of = (status: string) => mine.find((r) => r.status === status) as Request;
    expect(of('REJECTED').decisionNote).toEqual(expect.any(String));
    expect(of('CANCELLED').cancelledAt).toEqual(expect.any(String));
    expect(of('SUBMITTED').subject).toBe('PSYCHOLOGY');

    const fulfilled = (await principal.get(`/staff-requests/${of('FULFILLED').id}`)).body;
    expect(fulfilled).toMatchObject({ subject: 'ENGLISH', headcount: 1, coveredFte: 1, fulfilledAt: expect.any(String) });
    expect(fulfilled.fulfilments).toEqual([expect.objectContaining({ teacherName: '林晓雨', kind: 'REGULAR', fraction: 1 })]);
    expect(fulfilled.history.map((h: { event: string; actor: { username: string } }) => [h.event, h.actor.username])).toEqual([
      ['SUBMITTED', principalName],
      ['APPROVED', officerName],
      ['FULFILMENT_RECORDED', officerName],
    ]);
    // The new hire is on the school's staff.
    const posting = (await officer.get(`/teachers/${fulfilled.fulfilments[0].teacherId}/postings`)).body as { id: string; schoolId: string }[];
    expect(posting).toEqual([expect.objectContaining({ id: fulfilled.fulfilments[0].postingId, schoolId: principal.user.schoolId })]);

    const waiting = (await officer.get(`/staff-requests?countyId=${countyId}&status=SUBMITTED`)).body.items as Request[];
    expect(waiting.map((r) => r.id)).toContain(of('SUBMITTED').id);
    const approved = await officer.post(`/staff-requests/${of('SUBMITTED').id}/decision`, { decision: 'APPROVE', note: '同意，按程序招聘' });
    expect(approved.body).toMatchObject({ status: 'APPROVED' });
    const notices = (await principal.get('/notifications?pageSize=500')).body.items as { entityId: string; kind: string }[];
    expect(notices).toContainEqual(expect.objectContaining({ entityId: of('SUBMITTED').id, kind: 'STAFF_REQUEST_APPROVED' }));
  });

  it('signs in teacher.fx0001: a first-level teacher rotated to a rural school, eligible once the service rule is met on a day ahead', async () => {
    const teacher = await login(t, 'teacher.fx0001', DEMO_PASSWORD);
    const me = (await teacher.get(`/teachers/${teacher.user.teacherId}`)).body;
    expect(me.title.level).toBe('FIRST');
    const postings = (await teacher.get(`/teachers/${teacher.user.teacherId}/postings`)).body as {
      schoolId: string;
      startDate: string;
      endDate: string | null;
      kind: string;
    }[];
    const current = postings.filter((p) => p.startDate <= t.today && (p.endDate === null || p.endDate >= t.today));
    expect(current).toHaveLength(1);
    expect(current[0].kind).toBe('ROTATION');
    expect(current[0].startDate > addDays(t.today, -365)).toBe(true);
    expect((await fengxian.get(`/schools/${current[0].schoolId}`)).body.location).toBe('RURAL');

    const eligibility = await teacher.get(`/teachers/${teacher.user.teacherId}/eligibility`);
    expect(eligibility.status).toBe(200);
    const rules = Object.fromEntries(
      (eligibility.body.seniorTitle.rules as { code: string; passed: boolean }[]).map((rule) => [rule.code, rule.passed]),
    );
    expect(rules).toEqual({ RURAL_OR_WEAK_SERVICE: false, TITLE_TENURE: true, TRAINING_ON_PACE: true });
    expect(eligibility.body.seniorTitle.earliestServiceDate > t.today).toBe(true);
  });

  it('names 丰县’s town and village schools after 丰县’s own towns', async () => {
    const schools = (await fengxian.get('/schools?countyId=320321&pageSize=500')).body.items as { name: string; location: string }[];
    expect(schools).toHaveLength(20);
    const outside = schools.filter((s) => s.location !== 'URBAN' && !COUNTY_TOWNS['320321'].some((town) => s.name.startsWith(`丰县${town}`)));
    expect(outside).toEqual([]);
    expect(schools.filter((s) => s.location !== 'URBAN').length).toBeGreaterThan(5);
  });

  it.each([
    ['320321', 'officer.fengxian', 'principal.fx0001', { pe: 'FX0007', psychology: 'FX0001', music: 'FX0018' }],
    ['320481', 'officer.liyang', 'principal.ly0001', { pe: 'LY0019', psychology: 'LY0001', music: 'LY0004' }],
  ])(
    'shows %s’s shortage flags once scanned: a village school without PE, the principal’s school without a full-time psychology teacher, a school short of music',
    async (countyId, officerName, principalName, featured) => {
      const officer = await login(t, officerName, DEMO_PASSWORD);
      // The embedded profile scanned at start; with a worker on Redis, ask for the scan and wait for it.
      if (t.config.queue.driver === 'bullmq') {
        const started = await officer.post('/shortage-scans', { countyId });
        await eventually(async () => expect((await officer.get(`/shortage-scans/${started.body.scanId}`)).body.status).toBe('DONE'), 60_000);
      }
      const summary = (await officer.get(`/counties/${countyId}/shortage-summary`)).body;
      expect(summary.lastScan).toMatchObject({ status: 'DONE' });
      expect(summary.open.total).toBeGreaterThanOrEqual(5);
      expect(summary.open.total).toBeLessThanOrEqual(40);
      const flags = (await officer.get(`/shortage-flags?countyId=${countyId}&status=OPEN&pageSize=500`)).body.items as {
        id: string;
        schoolCode: string;
        kind: string;
        subject: string | null;
        severity: string;
      }[];
      const at = (code: string, kind: string, subject: string) =>
        flags.find((flag) => flag.schoolCode === code && flag.kind === kind && flag.subject === subject);
      expect(at(featured.pe, 'ZERO_COVERAGE', 'PE')).toMatchObject({ severity: 'CRITICAL' });
      const psychology = at(featured.psychology, 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY');
      expect(psychology).toMatchObject({ severity: 'CRITICAL' });
      expect(flags.some((flag) => flag.schoolCode === featured.music && flag.subject === 'MUSIC')).toBe(true);

      const principal = await login(t, principalName, DEMO_PASSWORD);
      const notices = (await principal.get('/notifications?pageSize=500')).body.items as { entityId: string; kind: string }[];
      expect(notices).toContainEqual(expect.objectContaining({ entityId: psychology?.id, kind: 'SHORTAGE_FLAG_OPENED' }));
    },
  );
  it.each(['320321', '320481'])('gives %s this school year’s quota pool: one school overstaffed, others with posts to fill', async (countyId) => {
    const officer = await login(t, countyId === '320321' ? 'officer.fengxian' : 'officer.liyang', DEMO_PASSWORD);
    const report = (await officer.get(`/counties/${countyId}/staffing-report`)).body;
    expect(report.year).toBe(2026);
    expect(report.pool.approvedTotal).toBeGreaterThan(report.pool.allocated);
    expect(report.totals).toMatchObject({ schools: 20, withoutAllocation: 0, withoutEnrolment: 0, over: 1 });
    expect(report.totals.under).toBeGreaterThanOrEqual(5);
    expect(report.overstaffed).toHaveLength(1);
    expect(report.overstaffed[0].vacancy).toBeLessThanOrEqual(-2);
    expect(report.understaffed.length).toBe(report.totals.under);
    // Every school has a standard quota from its enrolment, and its history shows how it got its allocation.
    for (const school of report.schools as { standardQuota: number | null }[]) expect(school.standardQuota).toBeGreaterThan(0);
    const history = (await officer.get(`/schools/${report.overstaffed[0].schoolId}/quota-history`)).body;
    expect(history).toEqual([
      expect.objectContaining({ kind: 'ALLOCATION', newValue: report.overstaffed[0].allocatedQuota, actorUsername: 'system' }),
    ]);
  });

  it.each([
    ['320321', 'officer.fengxian'],
    ['320481', 'officer.liyang'],
  ])(
    'gives %s an approved rotation plan for the plan year that meets its targets, with a team, a shared PE teacher and a recorded exemption',
    async (countyId, officerName) => {
      const officer = await login(t, officerName, DEMO_PASSWORD);
      const listed = (await officer.get(`/rotation-plans?countyId=${countyId}`)).body.items as { id: string; assignmentCount: number }[];
      expect(listed).toEqual([expect.objectContaining({ countyId, year: 2026, status: 'APPROVED', approvedAt: expect.any(String) })]);
      const repository = t.app.get(RotationPlanRepository);
      const assignments = await repository.assignmentsOf(listed[0].id);
      expect(assignments.length).toBe(listed[0].assignmentCount);
      // The plan's own review (GET /rotation-plans/:id) finds it meeting its targets too.
      const detail = await officer.get(`/rotation-plans/${listed[0].id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.compliance.meetsTargets).toBe(true);

      // Meets the targets as the pure compliance judges them, on the candidates the API lists (the exemption included).
      const candidates = (await officer.get(`/counties/${countyId}/rotation-candidates?year=2026`)).body as {
        eligible: { teacherId: string; schoolId: string; backbone: 'NONE' }[];
        exempt: { teacherId: string; reason: string; exemptions: { kind: string; reason: string | null }[] }[];
      };
      const schools = (await officer.get(`/schools?countyId=${countyId}&pageSize=500&asOf=2026-09-01`)).body.items as {
        id: string;
        location: 'URBAN';
      }[];
      const compliance = planCompliance(
        assignments,
        candidates.eligible,
        schools.map((s) => ({ schoolId: s.id, location: s.location })),
        (await t.app.get(PolicyStore).inForce('2026-09-01')).parameters,
      );
      expect(compliance.meetsTargets).toBe(true);
      expect(compliance.schools.length).toBeGreaterThan(0);
      expect(compliance.county.rotatingCount).toBeGreaterThanOrEqual(compliance.county.minRotating);
      const report = (await officer.get(`/counties/${countyId}/rotation-report?year=2026`)).body;
      expect(report.totals.meetsTargets).toBe(true);
      expect(report.plans).toMatchObject({ count: 1, assignments: assignments.length });

      // A team of 2–3 teachers moving together, and a PE teacher shared half the week.
      const teams = new Map<string, typeof assignments>();
      for (const a of assignments.filter((a) => a.mode === 'TEAM')) teams.set(a.teamId as string, [...(teams.get(a.teamId as string) ?? []), a]);
      expect(teams.size).toBe(1);
      const [team] = [...teams.values()];
      expect(team.length).toBeGreaterThanOrEqual(2);
      expect(team.length).toBeLessThanOrEqual(3);
      expect(new Set(team.map((a) => `${a.toSchoolId} ${a.startDate} ${a.endDate}`)).size).toBe(1);
      expect(assignments.filter((a) => a.mode === 'SHARED')).toEqual([
        expect.objectContaining({ subject: 'PE', fractionMilli: 500, kind: 'SHARED' }),
      ]);

      // One recorded exemption, listed among the exempt candidates.
      const recorded = candidates.exempt.filter((c) => c.exemptions.some((e) => e.kind === 'RECORDED'));
      expect(recorded).toHaveLength(1);
      expect(assignments.map((a) => a.teacherId)).not.toContain(recorded[0].teacherId);
    },
  );

  it('keeps 丰县’s attempt to transfer a principal to 溧阳, blocked by the anti-poaching rule, in the audit log and on both counties’ lists', async () => {
    const liyang = await login(t, 'officer.liyang', DEMO_PASSWORD);
    type Transfer = {
      id: string;
      status: string;
      fromCountyId: string;
      toCountyId: string;
      toSchoolName: string;
      poaching: { blocked: boolean; reason: { zh: string } };
    };
    const blocked = (await fengxian.get('/transfers?status=BLOCKED')).body.items as Transfer[];
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({ fromCountyId: '320321', toCountyId: '320481', toSchoolName: '溧阳实验小学', poaching: { blocked: true } });
    expect(blocked[0].poaching.reason.zh).toContain('发达地区不得从苏北抢挖优秀校长和教师');
    expect((await liyang.get(`/transfers/${blocked[0].id}`)).body.status).toBe('BLOCKED');
    const audit = (await fengxian.get(`/audit?entity=transfer&entityId=${blocked[0].id}`)).body.items as {
      action: string;
      actor: { username: string };
    }[];
    expect(audit.map((entry) => [entry.action, entry.actor.username])).toEqual([['transfer.block', 'officer.fengxian']]);
  });

  it('exports 丰县 and imports it into an empty county kind by kind (沛县) and as one registry workbook (睢宁县): exported again, it is the same data cell for cell', async () => {
    const admin = await loginAdmin(t);
    const importer = new Importer(t);
    const exported: Record<string, Cell[][]> = {};
    for (const kind of SHEET_KINDS) {
      const response = await importer.download(fengxian, `/counties/320321/exports/${kind}`);
      expect(response.status).toBe(200);
      exported[kind] = sheetValues(await workbookOf(response.body as Buffer), IMPORT_SHEETS[kind].zh);
      const committed = await importer.commit(admin, '320322', kind, response.body as Buffer);
      expect(committed.counts).toMatchObject({ updated: 0, unchanged: 0 });
    }
    expect(exported.teachers.length).toBeGreaterThan(250);
    for (const kind of SHEET_KINDS) {
      const again = await importer.download(admin, `/counties/320322/exports/${kind}`);
      expect(sheetValues(await workbookOf(again.body as Buffer), IMPORT_SHEETS[kind].zh)).toEqual(exported[kind]);
    }

    // The whole registry in one workbook: into another empty county (睢宁县) in one commit, and exported again the same.
    const registry = await importer.download(fengxian, '/counties/320321/exports/registry');
    expect(registry.status).toBe(200);
    const whole = await importer.commit(admin, '320324', 'registry', registry.body as Buffer);
    expect(whole.counts).toMatchObject({ updated: 0, unchanged: 0 });
    expect(whole.counts?.created).toBeGreaterThan(exported.teachers.length);
    const back = await workbookOf((await importer.download(admin, '/counties/320324/exports/registry')).body as Buffer);
    for (const kind of SHEET_KINDS) expect(sheetValues(back, IMPORT_SHEETS[kind].zh)).toEqual(exported[kind]);
    const again = await importer.commit(admin, '320324', 'registry', registry.body as Buffer);
    expect(again.counts).toMatchObject({ created: 0, updated: 0 });
  }, 180_000);
});
