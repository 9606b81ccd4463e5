import { DynamicModule, Global, Module } from '@nestjs/common';
import { JobOutbox } from './job-outbox';
import { OUTBOX_RELAY_OPTIONS, OutboxRelay, OutboxRelayOptions } from './outbox-relay';

/**
 * The transactional outbox: `JobOutbox` for use cases, and the relay that delivers its entries
 * (in every process that imports it: the API and the workers). Needs the DatabaseModule, the
 * QueueModule and the CoreModule.
 */
@Global()
@Module({})
export class OutboxModule {
  static forRoot(options: OutboxRelayOptions): DynamicModule {
    return {
      module: OutboxModule,
      providers: [JobOutbox, OutboxRelay, { provide: OUTBOX_RELAY_OPTIONS, useValue: options }],
      exports: [JobOutbox, OutboxRelay],
    };
  }
}
