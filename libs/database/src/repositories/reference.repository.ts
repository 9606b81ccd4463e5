import { Injectable } from '@nestjs/common';
import type { Scope } from '@app/domain';
import { CityEntity, CountyEntity } from '../entities';
import { countyCondition } from '../scope-filter';
import { TransactionHost } from '../transaction-host';

/** Cities and counties: public reference data with official codes as ids. */
@Injectable()
export class ReferenceRepository {
  constructor(private readonly tx: TransactionHost) {}

  listCities(): Promise<CityEntity[]> {
    return this.tx.manager.find(CityEntity, { order: { id: 'ASC' } });
  }

  listCounties(cityId?: string): Promise<CountyEntity[]> {
    return this.tx.manager.find(CountyEntity, { where: cityId ? { cityId } : {}, order: { id: 'ASC' } });
  }

  findCity(id: string): Promise<CityEntity | null> {
    return this.tx.manager.findOne(CityEntity, { where: { id } });
  }

  findCounty(id: string): Promise<CountyEntity | null> {
    return this.tx.manager.findOne(CountyEntity, { where: { id } });
  }

  /** The county, when it lies in the caller's reach; null otherwise (the caller answers 404). */
  findCountyInScope(scope: Scope, id: string): Promise<CountyEntity | null> {
    const inScope = countyCondition(scope, 'county.id');
    return this.tx.manager.createQueryBuilder(CountyEntity, 'county').where('county.id = :id', { id }).andWhere(inScope.sql, inScope.params).getOne();
  }

  /** Counties of the caller's reach (the whole province for an administrator). */
  countiesInScope(scope: Scope): Promise<CountyEntity[]> {
    const inScope = countyCondition(scope, 'county.id');
    return this.tx.manager.createQueryBuilder(CountyEntity, 'county').where(inScope.sql, inScope.params).orderBy('county.id').getMany();
  }

  async upsertCities(cities: CityEntity[]): Promise<void> {
    await this.tx.manager.upsert(CityEntity, cities, ['id']);
  }

  async upsertCounties(counties: CountyEntity[]): Promise<void> {
    await this.tx.manager.upsert(CountyEntity, counties, ['id']);
  }
}
