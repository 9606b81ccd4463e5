import { newTrainingEntry, TrainingCourse } from './training-entry';

describe('newTrainingEntry', () => {
  const course: TrainingCourse = {
    teacherId: 't-1',
    countyId: '320321',
    title: '国培计划',
    provider: '教育部',
    category: 'NATIONAL',
    hours: 24,
    startDate: '2026-07-01',
    endDate: '2026-07-03',
  };
  const at = new Date('2026-09-01T02:00:00Z');

  it('writes a submitted record that waits for a decision', () => {
    const sut = newTrainingEntry(course, { by: 'u-teacher', at, approved: false });
    expect(sut).toEqual({
      id: expect.any(String),
      ...course,
      status: 'SUBMITTED',
      kind: 'RECORD',
      reversesId: null,
      reason: null,
      submittedBy: 'u-teacher',
      submittedAt: at,
      decidedBy: null,
      decidedAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
  });

  it('writes a record approved at once by the importing officer', () => {
    const sut = newTrainingEntry(course, { by: 'u-officer', at, approved: true });
    expect(sut).toMatchObject({ status: 'APPROVED', kind: 'RECORD', submittedBy: 'u-officer', decidedBy: 'u-officer', decidedAt: at });
  });

  it('writes a reversal approved at once, linked to its record, with the reason, whatever `approved` says', () => {
    const sut = newTrainingEntry({ ...course, hours: -24 }, { by: 'u-officer', at, approved: false, reverses: { id: 'r-1', reason: '重复登记' } });
    expect(sut).toMatchObject({ hours: -24, status: 'APPROVED', kind: 'REVERSAL', reversesId: 'r-1', reason: '重复登记', decidedBy: 'u-officer' });
  });

  it('copies only the course from a larger object and gives every entry its own id', () => {
    const original = { ...course, id: 'r-1', status: 'APPROVED', version: 7 };
    const a = newTrainingEntry(original, { by: 'u', at, approved: false });
    const b = newTrainingEntry(original, { by: 'u', at, approved: false });
    expect(a.id).not.toBe('r-1');
    expect(a.id).not.toBe(b.id);
    expect(a.version).toBe(1);
  });
});
