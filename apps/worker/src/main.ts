import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@app/config';
import { createLogger } from '@app/core';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.queue.driver !== 'bullmq') {
    console.error('The worker consumes the BullMQ queue: set REDIS_URL. (With the sync driver the API runs every job itself.)');
    process.exit(1);
  }
  const logger = createLogger(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  app.enableShutdownHooks();
  logger.log(`Worker consuming queue with prefix "${config.queue.prefix}" from ${new URL(config.queue.redisUrl).host}`, 'Bootstrap');
}

void bootstrap();
