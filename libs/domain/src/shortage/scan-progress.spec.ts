import { batchOutcome, scanStatusOf } from './scan-progress';

describe('batchOutcome', () => {
  const failure = (schoolId: string) => ({ schoolId, error: 'grade 13 has no band' });

  it('is DONE when every school was scanned', () => {
    expect(batchOutcome([], 0, 3, 1000)).toEqual({ status: 'DONE' });
    expect(batchOutcome([], 2, 3, 1000)).toEqual({ status: 'DONE' });
  });

  it('tries only the failing schools again, waiting twice as long each time', () => {
    expect(batchOutcome([failure('s2')], 0, 3, 1000)).toEqual({
      status: 'PENDING',
      pending: ['s2'],
      failedTries: 1,
      retryInMs: 1000,
      error: 'school s2: grade 13 has no band',
    });
    expect(batchOutcome([failure('s2')], 1, 3, 1000)).toMatchObject({ status: 'PENDING', failedTries: 2, retryInMs: 2000 });
  });

  it('fails on the last allowed try and keeps the first error', () => {
    expect(batchOutcome([failure('s2'), failure('s5')], 2, 3, 1000)).toEqual({
      status: 'FAILED',
      pending: ['s2', 's5'],
      failedTries: 3,
      error: 'school s2: grade 13 has no band',
    });
    expect(batchOutcome([failure('s2')], 0, 1, 1000)).toMatchObject({ status: 'FAILED', failedTries: 1 });
  });
});

describe('scanStatusOf', () => {
  it('runs while a unit is pending, even after another failed', () => {
    expect(scanStatusOf({ pending: 1, failed: 1 })).toBe('RUNNING');
  });
  it('is FAILED when a unit failed and none is pending, else DONE', () => {
    expect(scanStatusOf({ pending: 0, failed: 1 })).toBe('FAILED');
    expect(scanStatusOf({ pending: 0, failed: 0 })).toBe('DONE');
  });
});
