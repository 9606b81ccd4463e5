/**
 * npm run seed:demo — loads the demo counties (丰县 and 溧阳) into the configured database, with a
 * sign-in for every role. Reference data and the default policy come first; the demo itself loads
 * only into a registry without schools, so running it again changes nothing.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/config';
import { createLogger } from '@app/core';
import { ReferenceDataSeeder } from '../reference-data.seeder';
import { SeedModule } from '../seed.module';
import { DemoSeeder } from './demo-seeder';

async function main(): Promise<void> {
  // Seeding signs no tokens: a throw-away JWT secret, so no secret file is written. Errors end the run with their message, so
  // the framework's own log stays quiet unless LOG_LEVEL asks for it.
  // Quiet framework logs unless LOG_LEVEL asks for them: the tool prints its own progress.
  const config = loadConfig(undefined, { persistSecret: false, defaults: { LOG_LEVEL: 'fatal' } });
  const logger = createLogger(config);
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger, abortOnError: false });
  try {
    await app.get(ReferenceDataSeeder).seed();
    const demo = app.get(DemoSeeder);
    if (!(await demo.isEmpty())) {
      console.log('Demo data exists: the registry has schools already, nothing loaded.');
      return;
    }
    const result = await demo.seed();
    console.log(`Loaded the demo data: ${result.summary}.`);
    console.log('Demo sign-ins:');
    for (const username of result.usernames) console.log(`  ${username}`);
    console.log(`Password for all of them: ${result.password}`);
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
