import { TransactionHost } from '@app/database';
import { account, Client, loginAdmin } from './support/api';
import { eventually } from './support/eventually';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

interface Flag {
  id: string;
  schoolId: string;
  subject: string | null;
  kind: string;
  severity: string;
  requiredFte: number;
  actualFte: number;
  gap: number;
  status: string;
  openedAt: string;
  resolvedAt: string | null;
}

interface Scan {
  id: string;
  trigger: string;
  schoolId: string | null;
  status: string;
  schoolsTotal: number;
  schoolsScanned: number;
  schoolsFailed: number;
  flagsOpened: number;
  flagsUpdated: number;
  flagsResolved: number;
  error: string | null;
}

/** Six grades of one class each, 40 pupils a class: 240 pupils. */
const SIX_CLASS_PRIMARY = [1, 2, 3, 4, 5, 6].map((grade) => ({ grade, students: 40, classes: 1 }));

/**
 * Shortage scans through HTTP: an officer's scan and its flags with their explanation, a second
 * scan that changes nothing, the rescan after a posting change (resolve, reopen, notify), each
 * role's reach over flags, scans and summaries, bad input, and a school that keeps failing. The
 * same on both profiles: with BullMQ a worker runs the scans, so the tests wait for them.
 */
describe('shortages', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let neighbour: Client;
  let city: Client;
  let principal: Client;
  let teacher: Client;
  let huashan: { id: string };
  let huankou: { id: string };

  const scanOf = async (client: Client, scanId: string): Promise<Scan> => {
    const response = await client.get(`/shortage-scans/${scanId}`);
    expect(response.status).toBe(200);
    return response.body as Scan;
  };

  /** Starts a scan and waits until it has finished (DONE or FAILED). */
  const scan = async (client: Client, body: { countyId?: string } = {}): Promise<Scan> => {
    const started = await client.post('/shortage-scans', body);
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ scanId: expect.any(String) });
    let finished: Scan | undefined;
    await eventually(async () => {
      finished = await scanOf(client, started.body.scanId);
      expect(['DONE', 'FAILED']).toContain(finished.status);
    });
    return finished as Scan;
  };

  const flags = async (client: Client, query: string): Promise<Flag[]> => {
    const response = await client.get(`/shortage-flags?pageSize=500&${query}`);
    expect(response.status).toBe(200);
    return response.body.items as Flag[];
  };
  const flagOf = async (schoolId: string, kind: string, subject: string) =>
    (await flags(officer, `schoolId=${schoolId}&kind=${kind}&subject=${subject}`))[0] as Flag | undefined;

  beforeAll(async () => {
    // Rescans after a change wait an hour here, so that only the scans a test asks for run (the next block tests rescans).
    t = await createTestApp({
      today: '2026-09-01',
      env: { SHORTAGE_RESCAN_DELAY_MS: '3600000', SHORTAGE_SCAN_ATTEMPTS: '2', OUTBOX_POLL_MS: '100' },
    });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    neighbour = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });

    huashan = await createSchool(officer, { name: '华山中心小学', location: 'URBAN' });
    huankou = await createSchool(officer, { name: '欢口中心小学', location: 'RURAL' });
    for (const school of [huashan, huankou]) {
      expect((await officer.put(`/schools/${school.id}/enrolment`, { schoolYear: 2026, grades: SIX_CLASS_PRIMARY })).status).toBe(200);
    }
    const head = await createTeacher(officer, { name: '王校长', post: 'PRINCIPAL', subject: 'CHINESE' });
    await createPosting(officer, head.id, { schoolId: huashan.id, startDate: '2016-09-01' });
    principal = await account(t, officer, { username: 'principal.huashan', role: 'PRINCIPAL', schoolId: huashan.id, teacherId: head.id });
    // A maths teacher who gives 0.3 of the week to PE.
    const maths = await createTeacher(officer, { name: '李老师', subject: 'MATH', extraSubjects: [{ subject: 'PE', fraction: 0.3 }] });
    await createPosting(officer, maths.id, { schoolId: huashan.id, startDate: '2019-09-01' });
    teacher = await account(t, officer, { username: 'teacher.li', role: 'TEACHER', teacherId: maths.id });
  });
  afterAll(() => t.close());

  describe('a scan of a county', () => {
    let first: Scan;

    beforeAll(async () => {
      first = await scan(officer, { countyId: '320321' });
    });

    it('scans every school of the county and counts the flags it opened', () => {
      expect(first).toMatchObject({
        status: 'DONE',
        schoolsTotal: 2,
        schoolsScanned: 2,
        schoolsFailed: 0,
        flagsUpdated: 0,
        flagsResolved: 0,
        error: null,
      });
      expect(first.flagsOpened).toBeGreaterThan(2);
    });

    it('flags PE at the school where one teacher gives it 0.3 of the week: 6 × (4,4,3,3,3,3) ÷ 16 = 1.25 needed', async () => {
      const pe = await flagOf(huashan.id, 'SUBJECT_GAP', 'PE');
      expect(pe).toMatchObject({ severity: 'MEDIUM', requiredFte: 1.25, actualFte: 0.3, gap: 0.95, status: 'OPEN', resolvedAt: null });
      // The rural school has no PE teacher at all: it cannot teach PE (开不齐).
      expect(await flagOf(huankou.id, 'ZERO_COVERAGE', 'PE')).toMatchObject({ severity: 'CRITICAL', requiredFte: 1.25, actualFte: 0, gap: 1.25 });
      // An urban school needs a full-time psychology teacher.
      expect(await flagOf(huashan.id, 'PSY_FULLTIME_MISSING', 'PSYCHOLOGY')).toMatchObject({ status: 'OPEN' });
    });

    it('explains a flag with the grades, the teachers and the policy numbers, adding up to its figures', async () => {
      const pe = (await flagOf(huashan.id, 'SUBJECT_GAP', 'PE')) as Flag;
      const response = await officer.get(`/shortage-flags/${pe.id}`);
      expect(response.status).toBe(200);
      const { explanation } = response.body;
      expect(explanation.policyVersion).toBe(response.body.policyVersion);
      expect(explanation.required.schoolYear).toBe(2026);
      expect(explanation.required.grades.map((g: { grade: number; weeklyPeriods: number }) => [g.grade, g.weeklyPeriods])).toEqual([
        [1, 4],
        [2, 4],
        [3, 3],
        [4, 3],
        [5, 3],
        [6, 3],
      ]);
      const sum = (lines: { fte: number }[]) => Math.round(lines.reduce((total, line) => total + line.fte * 1000, 0));
      expect(sum(explanation.required.grades)).toBe(1250);
      expect(explanation.actual.teachers).toEqual([{ teacherId: expect.any(String), name: '李老师', postingFraction: 1, share: 0.3, fte: 0.3 }]);
      expect(sum(explanation.actual.teachers)).toBe(300);
      expect(explanation.parameters).toMatchObject({ gapThreshold: 0.5, 'standardLoad.primary': 16 });
      expect(response.body.summary.zh).toContain('1.25');
    });

    it('changes nothing when the same facts are scanned again', async () => {
      const before = await flags(officer, 'countyId=320321');
      const again = await scan(officer, { countyId: '320321' });
      expect(again).toMatchObject({ status: 'DONE', schoolsScanned: 2, flagsOpened: 0, flagsUpdated: 0, flagsResolved: 0 });
      const after = await flags(officer, 'countyId=320321');
      expect(after.map((flag) => [flag.id, flag.status, flag.openedAt, flag.gap])).toEqual(
        before.map((flag) => [flag.id, flag.status, flag.openedAt, flag.gap]),
      );
    });

    it('notifies the county’s officers and the school’s principal of HIGH and CRITICAL flags, once each, and never a MEDIUM one', async () => {
      const { body } = await principal.get('/notifications?pageSize=500');
      const about = (body.items as { entityId: string; kind: string }[]).map((item) => item.entityId);
      const mine = await flags(principal, '');
      const notified = mine.filter((flag) => flag.severity === 'HIGH' || flag.severity === 'CRITICAL');
      expect(notified.length).toBeGreaterThan(0);
      expect([...about].sort()).toEqual(notified.map((flag) => flag.id).sort());
      const pe = (await flagOf(huashan.id, 'SUBJECT_GAP', 'PE')) as Flag;
      expect(about).not.toContain(pe.id);
      const officers = (await officer.get('/notifications?pageSize=500')).body.items as { entityId: string }[];
      const rural = (await flagOf(huankou.id, 'ZERO_COVERAGE', 'PE')) as Flag;
      expect(officers.filter((item) => item.entityId === rural.id)).toHaveLength(1);
      expect((await teacher.get('/notifications')).body.total).toBe(0);
    });
  });

  describe('who reads what', () => {
    it('keeps a principal to their own school and a teacher out', async () => {
      const mine = await flags(principal, '');
      expect(mine.length).toBeGreaterThan(0);
      expect(new Set(mine.map((flag) => flag.schoolId))).toEqual(new Set([huashan.id]));
      expect((await principal.get(`/shortage-flags?schoolId=${huankou.id}`)).status).toBe(404);
      const rural = (await flagOf(huankou.id, 'ZERO_COVERAGE', 'PE')) as Flag;
      expect((await principal.get(`/shortage-flags/${rural.id}`)).status).toBe(404);
      expect((await teacher.get('/shortage-flags')).status).toBe(403);
      expect((await teacher.get(`/shortage-flags/${rural.id}`)).status).toBe(403);
      expect((await principal.get('/counties/320321/shortage-summary')).status).toBe(403);
      expect((await principal.post('/shortage-scans', {})).status).toBe(403);
      expect((await teacher.post('/shortage-scans', {})).status).toBe(403);
      expect((await principal.get('/shortage-scans')).status).toBe(403);
    });

    it('keeps another county’s officer out with 404, and lets the city officer read', async () => {
      const rural = (await flagOf(huankou.id, 'ZERO_COVERAGE', 'PE')) as Flag;
      expect((await neighbour.get(`/shortage-flags/${rural.id}`)).status).toBe(404);
      expect((await neighbour.get('/shortage-flags?countyId=320321')).status).toBe(404);
      expect((await neighbour.get(`/shortage-flags?schoolId=${huashan.id}`)).status).toBe(404);
      expect((await neighbour.get('/counties/320321/shortage-summary')).status).toBe(404);
      expect((await neighbour.post('/shortage-scans', { countyId: '320321' })).status).toBe(404);
      expect((await neighbour.get('/shortage-scans?countyId=320321')).status).toBe(404);
      const theirs = await flags(neighbour, '');
      expect(theirs.filter((flag) => flag.schoolId === huashan.id || flag.schoolId === huankou.id)).toEqual([]);
      expect((await city.get(`/shortage-flags/${rural.id}`)).status).toBe(200);
      expect((await officer.get('/counties/999999/shortage-summary')).status).toBe(404);
    });

    it('answers 400 naming the field for bad query values and a bad county', async () => {
      for (const [path, field] of [
        ['/shortage-flags?status=SOMETIMES', 'status'],
        ['/shortage-flags?subject=ASTROLOGY', 'subject'],
        ['/shortage-flags?kind=GAP', 'kind'],
        ['/shortage-flags?countyId=32', 'countyId'],
        ['/shortage-flags?pageSize=0', 'pageSize'],
        ['/counties/320321/shortage-summary?schools=0', 'schools'],
        ['/shortage-scans?status=LATE', 'status'],
      ]) {
        const response = await officer.get(path);
        expect([path, response.status]).toEqual([path, 400]);
        expect(response.body.details.fields).toHaveProperty(field);
      }
      const response = await officer.post('/shortage-scans', { countyId: 'fengxian' });
      expect(response.status).toBe(400);
      expect(response.body.details.fields).toHaveProperty('countyId');
    });
  });

  describe('summaries', () => {
    it('sums a county’s open flags by subject, kind and severity, and lists its schools with the most severe gaps first', async () => {
      const response = await officer.get('/counties/320321/shortage-summary');
      expect(response.status).toBe(200);
      const summary = response.body;
      const open = await flags(officer, 'countyId=320321&status=OPEN');
      const count = (severity: string) => open.filter((flag) => flag.severity === severity).length;
      expect(summary.open).toEqual({ critical: count('CRITICAL'), high: count('HIGH'), medium: count('MEDIUM'), total: open.length, schools: 2 });
      expect(summary.open.total).toBeGreaterThan(0);
      expect(summary.bySubject.find((row: { subject: string }) => row.subject === 'PE')).toEqual({
        subject: 'PE',
        critical: 1,
        high: 0,
        medium: 1,
        total: 2,
      });
      const kinds = summary.byKind.reduce((total: number, row: { total: number }) => total + row.total, 0);
      expect(kinds).toBe(open.length);
      expect(summary.schools).toHaveLength(2);
      expect(summary.schools[0].critical).toBeGreaterThanOrEqual(summary.schools[1].critical);
      expect(summary.lastScan).toMatchObject({ status: 'DONE', countyId: '320321' });
    });

    it('rolls the counties of a city up for its officer, and the province or a city up for the administrator', async () => {
      const mine = await city.get('/shortage-summary');
      expect(mine.status).toBe(200);
      expect(mine.body.cityId).toBe('320300');
      const fengxian = mine.body.counties.find((row: { countyId: string }) => row.countyId === '320321');
      const summary = (await officer.get('/counties/320321/shortage-summary')).body;
      expect(fengxian).toMatchObject({ countyName: '丰县', total: summary.open.total, critical: summary.open.critical, schools: 2 });
      expect(mine.body.counties.every((row: { countyId: string }) => row.countyId.startsWith('3203'))).toBe(true);
      expect(mine.body.counties[0].countyId).toBe('320321');

      const province = await admin.get('/shortage-summary');
      expect(province.status).toBe(200);
      expect(province.body.cityId).toBeNull();
      expect(province.body.counties).toHaveLength(95);
      expect((await admin.get('/shortage-summary?cityId=320300')).body.counties).toEqual(mine.body.counties);
      expect((await city.get('/shortage-summary?cityId=320400')).status).toBe(404);
      expect((await admin.get('/shortage-summary?cityId=329900')).status).toBe(404);
      expect((await officer.get('/shortage-summary')).status).toBe(403);
      expect((await principal.get('/shortage-summary')).status).toBe(403);
    });
  });

  describe('a school that keeps failing', () => {
    it('marks the scan FAILED with the school’s error kept, after the other schools finished', async () => {
      const good = await createSchool(neighbour, { name: '沛城小学', location: 'URBAN' });
      const broken = await createSchool(neighbour, { name: '大屯小学', location: 'RURAL' });
      for (const school of [good, broken]) {
        expect((await neighbour.put(`/schools/${school.id}/enrolment`, { schoolYear: 2026, grades: SIX_CLASS_PRIMARY })).status).toBe(200);
      }
      // A row the API would refuse, as a damaged import might leave it: grade 13.
      await t.app.get(TransactionHost).run(async () => {
        const manager = t.app.get(TransactionHost).manager;
        const [row] = await manager.query<{ id: string }[]>('SELECT id FROM school_enrolment WHERE school_id = ?', [broken.id]);
        await manager.query('INSERT INTO enrolment_grade (enrolment_id, grade, students, classes) VALUES (?, 13, 10, 1)', [row.id]);
      });
      const failed = await scan(neighbour, { countyId: '320322' });
      expect(failed).toMatchObject({ status: 'FAILED', schoolsTotal: 2, schoolsScanned: 1, schoolsFailed: 1 });
      expect(failed.error).toContain(broken.id);
      expect(failed.error).toContain('grade 13');
      expect((await flags(neighbour, `schoolId=${good.id}`)).length).toBeGreaterThan(0);
      expect(await flags(neighbour, `schoolId=${broken.id}`)).toEqual([]);
    });
  });
});

