import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ClsModule } from 'nestjs-cls';
import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { AppConfig, AppConfigModule } from '@app/config';
import { CoreModule, createValidationPipe, DomainExceptionFilter } from '@app/core';
import { DatabaseModule } from '@app/database';
import { PolicyModule } from '@app/policy';
import { OutboxModule, QueueModule } from '@app/queue';
import { RegistryModule } from '@app/registry';
import { ImportsController } from './imports/imports.controller';
import { RotationModule, RotationReportModule } from '@app/rotation';
import { ShortagesModule } from '@app/shortages';
import { StaffingModule } from '@app/staffing';
import { StaffRequestsModule } from '@app/staff-requests';
import { TrainingModule } from '@app/training';
import { TransfersModule } from '@app/transfers';
import { EligibilityModule } from '@app/eligibility';
import { NotificationsModule } from '@app/notifications';
import { DemoSeeder } from '@app/seeds/demo/demo-seeder';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './common/auth.guard';
import { HealthController } from './health/health.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { PolicyController } from './policy/policy.controller';
import { PostingsController } from './postings/postings.controller';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { CodesController } from './reference/codes.controller';
import { ReferenceController } from './reference/reference.controller';
import { RotationReportController } from './rotation/rotation-report.controller';
import { RotationController } from './rotation/rotation.controller';
import { RotationPlansController } from './rotation/rotation-plans.controller';
import { SchoolClustersController } from './schools/school-clusters.controller';
import { SchoolsController } from './schools/schools.controller';
import { StartupService } from './startup.service';
import { TeachersController } from './teachers/teachers.controller';
import { ShortagesController } from './shortages/shortages.controller';
import { QuotaController } from './staffing/quota.controller';
import { StaffingReportsController } from './staffing/staffing-reports.controller';
import { StaffRequestsController } from './staff-requests/staff-requests.controller';
import { TrainingController } from './training/training.controller';
import { TransfersController } from './transfers/transfers.controller';
import { EligibilityController } from './eligibility/eligibility.controller';
import { UsersController } from './users/users.controller';
import { WebConsoleModule } from './web-console';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The HTTP API. With the sync queue driver it also runs the jobs; with BullMQ, apps/worker does. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (request: Request) => {
              const given = request.headers['x-request-id'];
              return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
            },
            setup: (cls, _request, response: Response) => {
              response.setHeader('X-Request-Id', cls.getId());
            },
          },
        }),
        CoreModule,
        DatabaseModule.forRoot(config),
        QueueModule.forRoot({ queue: config.queue, consume: false, nightly: { pattern: config.nightlyCron, timezone: config.timezone } }),
        OutboxModule.forRoot({ pollMs: config.outbox.pollMs }),
        AuditModule,
        PolicyModule,
        AuthModule,
        RegistryModule,
        TrainingModule,
        ShortagesModule,
        StaffingModule,
        StaffRequestsModule,
        RotationModule,
        RotationReportModule,
        TransfersModule,
        EligibilityModule,
        NotificationsModule,
        QueueDashboardModule,
        WebConsoleModule.forRoot(config),
      ],
      controllers: [
        AuthController,
        UsersController,
        ReferenceController,
        CodesController,
        SchoolsController,
        SchoolClustersController,
        TeachersController,
        PostingsController,
        PolicyController,
        TrainingController,
        ImportsController,
        ShortagesController,
        QuotaController,
        StaffingReportsController,
        StaffRequestsController,
        RotationController,
        RotationReportController,
        RotationPlansController,
        TransfersController,
        EligibilityController,
        AuditController,
        NotificationsController,
        HealthController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        DemoSeeder,
        StartupService,
      ],
    };
  }
}
