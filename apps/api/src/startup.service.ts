import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { BootstrapAdmin } from '@app/auth';
import { AppConfig } from '@app/config';
import { Clock } from '@app/core';
import { TransactionHost } from '@app/database';
import { PolicyStore } from '@app/policy';
import { JobName, JobOutbox } from '@app/queue';
import { SeedDivisionsUseCase } from '@app/registry';
import { DemoSeeder } from '@app/seeds/demo/demo-seeder';
import { jiangsuDivisions } from '@app/seeds/reference/divisions';

/**
 * What every start does before serving: reference data (always, idempotently), the shipped
 * default policy, the first administrator, and in the embedded profile (outside production) the demo
 * counties when the database has no schools yet (SEED_DEMO=auto). With the in-process queue, the
 * night's shortage scan too, when it has not run yet (the service was not running at NIGHTLY_CRON,
 * or this is its first start): so the flags of a fresh demo are there at once. The scan is filed
 * once a night, so a later start or the night's own run adds nothing.
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
    private readonly tx: TransactionHost,
    private readonly outbox: JobOutbox,
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
    if (this.config.queue.driver === 'sync') await this.tx.run(() => this.outbox.add(JobName.NightlyShortageScan, {}));
  }
}
