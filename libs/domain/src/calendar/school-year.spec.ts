import { schoolYearOf } from './school-year';

describe('schoolYearOf', () => {
  it('starts the school year on 1 September', () => {
    expect(schoolYearOf('2026-09-01')).toBe(2026);
    expect(schoolYearOf('2026-08-31')).toBe(2025);
  });

  it('keeps the autumn year through the winter and spring, leap day included', () => {
    expect(schoolYearOf('2026-12-31')).toBe(2026);
    expect(schoolYearOf('2027-01-01')).toBe(2026);
    expect(schoolYearOf('2024-02-29')).toBe(2023);
  });
});
