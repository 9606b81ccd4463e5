import { atLeast, bandOfGrade, BACKBONE_LEVELS, gradesOfStage, TITLE_LEVELS } from './codes';

describe('reference codes', () => {
  it('puts grades 1–6 in the primary band, 7–9 junior, 10–12 senior', () => {
    expect([1, 6, 7, 9, 10, 12].map(bandOfGrade)).toEqual(['primary', 'primary', 'junior', 'junior', 'senior', 'senior']);
    expect(() => bandOfGrade(0)).toThrow(RangeError);
    expect(() => bandOfGrade(13)).toThrow(RangeError);
  });

  it('knows the grades of each stage', () => {
    expect(gradesOfStage('PRIMARY')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(gradesOfStage('NINE_YEAR')).toHaveLength(9);
    expect(gradesOfStage('COMPLETE_SECONDARY')).toEqual([7, 8, 9, 10, 11, 12]);
    expect(gradesOfStage('TWELVE_YEAR')).toHaveLength(12);
    expect(gradesOfStage('SENIOR')).toEqual([10, 11, 12]);
  });

  it('compares ordered levels', () => {
    expect(atLeast(BACKBONE_LEVELS, 'CITY', 'COUNTY')).toBe(true);
    expect(atLeast(BACKBONE_LEVELS, 'SCHOOL', 'COUNTY')).toBe(false);
    expect(atLeast(TITLE_LEVELS, 'SENIOR', 'SENIOR')).toBe(true);
    expect(atLeast(TITLE_LEVELS, 'FIRST', 'SENIOR')).toBe(false);
  });
});
