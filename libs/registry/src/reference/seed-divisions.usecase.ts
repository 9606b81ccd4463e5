import { Injectable, Logger } from '@nestjs/common';
import { CityEntity, CountyEntity, ReferenceRepository, TransactionHost } from '@app/database';

export interface Divisions {
  cities: CityEntity[];
  counties: CountyEntity[];
}

/** Loads cities and counties with their official codes as ids; run at every start, changes nothing when current. */
@Injectable()
export class SeedDivisionsUseCase {
  private readonly logger = new Logger(SeedDivisionsUseCase.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute(divisions: Divisions): Promise<void> {
    await this.tx.run(async () => {
      await this.reference.upsertCities(divisions.cities);
      await this.reference.upsertCounties(divisions.counties);
    });
    this.logger.log(`Reference data: ${divisions.cities.length} cities, ${divisions.counties.length} counties`);
  }
}
