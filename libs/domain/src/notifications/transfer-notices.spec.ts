import { transferDedupeKey, TransferHappening, transferNoticeKind, transferRecipients } from './transfer-notices';

const transfer = { teacherId: 't-1', fromSchoolId: 's-from', fromCountyId: '320321', toSchoolId: 's-to', toCountyId: '320322' };

describe('notices of transfers', () => {
  it('go to the receiving county’s officers while pending, and to the sending county’s when it is rejected', () => {
    expect(transferRecipients('PENDING', transfer)).toEqual([{ kind: 'COUNTY_OFFICERS', countyId: '320322' }]);
    expect(transferRecipients('REJECTED', transfer)).toEqual([{ kind: 'COUNTY_OFFICERS', countyId: '320321' }]);
  });

  it('go to the teacher and the principals of both schools once executed', () => {
    expect(transferRecipients('EXECUTED', transfer)).toEqual([
      { kind: 'TEACHER', teacherId: 't-1' },
      { kind: 'PRINCIPALS', schoolId: 's-from' },
      { kind: 'PRINCIPALS', schoolId: 's-to' },
    ]);
  });

  it('go to the province administrators when the anti-poaching rule blocks it', () => {
    expect(transferRecipients('BLOCKED', transfer)).toEqual([{ kind: 'PROVINCE_ADMINS' }]);
  });

  it('have one kind and one dedupe key per event of a transfer', () => {
    const happenings: TransferHappening[] = ['PENDING', 'EXECUTED', 'REJECTED', 'BLOCKED'];
    expect(happenings.map(transferNoticeKind)).toEqual(['TRANSFER_PENDING', 'TRANSFER_EXECUTED', 'TRANSFER_REJECTED', 'TRANSFER_BLOCKED']);
    expect(happenings.map((h) => transferDedupeKey(h, 'x'))).toEqual([
      'transfer:x:pending',
      'transfer:x:executed',
      'transfer:x:rejected',
      'transfer:x:blocked',
    ]);
  });
});
