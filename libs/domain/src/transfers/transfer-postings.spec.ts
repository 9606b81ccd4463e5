import { RuleViolationError } from '../errors/domain-error';
import type { RecordedPosting } from '../postings/posting-rules';
import { transferPostings } from './transfer-postings';

const HIRED = '2010-09-01';

const posting = (id: string, overrides: Partial<RecordedPosting> = {}): RecordedPosting => ({
  id,
  schoolId: 'school-a',
  kind: 'REGULAR',
  startDate: '2015-09-01',
  endDate: null,
  fractionMilli: 1000,
  ...overrides,
});

function refusal(run: () => unknown): RuleViolationError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleViolationError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the postings a transfer writes', () => {
  it('close the home posting the day before the effective date and open a regular one at the destination from it, open-ended', () => {
    expect(transferPostings({ hireDate: HIRED, postings: [posting('home')] }, 'school-b', '2026-09-01')).toEqual({
      fromSchoolId: 'school-a',
      close: { postingId: 'home', endDate: '2026-08-31' },
      open: { schoolId: 'school-b', kind: 'REGULAR', startDate: '2026-09-01', endDate: null, fractionMilli: 1000 },
    });
  });

  it('keep the home posting’s share, beside a shared post elsewhere that runs on', () => {
    const postings = [posting('home', { fractionMilli: 500 }), posting('shared', { schoolId: 'school-c', kind: 'SHARED', fractionMilli: 500 })];
    const writes = transferPostings({ hireDate: HIRED, postings }, 'school-b', '2026-03-01');
    expect(writes.close).toEqual({ postingId: 'home', endDate: '2026-02-28' });
    expect(writes.open.fractionMilli).toBe(500);
  });

  it('leave from the main regular posting (largest share) and close a fixed-term one early; the day before a leap day is 28 February', () => {
    const postings = [
      posting('small', { schoolId: 'school-c', fractionMilli: 400 }),
      posting('main', { schoolId: 'school-d', fractionMilli: 600, endDate: '2030-08-31' }),
    ];
    const writes = transferPostings({ hireDate: HIRED, postings }, 'school-b', '2028-02-29');
    expect(writes.fromSchoolId).toBe('school-d');
    expect(writes.close).toEqual({ postingId: 'main', endDate: '2028-02-28' });
  });

  it('refuse a day before the hire date with the posting rules’ code', () => {
    expect(refusal(() => transferPostings({ hireDate: HIRED, postings: [posting('home')] }, 'school-b', '2010-08-31')).code).toBe(
      'POSTING_BEFORE_HIRE',
    );
  });

  it('refuse a teacher with no regular post on the effective date (away on rotation, not yet posted, left the day before)', () => {
    const cases: RecordedPosting[][] = [
      [],
      [posting('home', { endDate: '2026-08-31' })],
      [posting('home', { endDate: '2026-08-31' }), posting('away', { schoolId: 'school-c', kind: 'ROTATION', startDate: '2026-09-01' })],
      [posting('later', { startDate: '2026-09-02' })],
    ];
    for (const postings of cases) {
      const refused = refusal(() => transferPostings({ hireDate: HIRED, postings }, 'school-b', '2026-09-01'));
      expect(refused.code).toBe('TRANSFER_NOT_AT_SCHOOL');
      expect(refused.details).toMatchObject({ effectiveDate: '2026-09-01' });
    }
  });

  it('refuse a home posting that only starts on the effective date: it has no day to keep', () => {
    const refused = refusal(() =>
      transferPostings({ hireDate: HIRED, postings: [posting('home', { startDate: '2026-09-01' })] }, 'school-b', '2026-09-01'),
    );
    expect(refused.code).toBe('TRANSFER_NOT_AT_SCHOOL');
    expect(refused.details).toEqual({ effectiveDate: '2026-09-01', homePostingId: 'home', homeStartDate: '2026-09-01' });
    // The day after, it has one.
    expect(
      transferPostings({ hireDate: HIRED, postings: [posting('home', { startDate: '2026-09-01' })] }, 'school-b', '2026-09-02').close.endDate,
    ).toBe('2026-09-01');
  });

  it('refuse the teacher’s own school as the destination', () => {
    const refused = refusal(() => transferPostings({ hireDate: HIRED, postings: [posting('home')] }, 'school-a', '2026-09-01'));
    expect(refused.code).toBe('TRANSFER_SAME_SCHOOL');
    expect(refused.details).toEqual({ schoolId: 'school-a' });
  });

  it('refuse, as recording does, a destination posting that would overlap a posting recorded for later, naming the day, total and posting', () => {
    const postings = [posting('home'), posting('later', { schoolId: 'school-c', kind: 'SUPPORT', startDate: '2027-09-01', endDate: '2028-08-31' })];
    const refused = refusal(() => transferPostings({ hireDate: HIRED, postings }, 'school-b', '2026-09-01'));
    expect(refused.code).toBe('POSTING_OVERLAP');
    expect(refused.details).toEqual({ date: '2027-09-01', total: 2, overlappingPostingIds: ['later'] });
  });
});
