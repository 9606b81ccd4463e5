import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { JobQueue } from '@app/queue';
import { Public } from '../common/public.decorator';

class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) queue: 'up' | 'down';
  @ApiProperty({ enum: ['mysql', 'mariadb', 'better-sqlite3'] }) database: string;
  @ApiProperty({ enum: ['bullmq', 'sync'] }) queueDriver: 'bullmq' | 'sync';
}

@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Database and queue reachability (no sign-in); 503 when either is down' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const [db, queue] = await Promise.all([this.database(), this.jobs.health()]);
    const status = db === 'up' && queue === 'up' ? 'ok' : 'degraded';
    if (status !== 'ok') response.status(503);
    return { status, db, queue, database: this.dataSource.options.type, queueDriver: this.jobs.driverKind };
  }

  private async database(): Promise<'up' | 'down'> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
