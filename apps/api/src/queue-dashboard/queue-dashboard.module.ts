import { Module } from '@nestjs/common';
import { QueueDashboardController } from './queue-dashboard.controller';
import { QueueDashboard } from './queue-dashboard.service';

/** The province administrator's queue dashboard: its session endpoints, and Bull Board at /queues with the BullMQ driver. */
@Module({ controllers: [QueueDashboardController], providers: [QueueDashboard] })
export class QueueDashboardModule {}
