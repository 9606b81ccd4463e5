import { assertCountable, coverage, FulfilledRequest, FulfillingPosting } from './fulfilment';

const request: FulfilledRequest = { schoolId: 'school', subject: 'MUSIC', submittedOn: '2026-05-10', neededFrom: '2026-09-01' };
const posting: FulfillingPosting = {
  schoolId: 'school',
  startDate: '2026-09-01',
  endDate: null,
  fractionMilli: 1000,
  teacherSubjects: ['MUSIC'],
  countedFor: null,
};

const codeOf = (p: Partial<FulfillingPosting>): string | null => {
  try {
    assertCountable(request, { ...posting, ...p });
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('postings that fulfil a staff request', () => {
  it('count any kind of posting bringing a teacher of the subject to the school from the day the request was submitted', () => {
    expect(codeOf({})).toBeNull();
    // A hire starting the day the request was made, and one starting after the day needed (late, still supply).
    expect(codeOf({ startDate: '2026-05-10' })).toBeNull();
    expect(codeOf({ startDate: '2026-10-08' })).toBeNull();
    // A teacher of another main subject who teaches music as an extra subject (一专多能).
    expect(codeOf({ teacherSubjects: ['CHINESE', 'MUSIC'] })).toBeNull();
    // A shared posting of a fifth of a week, ending after the day needed.
    expect(codeOf({ fractionMilli: 200, endDate: '2027-07-15' })).toBeNull();
    expect(codeOf({ endDate: '2026-09-01' })).toBeNull();
  });

  it('refuse a posting at another school', () => {
    expect(codeOf({ schoolId: 'elsewhere' })).toBe('POSTING_NOT_AT_SCHOOL');
  });

  it('refuse a posting that started before the request was submitted: the staff already there are what it asked on top of', () => {
    expect(codeOf({ startDate: '2026-05-09' })).toBe('POSTING_PREDATES_REQUEST');
  });

  it('refuse a posting that ends before the staff are needed', () => {
    expect(codeOf({ startDate: '2026-06-01', endDate: '2026-08-31' })).toBe('POSTING_ENDS_BEFORE_NEEDED');
  });

  it('refuse a teacher who does not teach the subject', () => {
    expect(codeOf({ teacherSubjects: ['CHINESE', 'PE'] })).toBe('POSTING_SUBJECT_MISMATCH');
  });

  it('count a posting towards one request only', () => {
    expect(codeOf({ countedFor: 'another-request' })).toBe('POSTING_ALREADY_COUNTED');
  });
});

describe('coverage of a request', () => {
  it('sums the posting fractions against the headcount, covered once they reach it', () => {
    expect(coverage(2, [])).toEqual({ coveredMilli: 0, requiredMilli: 2000, covered: false });
    expect(coverage(2, [{ fractionMilli: 1000 }, { fractionMilli: 500 }])).toEqual({ coveredMilli: 1500, requiredMilli: 2000, covered: false });
    expect(coverage(2, [{ fractionMilli: 1000 }, { fractionMilli: 500 }, { fractionMilli: 500 }]).covered).toBe(true);
    expect(
      coverage(1, [{ fractionMilli: 200 }, { fractionMilli: 200 }, { fractionMilli: 200 }, { fractionMilli: 200 }, { fractionMilli: 200 }]).covered,
    ).toBe(true);
    expect(coverage(1, [{ fractionMilli: 1000 }, { fractionMilli: 1000 }])).toEqual({ coveredMilli: 2000, requiredMilli: 1000, covered: true });
  });
});
