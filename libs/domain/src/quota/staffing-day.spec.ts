import { DomainError } from '../errors/domain-error';
import { staffingDayOf } from './staffing-day';

describe('staffingDayOf', () => {
  const today = '2026-10-15';

  it('judges today in its school year when neither is given (a school year starts on 1 September)', () => {
    expect(staffingDayOf(today)).toEqual({ year: 2026, asOf: '2026-10-15' });
    expect(staffingDayOf('2027-08-31')).toEqual({ year: 2026, asOf: '2027-08-31' });
    expect(staffingDayOf('2027-09-01')).toEqual({ year: 2027, asOf: '2027-09-01' });
  });

  it('takes the school year of the day asked for', () => {
    expect(staffingDayOf(today, undefined, '2025-03-01')).toEqual({ year: 2024, asOf: '2025-03-01' });
    expect(staffingDayOf(today, 2024, '2025-03-01')).toEqual({ year: 2024, asOf: '2025-03-01' });
  });

  it('judges a year asked for without a day today if today is in it, else on its nearest day', () => {
    expect(staffingDayOf(today, 2026)).toEqual({ year: 2026, asOf: today });
    expect(staffingDayOf(today, 2024)).toEqual({ year: 2024, asOf: '2025-08-31' });
    expect(staffingDayOf(today, 2028)).toEqual({ year: 2028, asOf: '2028-09-01' });
  });

  it('refuses a day outside the year asked for, naming asOf', () => {
    try {
      staffingDayOf(today, 2026, '2026-08-31');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details).toEqual({ fields: { asOf: ['must fall in school year 2026 (2026-09-01 … 2027-08-31)'] } });
    }
  });
});
