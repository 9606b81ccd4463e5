import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { SchoolRepository, TransactionHost } from '@app/database';

/** Recounts every school's cached headcount for today: one set-based statement for the whole province. */
@Injectable()
export class RefreshHeadcountsUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly schools: SchoolRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: { countyId?: string } = {}): Promise<{ asOf: string }> {
    const asOf = this.clock.today();
    await this.tx.run(() => this.schools.recomputeHeadcounts(asOf, command.countyId));
    return { asOf };
  }
}
