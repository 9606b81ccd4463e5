import type { Zone } from '@app/domain';
import data from './jiangsu-divisions.json';

interface DivisionsFile {
  cities: { code: string; name: string; nameEn: string; zone: Zone; counties: { code: string; name: string }[] }[];
}

/**
 * Jiangsu's 13 cities and 95 county-level units with their official division codes (NBS, 2024),
 * as rows for the city and county tables. Copied from the shared reference data.
 */
export function jiangsuDivisions(): {
  cities: { id: string; name: string; nameEn: string; zone: Zone }[];
  counties: { id: string; name: string; cityId: string }[];
} {
  const file = data as DivisionsFile;
  return {
    cities: file.cities.map((c) => ({ id: c.code, name: c.name, nameEn: c.nameEn, zone: c.zone })),
    counties: file.cities.flatMap((c) => c.counties.map((county) => ({ id: county.code, name: county.name, cityId: c.code }))),
  };
}
