import { CompleteEndedRotationPlansUseCase } from '@app/rotation';
import { account, Client, loginAdmin } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

interface Reach {
  requiredDays: number;
  before: string | null;
  after: string | null;
  changed: boolean;
}

interface Assignment {
  id: string;
  teacherId: string;
  fromSchoolId: string;
  toSchoolId: string;
  startDate: string;
  endDate: string;
  mode: string;
  kind: string;
  teamId: string | null;
  fraction: number;
  postingId: string | null;
  uncounted: string | null;
  effects: {
    eligibility: { seniorTitle: Reach; principalPriority: Reach; changes: boolean };
    staffRequest: { requestId: string; status: string; coversAll: boolean } | null;
    flagsOpened: { kind: string; subject: string | null }[];
    flagsClosed: { kind: string; subject: string | null }[];
  };
}

interface Plan {
  id: string;
  status: string;
  actions: string[];
  year: number;
  referenceDate: string;
  assignmentCount: number;
  lastDay: string | null;
  assignments: Assignment[];
  compliance: {
    eligibleCount: number;
    rotatingCount: number;
    backboneRotating: number;
    minRotating: number;
    minBackbone: number;
    meetsTargets: boolean;
    schools: { schoolId: string; eligibleCount: number; rotatingCount: number; meetsTargets: boolean }[];
  };
  warnings: { code: string; assignmentId: string; schoolId: string; subject: string; message: { zh: string } }[];
}

interface Posting {
  id: string;
  schoolId: string;
  kind: string;
  startDate: string;
  endDate: string | null;
  fraction: number;
  version: number;
}

const SIX_CLASS_PRIMARY = [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, students: 40, classes: 1 }));

/**
 * Rotation plans through HTTP (docs/rules.md, "Rotation: plans", "Rotation: plan review", "Rotation: activation"):
 * the whole lifecycle with each role, every assignment rule and illegal step with its code, each assignment's
 * effects and the plan's warnings, activation writing the postings all or nothing and once only, and the notices.
 */
