import { DynamicModule, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { AppConfig, AppConfigModule } from '@app/config';
import { CoreModule } from '@app/core';
import { DatabaseModule } from '@app/database';
import { PolicyModule } from '@app/policy';
import { OutboxModule, QueueModule } from '@app/queue';
import { RegistryModule } from '@app/registry';
import { RotationModule } from '@app/rotation';
import { ShortagesModule } from '@app/shortages';
import { DemoSeeder } from './demo/demo-seeder';
import { ReferenceDataSeeder } from './reference-data.seeder';

/**
 * Command-line seeding (seed:demo, seed:scale, benchmarks): the data layer migrated on start, as
 * the API does, and the registry, policy and auth services, with no HTTP. Jobs run in process
 * (sync driver, whatever QUEUE_DRIVER says) so that seeding never needs Redis or a worker.
 */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        AppConfigModule.forRoot(config),
        ClsModule.forRoot({ global: true }),
        CoreModule,
        DatabaseModule.forRoot(config),
        QueueModule.forRoot({ queue: { driver: 'sync', prefix: config.queue.prefix }, consume: true }),
        OutboxModule.forRoot({ pollMs: config.outbox.pollMs }),
        AuthModule,
        AuditModule,
        PolicyModule,
        RegistryModule,
        // Every job needs its handler in a process that runs jobs: writes file shortage rescans (delayed: they wait in the outbox).
        ShortagesModule,
        // … and the nightly completion of rotation plans.
        RotationModule,
      ],
      providers: [DemoSeeder, ReferenceDataSeeder],
      exports: [DemoSeeder, ReferenceDataSeeder],
    };
  }
}
