import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { addDays, coversDay } from '@app/domain';
import { postingCoversDay, postingRunsOnOrAfter } from './posting-sql';

describe('posting conditions in SQL', () => {
  const db = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
  beforeAll(async () => {
    await db.initialize();
    await db.query('CREATE TABLE posting (id INTEGER PRIMARY KEY, start_date TEXT NOT NULL, end_date TEXT NULL)');
  });
  afterAll(() => db.destroy());

  const idsWhere = async (condition: string, day: string) =>
    (
      await db.createQueryBuilder().select('p.id', 'id').from('posting', 'p').where(condition, { day }).orderBy('p.id').getRawMany<{ id: number }>()
    ).map((r) => r.id);

  const base = '2024-02-20';
  const arbitrarySpan = fc
    .record({ start: fc.integer({ min: 0, max: 20 }), length: fc.integer({ min: 1, max: 10 }), open: fc.boolean() })
    .map(({ start, length, open }) => ({ startDate: addDays(base, start), endDate: open ? null : addDays(base, start + length - 1) }));

  it('agrees with the domain rule on every day, ends inclusive, open postings running on, across 29 February', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbitrarySpan, { minLength: 1, maxLength: 8 }), async (spans) => {
        await db.query('DELETE FROM posting');
        for (const [i, s] of spans.entries())
          await db.query('INSERT INTO posting (id, start_date, end_date) VALUES (?, ?, ?)', [i, s.startDate, s.endDate]);
        for (let offset = -1; offset <= 32; offset++) {
          const day = addDays(base, offset);
          expect(await idsWhere(postingCoversDay('p', 'day'), day)).toEqual(spans.flatMap((s, i) => (coversDay(s, day) ? [i] : [])));
          expect(await idsWhere(postingRunsOnOrAfter('p', 'day'), day)).toEqual(
            spans.flatMap((s, i) => (s.endDate === null || s.endDate >= day ? [i] : [])),
          );
        }
      }),
      { numRuns: 30 },
    );
  });
});
