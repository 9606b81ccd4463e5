import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { BulkWriter, NotificationEntity, NotificationRepository, TransactionHost } from '@app/database';
import { Recipient, RecipientQuery, recipientQuery, Role } from '@app/domain';
import { Notifier, NotifyCommand } from '@app/notifications';
import { account, Client, loginAdmin } from './support/api';
import { createSchool, createTeacher } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

interface Account {
  id: string;
  role: Role;
  countyId: string | null;
  schoolId: string | null;
  teacherId: string | null;
  active: boolean;
}

/** The recipient rule as written (libs/domain/src/notifications/recipients.ts): what the one SQL statement must agree with. */
function receives(account: Account, query: RecipientQuery, holdsKey: boolean): boolean {
  if (!account.active || holdsKey || query.exceptUserIds.includes(account.id)) return false;
  return (
    query.userIds.includes(account.id) ||
    (account.role === 'COUNTY_OFFICER' && account.countyId !== null && query.officerCountyIds.includes(account.countyId)) ||
    (account.role === 'PRINCIPAL' && account.schoolId !== null && query.principalSchoolIds.includes(account.schoolId)) ||
    (account.teacherId !== null && query.teacherIds.includes(account.teacherId)) ||
    (query.provinceAdmins && account.role === 'PROVINCE_ADMIN')
  );
}

function notificationRow(recipientUserId: string, createdAt: Date, read: boolean, dedupeKey = `bulk:${randomUUID()}`): Record<string, unknown> {
  return {
    id: randomUUID(),
    recipient_user_id: recipientUserId,
    kind: 'SHORTAGE_FLAG_OPENED',
    title_zh: '新增教师缺口预警',
    title_en: 'New shortage flag',
    body_zh: '正文',
    body_en: 'Body',
    params: '{}',
    entity: 'shortage_flag',
    entity_id: randomUUID(),
    county_id: '320321',
    school_id: null,
    dedupe_key: dedupeKey,
    created_at: createdAt,
    read_at: read ? createdAt : null,
  };
}

/**
 * The notification queries on the profile under test (SQLite, or MySQL/MariaDB): recipients found
 * by one statement that agrees with the rule, listing, counting and marking read on indexes, and
 * one notification per person and dedupe key even when two transactions send it at once.
 */
