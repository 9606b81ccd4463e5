import { DynamicModule, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { AuditModule } from '@app/audit';
import { AppConfig, AppConfigModule } from '@app/config';
import { CoreModule } from '@app/core';
import { DatabaseModule } from '@app/database';
import { PolicyModule } from '@app/policy';
import { OutboxModule, QueueModule } from '@app/queue';
import { RegistryModule } from '@app/registry';
import { RotationModule } from '@app/rotation';
import { ShortagesModule } from '@app/shortages';

/**
 * The worker process: consumes the BullMQ queue and runs each job's handler, the same use cases
 * the API runs. No HTTP. It does not migrate the database; the API does that on start. Like the
 * API it relays the outbox (jobs that handlers record) and registers the nightly schedule
 * whenever it (re)connects to Redis.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        ClsModule.forRoot({ global: true }),
        CoreModule,
        DatabaseModule.forRoot(config, { runMigrations: false }),
        QueueModule.forRoot({ queue: config.queue, consume: true, nightly: { pattern: config.nightlyCron, timezone: config.timezone } }),
        OutboxModule.forRoot({ pollMs: config.outbox.pollMs }),
        AuditModule,
        PolicyModule,
        RegistryModule,
        ShortagesModule,
        RotationModule,
      ],
    };
  }
}
