import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@app/config';
import { resolveDataSourceOptions } from './data-source-options';
import {
  AuditRepository,
  PolicyRepository,
  PostingRepository,
  ReferenceRepository,
  SchoolRepository,
  TeacherRepository,
  TrainingRepository,
  UserRepository,
} from './repositories';
import { BulkWriter } from './bulk-writer';
import { TransactionHost } from './transaction-host';

const REPOSITORIES = [
  AuditRepository,
  PolicyRepository,
  PostingRepository,
  ReferenceRepository,
  SchoolRepository,
  TeacherRepository,
  TrainingRepository,
  UserRepository,
];

/** The data source of the configured profile, migrated on start, with the transaction host and repositories. */
@Global()
@Module({})
export class DatabaseModule {
  /** `runMigrations`: the API migrates on start; the worker waits for a migrated schema. */
  static forRoot(config: Pick<AppConfig, 'database'>, options: { runMigrations?: boolean } = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({
            ...(await resolveDataSourceOptions(config)),
            migrationsRun: options.runMigrations ?? true,
            migrationsTransactionMode: 'each',
          }),
        }),
      ],
      providers: [TransactionHost, BulkWriter, ...REPOSITORIES],
      exports: [TransactionHost, BulkWriter, ...REPOSITORIES],
    };
  }
}
