import { JIANGSU_2024_POLICY } from '@app/domain';
import { generateCounty } from './county-generator';
import { generatedHeadcounts, generatePool, poolRows } from './quota-pool';

describe('generated quota pools', () => {
  const schools = [
    { schoolId: 'b', code: 'X02', headcountMilli: 12_500 },
    { schoolId: 'a', code: 'X01', headcountMilli: 30_000 },
    { schoolId: 'c', code: 'X03', headcountMilli: 8_000 },
    { schoolId: 'd', code: 'X04', headcountMilli: 0 },
  ];

  it('allocates most schools their headcount rounded up and a few spare posts, and the largest two posts fewer than it has', () => {
    const pool = generatePool(schools);
    expect(pool.allocations).toEqual([
      { schoolId: 'a', allocated: 28 },
      { schoolId: 'b', allocated: 15 },
      { schoolId: 'c', allocated: 8 },
      { schoolId: 'd', allocated: 3 },
    ]);
    expect(pool.overstaffedSchoolId).toBe('a');
    // 54 allocated and a 5 % reserve (2.7 → 3).
    expect(pool.approvedTotal).toBe(57);
  });

  it('leaves no school overstaffed when none has three posts to spare', () => {
    expect(generatePool([{ schoolId: 'a', code: 'X01', headcountMilli: 2_500 }])).toMatchObject({
      overstaffedSchoolId: null,
      allocations: [{ allocated: 4 }],
    });
    expect(generatePool([])).toEqual({ approvedTotal: 0, allocations: [], overstaffedSchoolId: null });
  });

  it('counts a generated county’s on-quota teachers by posting fraction, the same every time, and writes a row for each figure', () => {
    const spec = {
      countyId: '320321',
      countyName: '丰县',
      zone: 'SUBEI' as const,
      schools: 8,
      teachers: 120,
      today: '2026-10-15',
      seed: 7,
      codePrefix: 'T',
      shortage: JIANGSU_2024_POLICY.parameters.shortage,
    };
    const county = generateCounty(spec);
    const headcounts = generatedHeadcounts(county, spec.today);
    expect(headcounts).toHaveLength(8);
    expect(headcounts).toEqual(generatedHeadcounts(generateCounty(spec), spec.today));
    const total = headcounts.reduce((sum, s) => sum + s.headcountMilli, 0);
    expect(total).toBeGreaterThan(50_000);
    expect(total).toBeLessThanOrEqual(120_000);
    const pool = generatePool(headcounts);
    const rows = poolRows('320321', 2026, pool, new Date('2026-10-15T00:00:00Z'));
    expect(rows.countyQuota).toEqual([expect.objectContaining({ county_id: '320321', year: 2026, approved_total: pool.approvedTotal })]);
    expect(rows.allocations).toHaveLength(8);
    expect(rows.changes.map((c) => c.kind)).toEqual(['APPROVED_TOTAL', ...Array(8).fill('ALLOCATION')]);
  });
});