describe('rotation plans', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let colleague: Client;
  let neighbour: Client;
  let city: Client;
  let principalA: Client;
  let principalR: Client;
  let teacherClient: Client;
  const school: Record<string, string> = {};
  const id: Record<string, string> = {};

  const plan = async (client: Client, planId: string): Promise<Plan> => {
    const response = await client.get(`/rotation-plans/${planId}`);
    expect(response.status).toBe(200);
    return response.body as Plan;
  };
  const newPlan = async (year = 2026): Promise<Plan> => {
    const response = await officer.post('/rotation-plans', { countyId: '320321', year });
    expect(response.status).toBe(201);
    return response.body as Plan;
  };
  const assign = (planId: string, body: Record<string, unknown>, client: Client = officer) =>
    client.post(`/rotation-plans/${planId}/assignments`, { startDate: '2026-09-01', mode: 'DISTRICT', ...body });
  const assigned = async (planId: string, body: Record<string, unknown>): Promise<Assignment> => {
    const response = await assign(planId, body);
    expect(response.status).toBe(201);
    return response.body as Assignment;
  };
  const postingsOf = async (teacherId: string): Promise<Posting[]> => {
    const response = await officer.get(`/teachers/${teacherId}/postings`);
    expect(response.status).toBe(200);
    return (response.body.items ?? response.body) as Posting[];
  };
  const noticeKinds = async (client: Client, planId: string): Promise<string[]> => {
    const response = await client.get('/notifications?pageSize=500');
    expect(response.status).toBe(200);
    return (response.body.items as { kind: string; entityId: string }[]).filter((n) => n.entityId === planId).map((n) => n.kind);
  };
  const refused = (response: { status: number; body: { code?: string } }, status: number, code: string) => {
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  };

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-06-01', env: { SHORTAGE_RESCAN_DELAY_MS: '3600000' } });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    colleague = await account(t, admin, { username: 'officer2.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    neighbour = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });

    school.A = (await createSchool(officer, { name: '凤城实验小学', location: 'URBAN' })).id;
    school.B = (await createSchool(officer, { name: '凤城第二小学', location: 'URBAN' })).id;
    school.R = (await createSchool(officer, { name: '欢口中心小学', location: 'RURAL' })).id;
    school.N = (await createSchool(neighbour, { name: '沛县实验小学', location: 'URBAN', countyId: '320322' })).id;
    for (const s of [school.A, school.R]) {
      expect((await officer.put(`/schools/${s}/enrolment`, { schoolYear: 2026, grades: SIX_CLASS_PRIMARY })).status).toBe(200);
    }

    // Eleven teachers at school A since 2015 (eligible in 2026), three of them county backbone; A's only PE teacher among them.
    for (let i = 1; i <= 11; i++) {
      const profile =
        i === 11
          ? { name: '体育教师', subject: 'PE' }
          : { name: `教师${i}`, subject: i % 2 ? 'CHINESE' : 'MATH', backbone: i <= 3 ? 'COUNTY' : 'NONE' };
      const created = await createTeacher(officer, profile);
      await createPosting(officer, created.id, { schoolId: school.A, startDate: '2015-09-01' });
      id[`t${i}`] = created.id;
    }
    const headA = await createTeacher(officer, { name: '王校长', post: 'PRINCIPAL', subject: 'CHINESE' });
    await createPosting(officer, headA.id, { schoolId: school.A, startDate: '2023-09-01' });
    const headR = await createTeacher(officer, { name: '赵校长', post: 'PRINCIPAL', subject: 'CHINESE' });
    await createPosting(officer, headR.id, { schoolId: school.R, startDate: '2023-09-01' });
    const newcomer = await createTeacher(officer, { name: '新教师', subject: 'ENGLISH', hireDate: '2026-08-20' });
    await createPosting(officer, newcomer.id, { schoolId: school.R, startDate: '2026-08-20' });
    id.newcomer = newcomer.id;
    const other = await createTeacher(neighbour, { name: '沛县教师', countyId: '320322' });
    await createPosting(neighbour, other.id, { schoolId: school.N, startDate: '2015-09-01' });
    id.other = other.id;

    principalA = await account(t, officer, { username: 'principal.fengcheng', role: 'PRINCIPAL', schoolId: school.A, teacherId: headA.id });
    principalR = await account(t, officer, { username: 'principal.huankou', role: 'PRINCIPAL', schoolId: school.R, teacherId: headR.id });
    teacherClient = await account(t, officer, { username: 'teacher.one', role: 'TEACHER', teacherId: id.t1 });
  });
  afterAll(() => t.close());

  describe('the whole lifecycle', () => {
    let p: Plan;
    let requestId: string;

    it('starts as a draft with the county’s targets and nothing planned', async () => {
      p = await newPlan();
      expect(p).toMatchObject({ status: 'DRAFT', year: 2026, referenceDate: '2026-09-01', assignmentCount: 0, actions: ['SUBMIT', 'CANCEL'] });
      // The backbone target is taken of the teachers rotating (none yet).
      expect(p.compliance).toMatchObject({ eligibleCount: 11, rotatingCount: 0, minRotating: 2, minBackbone: 0, meetsTargets: false });
      expect(p.compliance.schools.find((s) => s.schoolId === school.A)).toMatchObject({ eligibleCount: 11, rotatingCount: 0 });
    });

    it('adds a backbone teacher to the rural school with the default term, showing the service rules met a year in', async () => {
      const a = await assigned(p.id, { teacherId: id.t1, toSchoolId: school.R, mode: 'URBAN_RURAL' });
      expect(a).toMatchObject({ fromSchoolId: school.A, endDate: '2029-08-31', kind: 'SUPPORT', fraction: 1, uncounted: null, postingId: null });
      expect(a.effects.eligibility.seniorTitle).toEqual({ requiredDays: 365, before: null, after: '2027-08-31', changed: true });
      expect(a.effects.eligibility.principalPriority).toMatchObject({ before: null, after: '2029-08-30', changed: true });
      expect((a as unknown as { compliance: Plan['compliance'] }).compliance).toMatchObject({
        rotatingCount: 1,
        backboneRotating: 1,
        meetsTargets: false,
      });
    });

    it('covers the rural school’s approved PE request with a shared PE teacher, closing its zero-coverage flag', async () => {
      const asked = await principalR.post(`/schools/${school.R}/staff-requests`, {
        subject: 'PE',
        headcount: 1,
        neededFrom: '2026-09-01',
        reason: '学校没有专职体育教师，体育课由语文教师兼上',
      });
      expect(asked.body).toMatchObject({ status: 'SUBMITTED' });
      requestId = asked.body.id;
      expect((await officer.post(`/staff-requests/${requestId}/decision`, { decision: 'APPROVE' })).status).toBe(200);

      const a = await assigned(p.id, { teacherId: id.t11, toSchoolId: school.R, mode: 'SHARED', fraction: 0.5 });
      expect(a).toMatchObject({ kind: 'SHARED', fraction: 0.5 });
      expect(a.effects.staffRequest).toMatchObject({ requestId, status: 'APPROVED', coversAll: false });
      expect(a.effects.flagsClosed).toContainEqual(expect.objectContaining({ kind: 'ZERO_COVERAGE', subject: 'PE' }));
      // Half of A's only PE teacher stays: A keeps PE taught.
      expect(a.effects.flagsOpened.filter((f) => f.kind === 'ZERO_COVERAGE')).toEqual([]);
    });

    it('moves a team together, and refuses a member on other dates', async () => {
      await assigned(p.id, { teacherId: id.t4, toSchoolId: school.B, mode: 'TEAM', teamId: 'team-math' });
      await assigned(p.id, { teacherId: id.t6, toSchoolId: school.B, mode: 'TEAM', teamId: 'team-math' });
      refused(
        await assign(p.id, { teacherId: id.t8, toSchoolId: school.B, mode: 'TEAM', teamId: 'team-math', endDate: '2028-08-31' }),
        422,
        'ROTATION_TEAM_APART',
      );
    });

    it('warns of a receiving school with no need for the teacher’s subject', async () => {
      const read = await plan(officer, p.id);
      expect(read.warnings).toContainEqual(expect.objectContaining({ code: 'RECEIVING_SCHOOL_NO_NEED', schoolId: school.B, subject: 'MATH' }));
      // The rural school asked for PE, not for Chinese.
      const pe = read.assignments.find((a) => a.teacherId === id.t11);
      const chinese = read.assignments.find((a) => a.teacherId === id.t1);
      expect(read.warnings.filter((w) => w.assignmentId === pe?.id)).toEqual([]);
      expect(read.warnings.filter((w) => w.assignmentId === chinese?.id).map((w) => [w.code, w.subject])).toEqual([
        ['RECEIVING_SCHOOL_NO_NEED', 'CHINESE'],
      ]);
      expect(read.compliance).toMatchObject({ rotatingCount: 4, backboneRotating: 1, meetsTargets: true });
    });

    it('refuses each broken assignment rule with its code, and bad input naming the field', async () => {
      refused(await assign(p.id, { teacherId: id.t2, toSchoolId: school.A }), 422, 'ROTATION_SAME_SCHOOL');
      refused(await assign(p.id, { teacherId: id.t1, toSchoolId: school.B }), 422, 'ROTATION_TEACHER_TWICE');
      refused(await assign(p.id, { teacherId: id.t2, toSchoolId: school.B, startDate: '2007-09-01' }), 422, 'POSTING_BEFORE_HIRE');
      refused(await assign(p.id, { teacherId: id.newcomer, toSchoolId: school.B, startDate: '2026-08-10' }), 422, 'POSTING_BEFORE_HIRE');
      const teacherElsewhere = await createTeacher(officer, { name: '未任教' });
      refused(await assign(p.id, { teacherId: teacherElsewhere.id, toSchoolId: school.B }), 422, 'ROTATION_NOT_AT_SCHOOL');
      refused(await assign(p.id, { teacherId: id.other, toSchoolId: school.B }, admin), 422, 'ROTATION_OTHER_COUNTY');
      refused(await assign(p.id, { teacherId: id.t2, toSchoolId: school.N }, admin), 422, 'ROTATION_OTHER_COUNTY');
      expect((await assign(p.id, { teacherId: id.other, toSchoolId: school.B })).status).toBe(404);

      const bad = await assign(p.id, { teacherId: id.t2, toSchoolId: school.B, fraction: 0.5, mode: 'DISTRICT', endDate: '2026-01-01' });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details.fields).sort()).toEqual(['endDate', 'fraction']);
      const shared = await assign(p.id, { teacherId: id.t2, toSchoolId: school.B, mode: 'SHARED' });
      expect(shared.status).toBe(400);
      expect(shared.body.details.fields.fraction).toBeDefined();
      const unknownField = await assign(p.id, { teacherId: id.t2, toSchoolId: school.B, colour: 'red' });
      expect(unknownField.status).toBe(400);
    });

    it('refuses an overlap with the teacher’s postings with the code recording gives', async () => {
      const busy = await createTeacher(officer, { name: '兼职教师' });
      await createPosting(officer, busy.id, { schoolId: school.A, startDate: '2015-09-01', fraction: 0.5 });
      await createPosting(officer, busy.id, { schoolId: school.B, startDate: '2015-09-01', kind: 'SHARED', fraction: 0.5 });
      refused(await assign(p.id, { teacherId: busy.id, toSchoolId: school.R, mode: 'SHARED', fraction: 0.6 }), 422, 'POSTING_OVERLAP');
      // Recording the same posting is refused with the same code.
      refused(
        await officer.post(`/teachers/${busy.id}/postings`, { schoolId: school.R, startDate: '2026-09-01', kind: 'SHARED', fraction: 0.6 }),
        422,
        'POSTING_OVERLAP',
      );
    });

    it('is read by officers in reach only, and changed by county officers only', async () => {
      expect((await plan(city, p.id)).assignments).toHaveLength(4);
      expect((await neighbour.get(`/rotation-plans/${p.id}`)).status).toBe(404);
      // A draft is the officers' working paper: the principals and teachers it concerns see it once approved.
      expect((await principalA.get(`/rotation-plans/${p.id}`)).status).toBe(404);
      expect((await teacherClient.get(`/rotation-plans/${p.id}`)).status).toBe(404);
      expect((await principalA.get('/rotation-plans')).body.items).toEqual([]);
      expect((await city.post(`/rotation-plans/${p.id}/submit`)).status).toBe(403);
      expect((await neighbour.post(`/rotation-plans/${p.id}/submit`)).status).toBe(404);
      expect((await principalA.post('/rotation-plans', { countyId: '320321', year: 2026 })).status).toBe(403);
      expect((await neighbour.post('/rotation-plans', { countyId: '320321', year: 2026 })).status).toBe(404);
      const listed = await city.get('/rotation-plans?countyId=320321&year=2026');
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
      expect((await neighbour.get('/rotation-plans?countyId=320321')).body.items).toEqual([]);
    });

    it('is submitted, and the county’s other officers hear of it', async () => {
      const response = await officer.post(`/rotation-plans/${p.id}/submit`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'SUBMITTED', actions: ['APPROVE', 'CANCEL'] });
      expect(await noticeKinds(colleague, p.id)).toEqual(['ROTATION_PLAN_SUBMITTED']);
      expect(await noticeKinds(officer, p.id)).toEqual([]);
      refused(await assign(p.id, { teacherId: id.t2, toSchoolId: school.B }), 422, 'ROTATION_PLAN_NOT_DRAFT');
      const [first] = (await plan(officer, p.id)).assignments;
      refused(await officer.delete(`/rotation-plans/${p.id}/assignments/${first.id}`), 422, 'ROTATION_PLAN_NOT_DRAFT');
      refused(await officer.post(`/rotation-plans/${p.id}/submit`), 422, 'ROTATION_PLAN_NOT_DRAFT');
      refused(await officer.post(`/rotation-plans/${p.id}/activate`), 422, 'ROTATION_PLAN_NOT_APPROVED');
    });

    it('is approved, and its teachers and the principals of both schools hear of it', async () => {
      const response = await colleague.post(`/rotation-plans/${p.id}/approve`);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('APPROVED');
      refused(await officer.post(`/rotation-plans/${p.id}/approve`), 422, 'ROTATION_PLAN_NOT_SUBMITTED');
      expect(await noticeKinds(teacherClient, p.id)).toEqual(['ROTATION_PLAN_APPROVED']);
      expect(await noticeKinds(principalA, p.id)).toEqual(['ROTATION_PLAN_APPROVED']);
      expect(await noticeKinds(principalR, p.id)).toEqual(['ROTATION_PLAN_APPROVED']);
    });

    it('shows the principals and teachers it concerns their part of the approved plan, and nothing to do', async () => {
      const forA = await plan(principalA, p.id);
      expect(forA.assignments).toHaveLength(4);
      expect(forA.actions).toEqual([]);
      const forR = await plan(principalR, p.id);
      expect(forR.assignments.map((a) => a.teacherId).sort()).toEqual([id.t1, id.t11].sort());
      expect(forR.warnings.every((w) => forR.assignments.some((a) => a.id === w.assignmentId))).toBe(true);
      const own = await plan(teacherClient, p.id);
      expect(own.assignments.map((a) => a.teacherId)).toEqual([id.t1]);
      expect((await teacherClient.get('/rotation-plans')).body.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
      expect((await teacherClient.post(`/rotation-plans/${p.id}/activate`)).status).toBe(403);
      expect(
        (await (await account(t, officer, { username: 'teacher.two', role: 'TEACHER', teacherId: id.t2 })).get(`/rotation-plans/${p.id}`)).status,
      ).toBe(404);
    });

    it('is activated: the postings are written as the review showed, and the PE request is fulfilled', async () => {
      const response = await officer.post(`/rotation-plans/${p.id}/activate`);
      expect(response.status).toBe(200);
      // Two full-time teachers and a team of two close their home postings; the shared one is closed and split.
      expect(response.body).toMatchObject({
        status: 'ACTIVE',
        activation: { assignments: 4, postingsChanged: 4, postingsWritten: 9, staffRequestsCounted: 1 },
      });
      const active = await plan(officer, p.id);
      expect(active.status).toBe('ACTIVE');
      expect(active.assignments.every((a) => a.postingId !== null)).toBe(true);

      const t1 = await postingsOf(id.t1);
      expect(t1.map((p) => [p.schoolId, p.kind, p.startDate, p.endDate, p.fraction])).toEqual([
        [school.A, 'REGULAR', '2015-09-01', '2026-08-31', 1],
        [school.R, 'SUPPORT', '2026-09-01', '2029-08-31', 1],
        [school.A, 'REGULAR', '2029-09-01', null, 1],
      ]);
      const t11 = await postingsOf(id.t11);
      expect(t11.map((p) => [p.schoolId, p.kind, p.startDate, p.endDate, p.fraction])).toEqual([
        [school.A, 'REGULAR', '2015-09-01', '2026-08-31', 1],
        [school.A, 'REGULAR', '2026-09-01', '2029-08-31', 0.5],
        [school.R, 'SHARED', '2026-09-01', '2029-08-31', 0.5],
        [school.A, 'REGULAR', '2029-09-01', null, 1],
      ]);
      const request = await officer.get(`/staff-requests/${requestId}`);
      expect(request.body.fulfilments.map((f: { postingId: string }) => f.postingId)).toEqual([
        active.assignments.find((a) => a.teacherId === id.t11)?.postingId,
      ]);
      expect(await noticeKinds(teacherClient, p.id)).toEqual(expect.arrayContaining(['ROTATION_PLAN_APPROVED', 'ROTATION_PLAN_ACTIVATED']));
      expect(await noticeKinds(principalR, p.id)).toEqual(expect.arrayContaining(['ROTATION_PLAN_ACTIVATED']));
    });

    it('refuses every step an active plan does not allow, each with its code', async () => {
      refused(await officer.post(`/rotation-plans/${p.id}/activate`), 422, 'ROTATION_PLAN_NOT_APPROVED');
      refused(await officer.post(`/rotation-plans/${p.id}/cancel`, { reason: '撤销' }), 422, 'ROTATION_PLAN_NOT_CANCELLABLE');
      refused(await officer.post(`/rotation-plans/${p.id}/complete`), 422, 'ROTATION_TERMS_RUNNING');
      refused(await officer.post(`/rotation-plans/${p.id}/approve`), 422, 'ROTATION_PLAN_NOT_SUBMITTED');
    });
  });

  describe('other plans', () => {
    it('refuses to submit an empty plan, and cancels a draft only with a reason', async () => {
      const p = await newPlan(2027);
      refused(await officer.post(`/rotation-plans/${p.id}/submit`), 422, 'ROTATION_PLAN_EMPTY');
      const noReason = await officer.post(`/rotation-plans/${p.id}/cancel`, {});
      expect(noReason.status).toBe(400);
      expect(noReason.body.details.fields.reason).toBeDefined();
      const cancelled = await officer.post(`/rotation-plans/${p.id}/cancel`, { reason: '重新编制' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancelReason: '重新编制', actions: [] });
      refused(await officer.post(`/rotation-plans/${p.id}/cancel`, { reason: '再次撤销' }), 422, 'ROTATION_PLAN_NOT_CANCELLABLE');
    });

    it('removes an assignment from a draft, and the compliance follows', async () => {
      const p = await newPlan(2027);
      const a = await assigned(p.id, { teacherId: id.t2, toSchoolId: school.B, startDate: '2027-09-01' });
      expect((await officer.delete(`/rotation-plans/${p.id}/assignments/${a.id}`)).status).toBe(204);
      expect((await officer.delete(`/rotation-plans/${p.id}/assignments/${a.id}`)).status).toBe(404);
      const read = await plan(officer, p.id);
      expect(read).toMatchObject({ assignmentCount: 0, lastDay: null });
    });

    it('counts another plan’s assignment not yet activated against the teacher’s postings', async () => {
      const first = await newPlan(2027);
      await assigned(first.id, { teacherId: id.t3, toSchoolId: school.B, startDate: '2027-09-01' });
      const second = await newPlan(2027);
      refused(await assign(second.id, { teacherId: id.t3, toSchoolId: school.R, startDate: '2028-09-01' }), 422, 'POSTING_OVERLAP');
    });

    it('activates all or nothing: one assignment that no longer fits refuses the whole plan and writes nothing', async () => {
      const p = await newPlan(2027);
      await assigned(p.id, { teacherId: id.t5, toSchoolId: school.B, startDate: '2027-09-01' });
      await assigned(p.id, { teacherId: id.t7, toSchoolId: school.B, startDate: '2027-09-01' });
      expect((await officer.post(`/rotation-plans/${p.id}/submit`)).status).toBe(200);
      expect((await officer.post(`/rotation-plans/${p.id}/approve`)).status).toBe(200);

      // After approval, t7's home posting is closed and a posting at R recorded inside the term.
      const [home] = await postingsOf(id.t7);
      expect((await officer.patch(`/postings/${home.id}`, { version: home.version, endDate: '2028-08-31' })).status).toBe(200);
      await createPosting(officer, id.t7, { schoolId: school.R, startDate: '2028-09-01' });
      const before5 = await postingsOf(id.t5);
      const before7 = await postingsOf(id.t7);

      const response = await officer.post(`/rotation-plans/${p.id}/activate`);
      refused(response, 422, 'POSTING_OVERLAP');
      expect(response.body.details).toMatchObject({ teacherId: id.t7 });
      expect(await postingsOf(id.t5)).toEqual(before5);
      expect(await postingsOf(id.t7)).toEqual(before7);
      expect((await plan(officer, p.id)).status).toBe('APPROVED');
    });

    it('writes once when two officers activate the same plan at the same moment', async () => {
      const p = await newPlan(2027);
      await assigned(p.id, { teacherId: id.t9, toSchoolId: school.R, startDate: '2027-09-01', mode: 'URBAN_RURAL' });
      expect((await officer.post(`/rotation-plans/${p.id}/submit`)).status).toBe(200);
      expect((await officer.post(`/rotation-plans/${p.id}/approve`)).status).toBe(200);
      const answers = await Promise.all([officer.post(`/rotation-plans/${p.id}/activate`), colleague.post(`/rotation-plans/${p.id}/activate`)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
      expect(answers.find((a) => a.status === 422)?.body.code).toBe('ROTATION_PLAN_NOT_APPROVED');
      const postings = await postingsOf(id.t9);
      expect(postings.filter((x) => x.kind === 'SUPPORT')).toHaveLength(1);
      expect(postings).toHaveLength(3);
    });

    it('is completed once every term has ended, by an officer or by the nightly run', async () => {
      const byHand = await newPlan(2019);
      await assigned(byHand.id, { teacherId: id.t10, toSchoolId: school.B, startDate: '2019-09-01', endDate: '2020-08-31' });
      const nightly = await newPlan(2021);
      await assigned(nightly.id, { teacherId: id.t10, toSchoolId: school.R, startDate: '2021-09-01', endDate: '2022-08-31', mode: 'URBAN_RURAL' });
      for (const p of [byHand, nightly]) {
        refused(await officer.post(`/rotation-plans/${p.id}/complete`), 422, 'ROTATION_PLAN_NOT_ACTIVE');
        for (const step of ['submit', 'approve', 'activate']) expect((await officer.post(`/rotation-plans/${p.id}/${step}`)).status).toBe(200);
      }
      const completed = await officer.post(`/rotation-plans/${byHand.id}/complete`);
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({ status: 'COMPLETED', actions: [] });

      expect(await t.app.get(CompleteEndedRotationPlansUseCase).execute()).toBe(1);
      expect((await plan(officer, nightly.id)).status).toBe('COMPLETED');
      expect(await t.app.get(CompleteEndedRotationPlansUseCase).execute()).toBe(0);
      // The teacher went and came back twice: home again since 2022-09-01.
      expect((await postingsOf(id.t10)).map((x) => [x.schoolId, x.kind, x.startDate, x.endDate])).toEqual([
        [school.A, 'REGULAR', '2015-09-01', '2019-08-31'],
        [school.B, 'ROTATION', '2019-09-01', '2020-08-31'],
        [school.A, 'REGULAR', '2020-09-01', '2021-08-31'],
        [school.R, 'SUPPORT', '2021-09-01', '2022-08-31'],
        [school.A, 'REGULAR', '2022-09-01', null],
      ]);
    });

    it('answers 404 for a plan that does not exist, and 400 for a bad plan year', async () => {
      expect((await officer.get('/rotation-plans/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      const bad = await officer.post('/rotation-plans', { countyId: '320321', year: 'next' });
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields.year).toBeDefined();
    });
  });
});
