import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@app/config';
import { resolveDataSourceOptions } from './data-source-options';
import {
  AuditRepository,
  ImportRepository,
  NotificationRepository,
  OutboxRepository,
  PolicyRepository,
  PostingRepository,
  QuotaRepository,
  ReferenceRepository,
  RotationExemptionRepository,
  RotationFactsRepository,
  RotationPlanRepository,
  RotationRewardsRepository,
  SchoolRepository,
  ShortageFactsRepository,
  ShortageFlagRepository,
  ShortageScanRepository,
  StaffingReportRepository,
  StaffRequestRepository,
  TeacherRepository,
  TrainingRepository,
  TransferRepository,
  UserRepository,
} from './repositories';
import { BulkWriter } from './bulk-writer';
import { applyMigrations, reportPendingMigrations } from './migrate';
import { TransactionHost } from './transaction-host';

const REPOSITORIES = [
  AuditRepository,
  ImportRepository,
  NotificationRepository,
  OutboxRepository,
  PolicyRepository,
  PostingRepository,
  QuotaRepository,
  ReferenceRepository,
  RotationExemptionRepository,
  RotationFactsRepository,
  RotationPlanRepository,
  RotationRewardsRepository,
  SchoolRepository,
  ShortageFactsRepository,
  ShortageFlagRepository,
  ShortageScanRepository,
  StaffingReportRepository,
  StaffRequestRepository,
  TeacherRepository,
  TrainingRepository,
  TransferRepository,
  UserRepository,
];

/** The data source of the configured profile, migrated on start, with the transaction host and repositories. */
@Global()
@Module({})
export class DatabaseModule {
  /**
   * `runMigrations`: the API migrates on start (logging each migration applied, or that the schema
   * is up to date); the worker only warns when the schema lags behind.
   */
  static forRoot(config: Pick<AppConfig, 'database'>, options: { runMigrations?: boolean } = {}): DynamicModule {
    const runMigrations = options.runMigrations ?? true;
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({ ...(await resolveDataSourceOptions(config)), migrationsRun: false }),
          dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions as DataSourceOptions).initialize();
            try {
              if (runMigrations) await applyMigrations(dataSource);
              else await reportPendingMigrations(dataSource);
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
      ],
      providers: [TransactionHost, BulkWriter, ...REPOSITORIES],
      exports: [TransactionHost, BulkWriter, ...REPOSITORIES],
    };
  }
}
