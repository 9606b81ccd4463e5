import { JobName, JobQueue } from '@app/queue';
import { account, Client, loginAdmin } from './support/api';
import { eventually } from './support/eventually';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('teachers and postings', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let neighbour: Client;

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-09-01' });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    neighbour = await account(t, admin, { username: 'officer.liyang', role: 'COUNTY_OFFICER', countyId: '320481' });
  });
  afterAll(() => t.close());

  describe('teachers', () => {
    it('registers a teacher with extra subjects and title, and reads them back', async () => {
      const response = await officer.post('/teachers', {
        countyId: '320321',
        staffNo: 'FX2008031',
        name: '王静',
        gender: 'FEMALE',
        birthDate: '1986-04-12',
        hireDate: '2008-09-01',
        onQuota: true,
        subject: 'CHINESE',
        extraSubjects: [{ subject: 'MORAL_LAW', fraction: 0.25 }],
        title: { level: 'FIRST', since: '2018-09-01' },
        backbone: 'COUNTY',
        psychology: 'PART_TIME',
        post: 'TEACHER',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        staffNo: 'FX2008031',
        extraSubjects: [{ subject: 'MORAL_LAW', fraction: 0.25 }],
        title: { level: 'FIRST', since: '2018-09-01' },
        currentPostings: [],
        version: 1,
      });
      expect((await officer.get(`/teachers/${response.body.id}`)).body).toEqual(response.body);
    });

    it('names inconsistent facts: hire before 16, title without a date, extra subject = main subject', async () => {
      const response = await officer.post('/teachers', {
        countyId: '320321',
        staffNo: 'BAD1',
        name: '某',
        gender: 'MALE',
        birthDate: '2000-01-01',
        hireDate: '2010-09-01',
        onQuota: true,
        subject: 'PE',
        extraSubjects: [{ subject: 'PE', fraction: 0.5 }],
        title: { level: 'SECOND' },
        backbone: 'NONE',
        psychology: 'NONE',
        post: 'TEACHER',
      });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.details.fields).sort()).toEqual(['extraSubjects.0.subject', 'hireDate', 'title.since']);
      const nested = await officer.post('/teachers', { ...validTeacher(), title: { level: 'GRAND', since: 'yesterday' } });
      expect(Object.keys(nested.body.details.fields).sort()).toEqual(['title.level', 'title.since']);
    });

    it('refuses a taken staff number in the county (409) and a county out of scope (404)', async () => {
      await createTeacher(officer, { staffNo: 'SAME-1' });
      const again = await officer.post('/teachers', { ...validTeacher(), staffNo: 'SAME-1' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('STAFF_NO_TAKEN');
      expect((await officer.post('/teachers', { ...validTeacher(), countyId: '320481' })).status).toBe(404);
    });

    it('updates with the version and refuses a stale one', async () => {
      const teacher = await createTeacher(officer);
      const updated = await officer.patch(`/teachers/${teacher.id}`, {
        version: 1,
        backbone: 'CITY',
        title: { level: 'SENIOR', since: '2025-01-01' },
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ backbone: 'CITY', title: { level: 'SENIOR', since: '2025-01-01' }, version: 2 });
      expect((await officer.patch(`/teachers/${teacher.id}`, { version: 1, name: 'x' })).body.code).toBe('VERSION_CONFLICT');
      expect((await officer.patch(`/teachers/${teacher.id}`, { version: 2, countyId: '320481' })).body.details.fields).toHaveProperty('countyId');
    });
  });

  describe('postings and the one-full-post invariant', () => {
    let a: { id: string };
    let b: { id: string; name?: unknown };
    let c: { id: string };

    beforeAll(async () => {
      a = await createSchool(officer, { location: 'URBAN' });
      b = await createSchool(officer, { location: 'RURAL' });
      c = await createSchool(officer, { location: 'TOWN' });
    });

    it('records a history: close the home posting the day before a rotation starts', async () => {
      const teacher = await createTeacher(officer);
      const home = await createPosting(officer, teacher.id, { schoolId: a.id, startDate: '2010-09-01' });
      expect(home).toMatchObject({ teacherId: teacher.id, schoolId: a.id, endDate: null, kind: 'REGULAR', fraction: 1, version: 1 });
      const overlapping = await officer.post(`/teachers/${teacher.id}/postings`, { schoolId: b.id, startDate: '2024-09-01', kind: 'ROTATION' });
      expect(overlapping.status).toBe(422);
      expect(overlapping.body).toMatchObject({
        code: 'POSTING_OVERLAP',
        details: { date: '2024-09-01', total: 2, overlappingPostingIds: [home.id] },
      });

      const closed = await officer.patch(`/postings/${home.id}`, { version: 1, endDate: '2024-08-31' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ endDate: '2024-08-31', version: 2 });
      await createPosting(officer, teacher.id, { schoolId: b.id, startDate: '2024-09-01', endDate: '2027-08-31', kind: 'ROTATION' });
      const history = await officer.get(`/teachers/${teacher.id}/postings`);
      expect(history.body.map((p: { schoolId: string; startDate: string; endDate: string | null }) => [p.schoolId, p.startDate, p.endDate])).toEqual([
        [a.id, '2010-09-01', '2024-08-31'],
        [b.id, '2024-09-01', '2027-08-31'],
      ]);
      expect((await officer.get(`/teachers/${teacher.id}`)).body.currentPostings).toEqual([
        { postingId: history.body[1].id, schoolId: b.id, schoolName: b.name, kind: 'ROTATION', fraction: 1 },
      ]);
    });

    it('names the school next to its id wherever a posting is answered, also where the reader may not list the school', async () => {
      const home = await createSchool(officer, { name: '丰县华山镇中心小学' });
      const rural = await createSchool(officer, { name: '丰县赵庄镇李楼小学', location: 'RURAL' });
      const teacher = await createTeacher(officer);
      const created = await createPosting(officer, teacher.id, { schoolId: home.id, startDate: '2012-09-01' });
      expect(created).toMatchObject({ schoolId: home.id, schoolName: '丰县华山镇中心小学' });
      const closed = await officer.patch(`/postings/${created.id}`, { version: 1, endDate: '2025-08-31' });
      expect(closed.body).toMatchObject({ schoolId: home.id, schoolName: '丰县华山镇中心小学', endDate: '2025-08-31' });
      await createPosting(officer, teacher.id, { schoolId: rural.id, startDate: '2025-09-01', kind: 'ROTATION' });
      const byOfficer = await officer.get(`/teachers/${teacher.id}/postings`);
      expect(byOfficer.body.map((p: { schoolId: string; schoolName: string }) => [p.schoolId, p.schoolName])).toEqual([
        [home.id, '丰县华山镇中心小学'],
        [rural.id, '丰县赵庄镇李楼小学'],
      ]);
      const listed = await officer.get(`/teachers?schoolId=${rural.id}`);
      expect(listed.body.items[0].currentPostings).toEqual([expect.objectContaining({ schoolId: rural.id, schoolName: '丰县赵庄镇李楼小学' })]);

      // The principal of the rural school reads the newcomer's earlier posting, though not the school it names.
      const head = await createTeacher(officer, { post: 'PRINCIPAL' });
      await createPosting(officer, head.id, { schoolId: rural.id, startDate: '2020-09-01' });
      const principal = await account(t, officer, { username: 'principal.lilou', role: 'PRINCIPAL', schoolId: rural.id, teacherId: head.id });
      expect((await principal.get(`/schools/${home.id}`)).status).toBe(404);
      expect((await principal.get(`/teachers/${teacher.id}/postings`)).body).toEqual(byOfficer.body);
      expect((await principal.get(`/teachers/${teacher.id}`)).body.currentPostings[0].schoolName).toBe('丰县赵庄镇李楼小学');
    });

    it('allows fractions that add up to exactly 1 on the same days, and refuses one thousandth more', async () => {
      const teacher = await createTeacher(officer, { subject: 'PE' });
      await createPosting(officer, teacher.id, { schoolId: a.id, startDate: '2020-09-01', fraction: 0.1 });
      await createPosting(officer, teacher.id, { schoolId: b.id, startDate: '2020-09-01', kind: 'SHARED', fraction: 0.2 });
      const last = await officer.post(`/teachers/${teacher.id}/postings`, { schoolId: c.id, startDate: '2020-09-01', kind: 'SHARED', fraction: 0.7 });
      expect(last.status).toBe(201);
      const over = await officer.post(`/teachers/${teacher.id}/postings`, {
        schoolId: c.id,
        startDate: '2030-01-01',
        endDate: '2030-01-01',
        kind: 'SHARED',
        fraction: 0.001,
      });
      expect(over.status).toBe(422);
      expect(over.body.details).toMatchObject({ date: '2030-01-01', total: 1.001 });
    });

    it('treats end dates as inclusive: a posting may start the day after another ends, not the same day', async () => {
      const teacher = await createTeacher(officer);
      await createPosting(officer, teacher.id, { schoolId: a.id, startDate: '2015-09-01', endDate: '2020-02-29' });
      expect((await officer.post(`/teachers/${teacher.id}/postings`, { schoolId: b.id, startDate: '2020-02-29', kind: 'REGULAR' })).status).toBe(422);
      expect((await officer.post(`/teachers/${teacher.id}/postings`, { schoolId: b.id, startDate: '2020-03-01', kind: 'REGULAR' })).status).toBe(201);
    });

    it('re-checks the invariant when a posting is reopened, extended or enlarged', async () => {
      const teacher = await createTeacher(officer);
      const first = await createPosting(officer, teacher.id, { schoolId: a.id, startDate: '2012-09-01', endDate: '2019-08-31' });
      const second = await createPosting(officer, teacher.id, { schoolId: b.id, startDate: '2019-09-01', fraction: 0.6 });
      const reopen = await officer.patch(`/postings/${first.id}`, { version: 1, endDate: null });
      expect(reopen.status).toBe(422);
      expect(reopen.body).toMatchObject({ code: 'POSTING_OVERLAP', details: { date: '2019-09-01', total: 1.6 } });
      const extend = await officer.patch(`/postings/${first.id}`, { version: 1, endDate: '2019-09-01' });
      expect(extend.status).toBe(422);
      // Reopened at 0.4 it shares the week exactly with the other 0.6.
      const shared = await officer.patch(`/postings/${first.id}`, { version: 1, endDate: null, fraction: 0.4 });
      expect(shared.status).toBe(200);
      expect(shared.body).toMatchObject({ endDate: null, fraction: 0.4, version: 2 });
      const enlarge = await officer.patch(`/postings/${second.id}`, { version: 1, fraction: 0.7 });
      expect(enlarge.status).toBe(422);
      expect((await officer.get(`/teachers/${teacher.id}/postings`)).body.map((p: { fraction: number }) => p.fraction)).toEqual([0.4, 0.6]);
    });

    it('keeps the invariant under concurrent writes: of ten simultaneous 0.2 postings exactly five are accepted', async () => {
      const teacher = await createTeacher(officer);
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          officer.post(`/teachers/${teacher.id}/postings`, { schoolId: [a, b, c][i % 3].id, startDate: '2021-09-01', kind: 'SHARED', fraction: 0.2 }),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 422, 422, 422, 422, 422]);
      const stored = (await officer.get(`/teachers/${teacher.id}/postings`)).body;
      expect(stored.reduce((sum: number, p: { fraction: number }) => sum + p.fraction, 0)).toBeCloseTo(1, 10);
    });

    it('refuses postings before the hire date, ending before they start, or with a fraction of more than 3 decimals', async () => {
      const teacher = await createTeacher(officer, { hireDate: '2015-09-01' });
      const early = await officer.post(`/teachers/${teacher.id}/postings`, { schoolId: a.id, startDate: '2015-08-31', kind: 'REGULAR' });
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('POSTING_BEFORE_HIRE');
      const backwards = await officer.post(`/teachers/${teacher.id}/postings`, {
        schoolId: a.id,
        startDate: '2016-09-01',
        endDate: '2016-08-31',
        kind: 'REGULAR',
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.details.fields).toHaveProperty('endDate');
      for (const fraction of [0, 1.5, 0.3333, -1, '0.5']) {
        const bad = await officer.post(`/teachers/${teacher.id}/postings`, { schoolId: a.id, startDate: '2016-09-01', kind: 'REGULAR', fraction });
        expect(bad.status).toBe(400);
        expect(bad.body.details.fields).toHaveProperty('fraction');
      }
    });

    it('keeps other counties out: their teachers, schools and postings answer 404', async () => {
      const teacher = await createTeacher(officer);
      const posting = await createPosting(officer, teacher.id, { schoolId: a.id, startDate: '2018-09-01' });
      const theirSchool = await createSchool(neighbour);
      expect((await neighbour.get(`/teachers/${teacher.id}`)).status).toBe(404);
      expect((await neighbour.get(`/teachers/${teacher.id}/postings`)).status).toBe(404);
      expect((await neighbour.patch(`/postings/${posting.id}`, { version: 1, endDate: '2020-01-01' })).status).toBe(404);
      expect(
        (
          await officer.post(`/teachers/${teacher.id}/postings`, {
            schoolId: theirSchool.id,
            startDate: '2030-01-01',
            kind: 'SUPPORT',
            fraction: 0.001,
          })
        ).status,
      ).toBe(404);
    });

    it('deletes a mistaken posting with its version, and keeps the record in the audit log', async () => {
      const teacher = await createTeacher(officer);
      const posting = await createPosting(officer, teacher.id, { schoolId: a.id, startDate: '2019-09-01' });
      expect((await officer.delete(`/postings/${posting.id}?version=7`)).status).toBe(409);
      expect((await officer.delete(`/postings/${posting.id}`)).status).toBe(400);
      expect((await officer.delete(`/postings/${posting.id}?version=1`)).status).toBe(204);
      expect((await officer.get(`/teachers/${teacher.id}/postings`)).body).toEqual([]);
      const audit = await officer.get(`/audit?entity=posting&entityId=${posting.id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['posting.delete', 'posting.create']);
      expect(audit.body.items[0]).toMatchObject({
        before: { schoolId: a.id, startDate: '2019-09-01' },
        after: null,
        actor: { username: 'officer.fengxian' },
      });
    });

    it('keeps each school’s cached on-quota headcount up to date through the queued job', async () => {
      const school = await createSchool(officer);
      const onQuota = await createTeacher(officer);
      const offQuota = await createTeacher(officer, { onQuota: false });
      await createPosting(officer, onQuota.id, { schoolId: school.id, startDate: '2020-09-01', fraction: 0.5 });
      await createPosting(officer, offQuota.id, { schoolId: school.id, startDate: '2020-09-01' });
      await eventually(async () => {
        expect((await officer.get(`/schools/${school.id}`)).body.headcount).toEqual({ onQuota: 0.5, asOf: '2026-09-01' });
      });
      await officer.patch(`/teachers/${offQuota.id}`, { version: 1, onQuota: true });
      await eventually(async () => {
        expect((await officer.get(`/schools/${school.id}`)).body.headcount).toEqual({ onQuota: 1.5, asOf: '2026-09-01' });
      });
    });

    it('recounts every school each night: the scheduled job moves all cached headcounts to the new day', async () => {
      const jobs = t.app.get(JobQueue);
      // Registered once the queue is reachable (at start with the sync driver, on connecting with BullMQ).
      await eventually(async () => {
        expect((await jobs.schedules()).find((schedule) => schedule.id === 'nightly-headcounts')).toEqual({
          id: 'nightly-headcounts',
          name: JobName.RefreshHeadcounts,
          pattern: t.config.nightlyCron,
          next: expect.any(Date),
        });
      });
      const quiet = await createSchool(officer);
      expect((await officer.get(`/schools/${quiet.id}`)).body.headcount).toBeNull();
      await jobs.enqueue(JobName.RefreshHeadcounts, {});
      await eventually(async () => {
        expect((await officer.get(`/schools/${quiet.id}`)).body.headcount).toEqual({ onQuota: 0, asOf: '2026-09-01' });
        expect((await officer.get(`/schools/${a.id}`)).body.headcount).toEqual({ onQuota: expect.any(Number), asOf: '2026-09-01' });
      });
    });
  });
});

function validTeacher(): Record<string, unknown> {
  return {
    countyId: '320321',
    staffNo: `V${Math.floor(Math.random() * 1e9)}`,
    name: '张三',
    gender: 'MALE',
    birthDate: '1980-01-01',
    hireDate: '2002-09-01',
    onQuota: true,
    subject: 'MATH',
    title: { level: 'FIRST', since: '2012-09-01' },
    backbone: 'NONE',
    psychology: 'NONE',
    post: 'TEACHER',
  };
}
