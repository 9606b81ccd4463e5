import { ZONES } from '@app/domain';
import { jiangsuDivisions } from './divisions';

describe('Jiangsu divisions', () => {
  const sut = jiangsuDivisions();

  it('has the 13 cities and 95 county-level units with 6-digit codes', () => {
    expect(sut.cities).toHaveLength(13);
    expect(sut.counties).toHaveLength(95);
    for (const row of [...sut.cities, ...sut.counties]) expect(row.id).toMatch(/^32\d{4}$/);
    expect(new Set(sut.counties.map((c) => c.id)).size).toBe(95);
  });

  it('puts each city in its zone and each county under its city', () => {
    const zoneOf = Object.fromEntries(sut.cities.map((c) => [c.nameEn, c.zone]));
    expect(zoneOf).toMatchObject({ Nanjing: 'SUNAN', Suzhou: 'SUNAN', Nantong: 'SUZHONG', Xuzhou: 'SUBEI', Suqian: 'SUBEI' });
    for (const city of sut.cities) expect(ZONES).toContain(city.zone);
    const cityIds = new Set(sut.cities.map((c) => c.id));
    for (const county of sut.counties) {
      expect(cityIds.has(county.cityId)).toBe(true);
      expect(county.id.slice(0, 4)).toBe(county.cityId.slice(0, 4));
    }
  });
});
