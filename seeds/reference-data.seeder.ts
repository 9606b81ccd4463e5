import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { PolicyStore } from '@app/policy';
import { SeedDivisionsUseCase } from '@app/registry';
import { jiangsuDivisions } from './reference/divisions';

/** What seeding needs before any county data: Jiangsu's cities and counties, and the shipped default policy (both idempotent). */
@Injectable()
export class ReferenceDataSeeder {
  constructor(
    private readonly divisions: SeedDivisionsUseCase,
    private readonly policy: PolicyStore,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<void> {
    await this.divisions.execute(jiangsuDivisions());
    await this.policy.ensureDefault(this.clock.now());
  }
}
