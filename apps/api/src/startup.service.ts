import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { BootstrapAdmin } from '@app/auth';
import { AppConfig } from '@app/config';
import { Clock } from '@app/core';
import { PolicyStore } from '@app/policy';
import { SeedDivisionsUseCase } from '@app/registry';
import { DemoSeeder } from '@app/seeds/demo/demo-seeder';
import { jiangsuDivisions } from '@app/seeds/reference/divisions';

/**
 * What every start does before serving: reference data (always, idempotently), the shipped
 * default policy, the first administrator, and in the embedded profile (outside production) the demo
 * counties when the database has no schools yet (SEED_DEMO=auto).
 */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');

  constructor(
    private readonly divisions: SeedDivisionsUseCase,
    private readonly policy: PolicyStore,
    private readonly admin: BootstrapAdmin,
    private readonly demo: DemoSeeder,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.divisions.execute(jiangsuDivisions());
    await this.policy.ensureDefault(this.clock.now());
    await this.admin.ensureAdmin();
    const wanted = this.config.seedDemo === true || (this.config.seedDemo === 'auto' && this.config.embedded && this.config.env !== 'production');
    if (wanted && (await this.demo.isEmpty())) {
      const result = await this.demo.seed();
      this.logger.log(`Loaded the demo data: ${result.summary}`);
      this.logger.warn(`Demo sign-ins (password for all: ${result.password}): ${result.usernames.join(', ')}`);
    }
  }
}
