import { Injectable } from '@nestjs/common';
import { ReferenceRepository } from '@app/database';
import { PolicyStore } from '@app/policy';
import { Zone } from '@app/domain';
import { Clock } from '@app/core';

export interface CityView {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  zone: Zone;
  /** Whether the city's zone is developed under the policy in force today. */
  developed: boolean;
}

export interface CountyView {
  id: string;
  code: string;
  name: string;
  cityId: string;
}

/** Jiangsu's 13 cities and 95 counties with their official codes. */
@Injectable()
export class ListReferenceDataUseCase {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async cities(): Promise<CityView[]> {
    const [cities, policy] = await Promise.all([this.reference.listCities(), this.policy.inForce(this.clock.today())]);
    const developed = new Set<string>(policy.parameters.antiPoaching.developedZones);
    return cities.map((c) => ({ id: c.id, code: c.id, name: c.name, nameEn: c.nameEn, zone: c.zone, developed: developed.has(c.zone) }));
  }

  async counties(cityId?: string): Promise<CountyView[]> {
    return (await this.reference.listCounties(cityId)).map((c) => ({ id: c.id, code: c.id, name: c.name, cityId: c.cityId }));
  }
}