/**
 * Rescans after a change: the school is scanned again on its own once SHORTAGE_RESCAN_DELAY_MS has
 * passed, and the changes made meanwhile join that one rescan.
 */
describe('shortages after a change to a school', () => {
  let t: TestApp;
  let officer: Client;
  let principal: Client;
  let school: { id: string };

  const flagOf = async (kind: string, subject: string) => {
    const response = await officer.get(`/shortage-flags?schoolId=${school.id}&kind=${kind}&subject=${subject}`);
    expect(response.status).toBe(200);
    return response.body.items[0] as Flag | undefined;
  };
  const changeScans = async (): Promise<Scan[]> => {
    const response = await officer.get('/shortage-scans?countyId=320321&pageSize=500');
    expect(response.status).toBe(200);
    return (response.body.items as Scan[]).filter((item) => item.trigger === 'CHANGE' && item.schoolId === school.id);
  };
  /** Waits until every rescan queued so far has run, and answers how many there have been. */
  const settled = async (atLeast: number): Promise<number> => {
    let count = 0;
    await eventually(async () => {
      const rescans = await changeScans();
      expect(rescans.length).toBeGreaterThanOrEqual(atLeast);
      expect(rescans.every((rescan) => rescan.status === 'DONE')).toBe(true);
      count = rescans.length;
    });
    return count;
  };

  beforeAll(async () => {
    // The delay leaves room for ten writes on a busy machine (two test runs side by side share its cores).
    t = await createTestApp({ today: '2026-09-01', env: { SHORTAGE_RESCAN_DELAY_MS: '2500', OUTBOX_POLL_MS: '100' } });
    const admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    school = await createSchool(officer, { name: '华山中心小学', location: 'URBAN' });
    const head = await createTeacher(officer, { name: '王校长', post: 'PRINCIPAL', subject: 'CHINESE' });
    await createPosting(officer, head.id, { schoolId: school.id, startDate: '2016-09-01' });
    principal = await account(t, officer, { username: 'principal.huashan', role: 'PRINCIPAL', schoolId: school.id, teacherId: head.id });
    expect((await officer.put(`/schools/${school.id}/enrolment`, { schoolYear: 2026, grades: SIX_CLASS_PRIMARY })).status).toBe(200);
    await settled(1);
  });
  afterAll(() => t.close());

  it('rescans the school after a posting is added, resolves its music flag, and reopens the same flag when the teacher leaves', async () => {
    const open = (await flagOf('ZERO_COVERAGE', 'MUSIC')) as Flag;
    expect(open).toMatchObject({ status: 'OPEN', severity: 'CRITICAL', requiredFte: 0.75 });
    const before = await settled(1);

    const music = await createTeacher(officer, { name: '赵老师', subject: 'MUSIC' });
    const posting = await createPosting(officer, music.id, { schoolId: school.id, startDate: '2026-08-25' });
    await eventually(async () => expect(await flagOf('ZERO_COVERAGE', 'MUSIC')).toMatchObject({ id: open.id, status: 'RESOLVED' }));
    const after = await settled(before + 1);
    expect((await changeScans())[0]).toMatchObject({ status: 'DONE', schoolsTotal: 1, schoolsScanned: 1, flagsResolved: 1 });

    expect((await officer.delete(`/postings/${posting.id}?version=${posting.version}`)).status).toBe(204);
    await eventually(async () => expect(await flagOf('ZERO_COVERAGE', 'MUSIC')).toMatchObject({ id: open.id, status: 'OPEN', resolvedAt: null }));
    await settled(after + 1);
    await eventually(async () => {
      const { body } = await principal.get('/notifications?pageSize=500');
      const about = (body.items as { entityId: string; kind: string }[]).filter((item) => item.entityId === open.id);
      expect(about.map((item) => item.kind).sort()).toEqual(['SHORTAGE_FLAG_OPENED', 'SHORTAGE_FLAG_REOPENED']);
    });
  });

  it('makes one rescan of ten changes within the delay', async () => {
    const before = await settled(1);
    for (let students = 31; students <= 40; students += 1) {
      const grades = SIX_CLASS_PRIMARY.map((grade) => ({ ...grade, students }));
      expect((await officer.put(`/schools/${school.id}/enrolment`, { schoolYear: 2026, grades })).status).toBe(200);
    }
    expect(await settled(before + 1)).toBe(before + 1);
    // Nothing else was left waiting.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await changeScans()).length).toBe(before + 1);
  });
});
