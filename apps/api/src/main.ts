import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@app/config';
import { AppModule } from './app.module';
import { createLogger } from '@app/core';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const app = await NestFactory.create(AppModule.forRoot(config), { logger });
  configureApp(app, config);
  await app.listen(config.port);
  logger.log(
    `Serving on http://localhost:${config.port}/api/v1 (docs at /docs); database ${config.database.type}, queue ${config.queue.driver}`,
    'Bootstrap',
  );
}

void bootstrap();
