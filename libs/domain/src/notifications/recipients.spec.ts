import { namesNobody, Recipient, recipientQuery } from './recipients';

describe('recipients of a notification', () => {
  it('are grouped by form for one query, each key once and sorted', () => {
    const recipients: Recipient[] = [
      { kind: 'PRINCIPALS', schoolId: 'school-b' },
      { kind: 'COUNTY_OFFICERS', countyId: '320321' },
      { kind: 'USER', userId: 'user-2' },
      { kind: 'PRINCIPALS', schoolId: 'school-a' },
      { kind: 'TEACHER', teacherId: 'teacher-1' },
      { kind: 'COUNTY_OFFICERS', countyId: '320321' },
      { kind: 'USER', userId: 'user-1' },
      { kind: 'PRINCIPALS', schoolId: 'school-b' },
    ];
    expect(recipientQuery(recipients, ['user-9', 'user-3', 'user-9'])).toEqual({
      userIds: ['user-1', 'user-2'],
      officerCountyIds: ['320321'],
      principalSchoolIds: ['school-a', 'school-b'],
      teacherIds: ['teacher-1'],
      provinceAdmins: false,
      exceptUserIds: ['user-3', 'user-9'],
    });
  });

  it('name the province administrators as one form', () => {
    expect(recipientQuery([{ kind: 'PROVINCE_ADMINS' }, { kind: 'USER', userId: 'u' }]).provinceAdmins).toBe(true);
    expect(recipientQuery([{ kind: 'USER', userId: 'u' }]).provinceAdmins).toBe(false);
  });

  it('leave nobody out unless told to', () => {
    expect(recipientQuery([{ kind: 'USER', userId: 'u' }]).exceptUserIds).toEqual([]);
  });

  it('name nobody when no form is given, whatever is left out', () => {
    expect(namesNobody(recipientQuery([]))).toBe(true);
    expect(namesNobody(recipientQuery([], ['user-1']))).toBe(true);
    for (const recipient of [
      { kind: 'USER', userId: 'u' },
      { kind: 'COUNTY_OFFICERS', countyId: '320321' },
      { kind: 'PRINCIPALS', schoolId: 's' },
      { kind: 'TEACHER', teacherId: 't' },
      { kind: 'PROVINCE_ADMINS' },
    ] as const) {
      expect({ recipient, nobody: namesNobody(recipientQuery([recipient])) }).toEqual({ recipient, nobody: false });
    }
  });
});
