import { randomUUID } from 'node:crypto';
import { TransactionHost } from '@app/database';
import { Notifier, NotifyCommand } from '@app/notifications';
import { account, Client, loginAdmin } from './support/api';
import { createPosting, createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Notifications reach exactly the people a use case names (a county's officers, a school's
 * principals, a teacher's account, an account), are written in the transaction of the change that
 * causes them (gone with it when it rolls back), once per person and dedupe key, and each person
 * reads and marks only their own. No endpoint sends any yet: the Notifier is driven through the app.
 */
describe('notifications', () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let colleague: Client;
  let disabledOfficerId: string;
  let neighbour: Client;
  let city: Client;
  let principal: Client;
  let otherPrincipal: Client;
  let teacher: Client;
  let school: { id: string };
  let otherSchool: { id: string };
  let self: { id: string };

  /** What a test sets of a command: the kind and params are always those of a shortage flag. */
  type Overrides = Partial<Omit<NotifyCommand, 'kind' | 'params'>> & Pick<NotifyCommand, 'to'>;

  const notify = (command: Overrides): Promise<string[]> => t.app.get(TransactionHost).run(() => t.app.get(Notifier).notify(flagNotice(command)));

  const flagNotice = (command: Overrides): NotifyCommand => ({
    kind: 'SHORTAGE_FLAG_OPENED',
    params: {
      schoolName: '华山中心小学',
      shortageKind: 'ZERO_COVERAGE',
      subject: 'PE',
      severity: 'CRITICAL',
      requiredFte: 1.125,
      actualFte: 0,
      gap: 1.125,
      summary: {
        zh: '体育与健康：需 1.125 个专任教师当量，现有 0（缺 1.125）',
        en: 'Physical education: 1.125 full-time equivalents needed, 0 in post (1.125 short)',
      },
      policyVersion: 'jiangsu-2024.1',
    },
    about: { entity: 'shortage_flag', entityId: randomUUID(), countyId: '320321', schoolId: school.id },
    dedupeKey: `test:${randomUUID()}`,
    ...command,
  });

  const own = async (client: Client, query = '') => {
    const response = await client.get(`/notifications${query}`);
    expect(response.status).toBe(200);
    return response.body as { items: { id: string; entityId: string; readAt: string | null }[]; total: number; unread: number };
  };
  const entityIdsOf = async (client: Client) => (await own(client, '?pageSize=500')).items.map((item) => item.entityId);

  beforeAll(async () => {
    t = await createTestApp({ today: '2026-09-01' });
    admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.fengxian', role: 'COUNTY_OFFICER', countyId: '320321' });
    colleague = await account(t, admin, { username: 'officer.fengxian.2', role: 'COUNTY_OFFICER', countyId: '320321' });
    const disabled = await account(t, admin, { username: 'officer.fengxian.gone', role: 'COUNTY_OFFICER', countyId: '320321' });
    disabledOfficerId = disabled.user.id;
    expect((await admin.post(`/users/${disabledOfficerId}/disable`)).status).toBe(200);
    neighbour = await account(t, admin, { username: 'officer.peixian', role: 'COUNTY_OFFICER', countyId: '320322' });
    city = await account(t, admin, { username: 'city.xuzhou', role: 'CITY_OFFICER', cityId: '320300' });

    school = await createSchool(officer, { name: '华山中心小学' });
    otherSchool = await createSchool(officer, { name: '欢口中心小学' });
    const head = await createTeacher(officer, { name: '校长', post: 'PRINCIPAL' });
    await createPosting(officer, head.id, { schoolId: school.id, startDate: '2016-09-01' });
    principal = await account(t, officer, { username: 'principal.huashan', role: 'PRINCIPAL', schoolId: school.id, teacherId: head.id });
    const otherHead = await createTeacher(officer, { name: '另一位校长', post: 'PRINCIPAL' });
    await createPosting(officer, otherHead.id, { schoolId: otherSchool.id, startDate: '2016-09-01' });
    otherPrincipal = await account(t, officer, {
      username: 'principal.huankou',
      role: 'PRINCIPAL',
      schoolId: otherSchool.id,
      teacherId: otherHead.id,
    });
    self = await createTeacher(officer, { name: '本人' });
    await createPosting(officer, self.id, { schoolId: school.id, startDate: '2019-09-01' });
    teacher = await account(t, officer, { username: 'teacher.self', role: 'TEACHER', teacherId: self.id });
  });
  afterAll(() => t.close());

  describe('sent through the Notifier', () => {
    it("reach the county's active officers and the school's principal, and nobody else", async () => {
      const entityId = randomUUID();
      const sent = await notify({
        to: [
          { kind: 'COUNTY_OFFICERS', countyId: '320321' },
          { kind: 'PRINCIPALS', schoolId: school.id },
        ],
        about: { entity: 'shortage_flag', entityId, countyId: '320321', schoolId: school.id },
      });
      expect(sent).toEqual([officer.user.id, colleague.user.id, principal.user.id].sort());
      expect(sent).not.toContain(disabledOfficerId);

      for (const client of [officer, colleague, principal]) expect(await entityIdsOf(client)).toContain(entityId);
      for (const client of [teacher, neighbour, city, otherPrincipal, admin]) expect(await entityIdsOf(client)).not.toContain(entityId);

      const mine = (await own(principal)).items.find((item) => item.entityId === entityId);
      expect(mine).toEqual({
        id: expect.any(String),
        kind: 'SHORTAGE_FLAG_OPENED',
        title: { zh: '新增教师缺口预警（严重）：华山中心小学 · 体育与健康', en: 'New shortage flag (Critical): 华山中心小学 · Physical education' },
        body: {
          zh: '学科无人任教（开不齐）：体育与健康：需 1.125 个专任教师当量，现有 0（缺 1.125）\n政策版本：jiangsu-2024.1',
          en: 'Subject nobody teaches: Physical education: 1.125 full-time equivalents needed, 0 in post (1.125 short)\nPolicy version: jiangsu-2024.1',
        },
        entity: 'shortage_flag',
        entityId,
        countyId: '320321',
        schoolId: school.id,
        params: expect.objectContaining({ schoolName: '华山中心小学', subject: 'PE', severity: 'CRITICAL', gap: 1.125 }),
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        readAt: null,
      });
    });

    it("reach a teacher record's account and accounts named by id, each person once, less those left out", async () => {
      const entityId = randomUUID();
      const sent = await notify({
        to: [
          { kind: 'TEACHER', teacherId: self.id },
          { kind: 'USER', userId: neighbour.user.id },
          { kind: 'USER', userId: city.user.id },
          { kind: 'USER', userId: neighbour.user.id },
          { kind: 'COUNTY_OFFICERS', countyId: '320322' },
          { kind: 'USER', userId: disabledOfficerId },
          { kind: 'USER', userId: randomUUID() },
        ],
        except: [city.user.id],
        about: { entity: 'staff_request', entityId, countyId: '320322', schoolId: null },
      });
      expect(sent).toEqual([teacher.user.id, neighbour.user.id].sort());
      expect((await own(neighbour)).items.filter((item) => item.entityId === entityId)).toHaveLength(1);
      expect(await entityIdsOf(teacher)).toContain(entityId);
      for (const client of [city, officer, principal]) expect(await entityIdsOf(client)).not.toContain(entityId);
    });

    it('name nobody when no recipient is given', async () => {
      expect(await notify({ to: [] })).toEqual([]);
    });

    it('are written once per person and dedupe key: a job that notifies again writes nothing, a new officer gets theirs', async () => {
      const command = flagNotice({ to: [{ kind: 'COUNTY_OFFICERS', countyId: '320321' }], dedupeKey: `shortage_flag:${randomUUID()}:opened` });
      const before = (await own(officer)).total;
      expect(await notify(command)).toEqual([officer.user.id, colleague.user.id].sort());
      expect(await notify(command)).toEqual([]);
      expect((await own(officer)).total).toBe(before + 1);

      const newcomer = await account(t, admin, { username: 'officer.fengxian.new', role: 'COUNTY_OFFICER', countyId: '320321' });
      expect(await notify(command)).toEqual([newcomer.user.id]);
      expect(await entityIdsOf(newcomer)).toEqual([command.about.entityId]);
      expect((await own(officer)).total).toBe(before + 1);

      expect(await notify({ ...command, dedupeKey: `${command.dedupeKey}:again` })).toHaveLength(3);
    });

    it('are gone with the change when its transaction rolls back', async () => {
      const about = { entity: 'shortage_flag', entityId: randomUUID(), countyId: '320321', schoolId: school.id };
      const failing = t.app.get(TransactionHost).run(async () => {
        const notifier = t.app.get(Notifier);
        expect(await notifier.notify(flagNotice({ to: [{ kind: 'USER', userId: officer.user.id }], about }))).toEqual([officer.user.id]);
        expect(await notifier.notify(flagNotice({ to: [{ kind: 'PRINCIPALS', schoolId: school.id }], about }))).toEqual([principal.user.id]);
        throw new Error('the change failed after notifying');
      });
      await expect(failing).rejects.toThrow('the change failed after notifying');
      for (const client of [officer, principal]) expect(await entityIdsOf(client)).not.toContain(about.entityId);
    });

    it('are refused outside a transaction, and with a dedupe key or subject beyond their columns', async () => {
      await expect(t.app.get(Notifier).notify(flagNotice({ to: [{ kind: 'USER', userId: officer.user.id }] }))).rejects.toThrow(
        /inside the transaction/,
      );
      await expect(notify({ to: [{ kind: 'USER', userId: officer.user.id }], dedupeKey: 'k'.repeat(201) })).rejects.toThrow(/dedupeKey/);
      await expect(notify({ to: [{ kind: 'USER', userId: officer.user.id }], dedupeKey: ' ' })).rejects.toThrow(/dedupeKey/);
      const about = { entity: 'shortage_flag', entityId: 'x'.repeat(65), countyId: null, schoolId: null };
      await expect(notify({ to: [{ kind: 'USER', userId: officer.user.id }], about })).rejects.toThrow(/entityId/);
    });
  });

  describe('reading them', () => {
    let reader: Client;
    let sent: string[];

    beforeAll(async () => {
      reader = await account(t, admin, { username: 'officer.reader', role: 'COUNTY_OFFICER', countyId: '320324' });
      sent = [];
      for (let i = 0; i < 3; i++) {
        const entityId = randomUUID();
        await notify({
          to: [{ kind: 'USER', userId: reader.user.id }],
          about: { entity: 'shortage_flag', entityId, countyId: '320324', schoolId: null },
        });
        sent.push(entityId);
      }
    });

    it('lists your own, newest first, paged, with the unread count', async () => {
      const first = await own(reader, '?page=1&pageSize=2');
      expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2, unread: 3 });
      expect(first.items.map((item) => item.entityId)).toEqual([sent[2], sent[1]]);
      const second = await own(reader, '?page=2&pageSize=2');
      expect(second.items.map((item) => item.entityId)).toEqual([sent[0]]);
      expect(await own(reader, '?page=3&pageSize=2')).toMatchObject({ items: [], total: 3, unread: 3 });
    });

    it('marks one read, once: again keeps the first time; ?unread filters either way', async () => {
      const [newest] = (await own(reader)).items;
      const read = await reader.post(`/notifications/${newest.id}/read`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: newest.id, entityId: newest.entityId, readAt: expect.any(String) });
      const again = await reader.post(`/notifications/${newest.id}/read`);
      expect(again.status).toBe(200);
      expect(again.body.readAt).toBe(read.body.readAt);

      const unread = await own(reader, '?unread=true');
      expect(unread).toMatchObject({ total: 2, unread: 2 });
      expect(unread.items.map((item) => item.entityId)).toEqual([sent[1], sent[0]]);
      const done = await own(reader, '?unread=false');
      expect(done).toMatchObject({ total: 1, unread: 2 });
      expect(done.items.map((item) => item.id)).toEqual([newest.id]);
      expect(await own(reader)).toMatchObject({ total: 3, unread: 2 });
    });

    it("answers 404 for another person's notification, one that does not exist and an id that is no id, and leaves it unread", async () => {
      const [theirs] = (await own(officer, '?unread=true')).items;
      for (const client of [reader, colleague, principal, admin]) {
        const response = await client.post(`/notifications/${theirs.id}/read`);
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      }
      expect((await own(officer, '?unread=true')).items.map((item) => item.id)).toContain(theirs.id);
      for (const id of [randomUUID(), 'not-a-notification', '%20', 'x'.repeat(300)]) {
        expect({ id, status: (await reader.post(`/notifications/${id}/read`)).status }).toEqual({ id, status: 404 });
      }
    });

    it('marks all your unread ones read in one go, answering how many; again 0; nobody else’s', async () => {
      const othersBefore = (await own(officer)).unread;
      expect(othersBefore).toBeGreaterThan(0);
      const all = await reader.post('/notifications/read-all');
      expect(all.status).toBe(200);
      expect(all.body).toEqual({ marked: 2 });
      expect(await own(reader)).toMatchObject({ total: 3, unread: 0 });
      expect((await own(reader, '?unread=true')).items).toEqual([]);
      expect((await reader.post('/notifications/read-all')).body).toEqual({ marked: 0 });
      expect((await own(officer)).unread).toBe(othersBefore);
    });

    it('is open to every role, each with their own (none for an account that was never notified)', async () => {
      const fresh = await account(t, admin, { username: 'officer.quiet', role: 'COUNTY_OFFICER', countyId: '320381' });
      expect(await own(fresh)).toEqual({ items: [], total: 0, page: 1, pageSize: 50, unread: 0 });
      expect((await fresh.post('/notifications/read-all')).body).toEqual({ marked: 0 });
      for (const client of [admin, city, neighbour, officer, principal, teacher]) {
        expect((await client.get('/notifications')).status).toBe(200);
        expect((await client.post('/notifications/read-all')).status).toBe(200);
      }
    });

    it('refuses bad query values with 400 naming the field, and callers without a token with 401', async () => {
      for (const [query, field] of [
        ['?unread=yes', 'unread'],
        ['?unread=', 'unread'],
        ['?page=0', 'page'],
        ['?pageSize=501', 'pageSize'],
        ['?pageSize=abc', 'pageSize'],
        ['?recipient=someone', 'recipient'],
      ]) {
        const response = await reader.get(`/notifications${query}`);
        expect({ query, status: response.status, code: response.body.code, fields: Object.keys(response.body.details.fields ?? {}) }).toEqual({
          query,
          status: 400,
          code: 'VALIDATION_FAILED',
          fields: [field],
        });
      }
      expect((await t.http().get('/api/v1/notifications')).status).toBe(401);
      expect((await t.http().post('/api/v1/notifications/read-all')).status).toBe(401);
      expect((await t.http().post(`/api/v1/notifications/${randomUUID()}/read`)).status).toBe(401);
    });
  });
});
