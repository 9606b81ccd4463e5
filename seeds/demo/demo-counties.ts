import type { PolicyParameters, Zone } from '@app/domain';
import type { CountySpec } from '../generator/county-generator';

/** A demo county, with the sign-in of its county officer. */
export interface DemoCounty {
  countyId: string;
  cityId: string;
  countyName: string;
  zone: Zone;
  codePrefix: string;
  seed: number;
  username: string;
}

/** One 苏北 county (丰县, Xuzhou) and one 苏南 county (溧阳, Changzhou). */
export const DEMO_COUNTIES: readonly DemoCounty[] = [
  { countyId: '320321', cityId: '320300', countyName: '丰县', zone: 'SUBEI', codePrefix: 'FX', seed: 320321, username: 'officer.fengxian' },
  { countyId: '320481', cityId: '320400', countyName: '溧阳', zone: 'SUNAN', codePrefix: 'LY', seed: 320481, username: 'officer.liyang' },
];

/**
 * What the demo generates for a county on `today` under the policy in force: 20 schools and about 300
 * teachers, staffed against the policy's curriculum, with realistic training records, the featured teacher
 * and the three schools with shortages (see CountySpec).
 */
export function demoCountySpec(
  county: DemoCounty,
  today: string,
  policy: Pick<PolicyParameters, 'shortage' | 'training'>,
  writtenAt?: Date,
): CountySpec {
  return {
    countyId: county.countyId,
    countyName: county.countyName,
    zone: county.zone,
    codePrefix: county.codePrefix,
    seed: county.seed,
    schools: 20,
    teachers: 300,
    today,
    shortage: policy.shortage,
    training: { policy: policy.training, mode: 'realistic' },
    writtenAt,
    featuredTeacher: true,
    featuredShortages: true,
  };
}