describe('notifications in SQL', () => {
  let t: TestApp;
  let officer: Client;
  const accounts: Account[] = [];
  const schools: string[] = [];
  const teachers: string[] = [];
  const counties = ['320321', '320322', '320324'];
  const HELD_KEY = 'held:key';
  const holders = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await loginAdmin(t);
    officer = await account(t, admin, { username: 'officer.sql', role: 'COUNTY_OFFICER', countyId: '320321' });
    for (let i = 0; i < 3; i++) schools.push((await createSchool(officer)).id);
    for (let i = 0; i < 4; i++) teachers.push((await createTeacher(officer)).id);
    accounts.push({ id: officer.user.id, role: 'COUNTY_OFFICER', countyId: '320321', schoolId: null, teacherId: null, active: true });

    // Accounts of every role and anchor, some disabled, and a crowd of teachers' accounts so that the indexes matter.
    const roles: Role[] = ['COUNTY_OFFICER', 'PRINCIPAL', 'TEACHER', 'CITY_OFFICER', 'PROVINCE_ADMIN'];
    const [pick] = fc.sample(
      fc.array(
        fc.record({
          role: fc.constantFrom(...roles),
          county: fc.constantFrom(...counties),
          school: fc.option(fc.constantFrom(...schools), { nil: null }),
          teacher: fc.option(fc.constantFrom(...teachers), { nil: null }),
          active: fc.boolean(),
        }),
        { minLength: 60, maxLength: 60 },
      ),
      { numRuns: 1, seed: 9 },
    );
    const now = new Date();
    const users: Record<string, unknown>[] = [];
    const add = (a: Account, n: number) => {
      accounts.push(a);
      users.push({
        id: a.id,
        username: `sql.${n}`,
        password_hash: 'x',
        role: a.role,
        city_id: a.role === 'PROVINCE_ADMIN' ? null : '320300',
        county_id: a.countyId,
        school_id: a.schoolId,
        teacher_id: a.teacherId,
        active: a.active ? 1 : 0,
        version: 1,
        token_version: 1,
        created_at: now,
        last_login_at: null,
      });
    };
    pick.forEach((p, n) =>
      add(
        {
          id: randomUUID(),
          role: p.role,
          countyId: p.role === 'CITY_OFFICER' || p.role === 'PROVINCE_ADMIN' ? null : p.county,
          schoolId: p.school,
          teacherId: p.teacher,
          active: p.active,
        },
        n,
      ),
    );
    for (let n = 0; n < 3000; n++)
      add({ id: randomUUID(), role: 'TEACHER', countyId: '320381', schoolId: null, teacherId: null, active: true }, 1000 + n);
    // The administrator the app starts with receives what is sent to the province administrators.
    accounts.push({ id: admin.user.id, role: 'PROVINCE_ADMIN', countyId: null, schoolId: null, teacherId: null, active: true });

    const notifications: Record<string, unknown>[] = [];
    accounts.slice(0, 61).forEach((a, n) => {
      if (n % 4 === 0) {
        holders.add(a.id);
        notifications.push(notificationRow(a.id, now, false, HELD_KEY));
      }
    });
    // Thousands of notifications over a few people, most read: the plans below must not depend on reading them all.
    const crowd = accounts.slice(61, 71);
    for (let n = 0; n < 4000; n++) notifications.push(notificationRow(crowd[n % crowd.length].id, new Date(now.getTime() - n * 1000), n % 10 !== 0));
    await t.app.get(TransactionHost).run(async () => {
      await t.app.get(BulkWriter).insert('app_user', users as never);
      await t.app.get(BulkWriter).insert('notification', notifications as never);
    });
    const dataSource = t.app.get(DataSource);
    if (t.config.database.type === 'mysql') await dataSource.query('ANALYZE TABLE app_user, notification');
    else await dataSource.query('ANALYZE');
  }, 120_000);
  afterAll(() => t.close());

  it('finds the recipients the rule names, in one statement, for any mix of forms, left-out accounts and a dedupe key', async () => {
    const repository = t.app.get(NotificationRepository);
    const ids = accounts.slice(0, 61).map((a) => a.id);
    const recipient: fc.Arbitrary<Recipient> = fc.oneof(
      fc.constantFrom(...ids, randomUUID()).map((userId) => ({ kind: 'USER' as const, userId })),
      fc.constantFrom(...counties, '320381', '320100').map((countyId) => ({ kind: 'COUNTY_OFFICERS' as const, countyId })),
      fc.constantFrom(...schools, randomUUID()).map((schoolId) => ({ kind: 'PRINCIPALS' as const, schoolId })),
      fc.constantFrom(...teachers, randomUUID()).map((teacherId) => ({ kind: 'TEACHER' as const, teacherId })),
      fc.constant({ kind: 'PROVINCE_ADMINS' as const }),
    );
    let named = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(recipient, { maxLength: 6 }), fc.subarray(ids, { maxLength: 5 }), fc.boolean(), async (to, except, held) => {
        const query = recipientQuery(to, except);
        const key = held ? HELD_KEY : 'fresh:key';
        const expected = accounts.filter((a) => receives(a, query, held && holders.has(a.id))).map((a) => a.id);
        named += expected.length;
        expect(await repository.recipients(query, key)).toEqual(expected.sort());
      }),
      { numRuns: 150, seed: 2026 },
    );
    expect(named).toBeGreaterThan(150);
  });

  it('lists, counts and marks read on the recipient’s indexes, with no sort and no scan of the table', async () => {
    const dataSource = t.app.get(DataSource);
    const repository = t.app.get(NotificationRepository);
    const reader = accounts[61].id;
    const spy = jest.spyOn(dataSource.logger, 'logQuery');
    const [[newest]] = await repository.listOwn(reader, {}, 0, 50);
    await repository.listOwn(reader, { read: false }, 0, 50);
    await repository.countUnread(reader);
    await repository.recipients(
      recipientQuery([{ kind: 'COUNTY_OFFICERS', countyId: '320321' }, { kind: 'TEACHER', teacherId: teachers[0] }, { kind: 'PROVINCE_ADMINS' }]),
      'k',
    );
    await t.app
      .get(TransactionHost)
      .run(async () => {
        await repository.markRead(reader, newest.id, new Date());
        await repository.findOwn(reader, newest.id);
        await repository.markAllRead(reader, new Date());
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const statements = spy.mock.calls
      .map(([sql, parameters]) => ({ sql, parameters: (parameters ?? []) as unknown[] }))
      // The outbox relay looks for due entries on its own timer (with Redis): its statements are not the repository's.
      .filter((s) => /^\s*(SELECT|UPDATE)/i.test(s.sql) && !/\boutbox_entry\b/.test(s.sql));
    spy.mockRestore();
    expect(statements.length).toBe(9);

    for (const { sql, parameters } of statements) {
      if (t.config.database.type === 'mysql') {
        const plan: { table: string; type: string; key: string | null; Extra: string | null }[] = await dataSource.query(
          `EXPLAIN ${sql}`,
          parameters,
        );
        // Every table read (derived tables and unions aside: they hold the rows their branches found on indexes).
        const tables = plan.filter((row) => row.table !== null && !row.table.startsWith('<'));
        expect({ sql, uses: tables.length > 0 }).toEqual({ sql, uses: true });
        for (const row of tables) {
          expect({ sql, table: row.table, type: row.type, key: row.key }).toEqual({
            sql,
            table: row.table,
            type: expect.stringMatching(/^(ref|eq_ref|range|const|ref_or_null|unique_subquery|index_subquery)$/),
            key: expect.stringMatching(/^(IDX_|PRIMARY)/),
          });
          expect({ sql, extra: row.Extra ?? '' }).toEqual({ sql, extra: expect.not.stringContaining('filesort') });
        }
      } else {
        const plan: { detail: string }[] = await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters);
        const details = plan.map((row) => row.detail);
        expect({ sql, indexed: details.some((d) => /USING (COVERING )?INDEX IDX_|USING INDEX sqlite_autoindex|USING PRIMARY KEY/.test(d)) }).toEqual({
          sql,
          indexed: true,
        });
        // A query's own ORDER BY must come from the index; the recipients' UNION may sort the few accounts it merges.
        const forbidden = /ORDER BY/.test(sql)
          ? /^SCAN (n|u|notification|app_user)\b|TEMP B-TREE FOR (ORDER BY|RIGHT PART)/
          : /^SCAN (n|u|notification|app_user)\b/;
        for (const detail of details) expect({ sql, detail }).toEqual({ sql, detail: expect.not.stringMatching(forbidden) });
      }
    }
  });

  it('writes one notification per person and key when two transactions send it at once', async () => {
    const tx = t.app.get(TransactionHost);
    const notifier = t.app.get(Notifier);
    const command: NotifyCommand = {
      kind: 'SHORTAGE_FLAG_OPENED',
      params: {
        schoolName: '测试学校',
        shortageKind: 'SUBJECT_GAP',
        subject: 'MUSIC',
        severity: 'HIGH',
        requiredFte: 2,
        actualFte: 0.5,
        gap: 1.5,
        summary: { zh: '音乐：需 2 个专任教师当量，现有 0.5（缺 1.5）', en: 'Music: 2 full-time equivalents needed, 0.5 in post (1.5 short)' },
        policyVersion: 'jiangsu-2024.1',
      },
      to: [{ kind: 'USER', userId: officer.user.id }],
      about: { entity: 'shortage_flag', entityId: randomUUID(), countyId: '320321', schoolId: schools[0] },
      dedupeKey: `race:${randomUUID()}`,
    };
    // The first holds its transaction open a moment after writing; the second sends the same while it does.
    let written!: () => void;
    const firstWrote = new Promise<void>((resolve) => (written = resolve));
    const first = tx.run(async () => {
      const sent = await notifier.notify(command);
      written();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return sent;
    });
    await firstWrote;
    const second = tx.run(() => notifier.notify(command));
    expect(await first).toEqual([officer.user.id]);
    await second;
    const stored = await t.app
      .get(DataSource)
      .getRepository(NotificationEntity)
      .findBy({ recipientUserId: officer.user.id, dedupeKey: command.dedupeKey });
    expect(stored).toHaveLength(1);
    expect(stored[0].entityId).toBe(command.about.entityId);
  });
});
