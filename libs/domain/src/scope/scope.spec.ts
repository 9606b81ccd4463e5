import { coversCounty, scopeOf } from './scope';

const base = { userId: 'u1', username: 'someone' };

describe('scope of an account', () => {
  it('maps each role to its reach', () => {
    expect(scopeOf({ ...base, role: 'PROVINCE_ADMIN' })).toEqual({ level: 'PROVINCE' });
    expect(scopeOf({ ...base, role: 'CITY_OFFICER', cityId: '320300' })).toEqual({ level: 'CITY', cityId: '320300' });
    expect(scopeOf({ ...base, role: 'COUNTY_OFFICER', countyId: '320321' })).toEqual({ level: 'COUNTY', countyId: '320321' });
    expect(scopeOf({ ...base, role: 'PRINCIPAL', countyId: '320321', schoolId: 's1' })).toEqual({
      level: 'SCHOOL',
      countyId: '320321',
      schoolId: 's1',
    });
    expect(scopeOf({ ...base, role: 'TEACHER', countyId: '320321', teacherId: 't1' })).toEqual({
      level: 'TEACHER',
      countyId: '320321',
      teacherId: 't1',
    });
  });

  it('refuses an account whose role lacks its anchor', () => {
    expect(() => scopeOf({ ...base, role: 'PRINCIPAL', countyId: '320321' })).toThrow(/schoolId/);
    expect(() => scopeOf({ ...base, role: 'COUNTY_OFFICER' })).toThrow(/countyId/);
  });

  it('covers a whole county only from the county officer up', () => {
    const county = { id: '320321', cityId: '320300' };
    expect(coversCounty({ level: 'PROVINCE' }, county)).toBe(true);
    expect(coversCounty({ level: 'CITY', cityId: '320300' }, county)).toBe(true);
    expect(coversCounty({ level: 'CITY', cityId: '320100' }, county)).toBe(false);
    expect(coversCounty({ level: 'COUNTY', countyId: '320321' }, county)).toBe(true);
    expect(coversCounty({ level: 'COUNTY', countyId: '320322' }, county)).toBe(false);
    expect(coversCounty({ level: 'SCHOOL', countyId: '320321', schoolId: 's' }, county)).toBe(false);
  });
});
