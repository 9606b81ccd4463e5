import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { OutboxRepository } from '@app/database';
import { JobQueue } from '@app/queue';
import { Public } from '../common/public.decorator';

class OutboxBacklogResponse {
  @ApiProperty({ description: 'Jobs recorded by writes and not yet handed to the queue', example: 0 }) pending: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds the oldest of them has waited (null when none waits)', example: null })
  oldestAgeSeconds: number | null;
}

class HealthResponse {
  @ApiProperty({
    enum: ['ok', 'degraded', 'down'],
    description: 'ok; degraded: the queue is down, jobs wait in the outbox; down: the database is down',
  })
  status: 'ok' | 'degraded' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) queue: 'up' | 'down';
  @ApiProperty({ enum: ['mysql', 'mariadb', 'better-sqlite3'] }) database: string;
  @ApiProperty({ enum: ['bullmq', 'sync'] }) queueDriver: 'bullmq' | 'sync';
  @ApiProperty({ type: OutboxBacklogResponse, nullable: true, description: 'null when the database cannot be read' })
  outbox: OutboxBacklogResponse | null;
}

const DATABASE_TIMEOUT_MS = 3000;

@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Database and queue reachability and the outbox backlog (no sign-in)',
    description:
      '200 while the database is up, also when only the queue is down (`status: degraded`: the API serves, and the jobs that ' +
      'writes cause wait in the outbox until the queue is back); 503 when the database is down.',
  })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const [db, queue, outbox] = await Promise.all([this.database(), this.jobs.health(), this.backlog()]);
    const status = db === 'down' ? 'down' : queue === 'down' ? 'degraded' : 'ok';
    if (status === 'down') response.status(503);
    return { status, db, queue, database: this.dataSource.options.type, queueDriver: this.jobs.driverKind, outbox };
  }

  private async database(): Promise<'up' | 'down'> {
    const answered = await within(
      DATABASE_TIMEOUT_MS,
      this.dataSource.query('SELECT 1').then(() => true),
    );
    return answered ? 'up' : 'down';
  }

  private async backlog(): Promise<OutboxBacklogResponse | null> {
    const backlog = await within(DATABASE_TIMEOUT_MS, this.outbox.backlog());
    if (!backlog) return null;
    const age = backlog.oldestCreatedAt ? Math.max(0, Math.floor((this.clock.now().getTime() - backlog.oldestCreatedAt.getTime()) / 1000)) : null;
    return { pending: backlog.pending, oldestAgeSeconds: age };
  }
}

/** The value of `work`, or null when it fails or takes longer than `ms`. */
async function within<T>(ms: number, work: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
