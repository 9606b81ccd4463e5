import { JOB_OPTIONS, jobOptions } from './job-options';
import { JobName } from './job-name';

describe('job options', () => {
  it('are defined for every job name, in one table', () => {
    expect(Object.keys(JOB_OPTIONS).sort()).toEqual(Object.values(JobName).sort());
  });

  it('deduplicate a school headcount recount by school and retry with backoff', () => {
    expect(jobOptions(JobName.RecomputeSchoolHeadcount, { schoolId: 'abc' })).toEqual({
      deduplicationId: 'headcount:abc',
      attempts: 5,
      backoffMs: 2000,
    });
    expect(jobOptions(JobName.RefreshHeadcounts, {})).toMatchObject({ deduplicationId: 'headcount:all' });
  });
});
