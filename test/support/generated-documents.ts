import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';

let reusing = true;

/**
 * Generating the OpenAPI document from the controllers' metadata is most of an app's boot. Within one Jest run the
 * code does not change, so the document Nest generates depends only on the controllers the app has, its prefix and what
 * configureApp asks for: the first app of each kind in the run generates it, and later apps, in any test file, read it
 * back from the run's directory (see test/support/global-setup.js); configureApp completes and serves it as always.
 * With `reuse` false, documents are generated afresh until the next call.
 */
export function reuseGeneratedDocuments(reuse: boolean): void {
  reusing = reuse;
  const dir = process.env.STAFFING_TEST_RUN_DIR;
  const current = SwaggerModule.createDocument as typeof SwaggerModule.createDocument & { reused?: true };
  if (!dir || current.reused) return;
  const generate = current.bind(SwaggerModule) as typeof SwaggerModule.createDocument;
  const reusable: typeof SwaggerModule.createDocument = (app, config, options) => {
    if (!reusing) return generate(app, config, options);
    const file = join(dir, `openapi-${keyOf(app, [config, options])}.json`);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof generate>;
    const document = generate(app, config, options);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temporary, JSON.stringify(document));
    renameSync(temporary, file);
    // The caller gets the same JSON that later apps read back, so every app completes and serves the same thing.
    return JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof generate>;
  };
  SwaggerModule.createDocument = Object.assign(reusable, { reused: true as const });
}

/** The controllers of the app by module, its global prefix and the generation's options (functions by their source). */
function keyOf(app: INestApplication, options: unknown[]): string {
  const controllers = [...app.get(ModulesContainer).values()]
    .flatMap((module) =>
      [...module.controllers.keys()].map((controller) => `${module.name}.${String((controller as { name?: string }).name ?? controller)}`),
    )
    .sort();
  const prefix = (app as unknown as { config: { getGlobalPrefix(): string } }).config.getGlobalPrefix();
  const shown = JSON.stringify([controllers, prefix, options], (_key, value: unknown) => (typeof value === 'function' ? String(value) : value));
  return createHash('sha256').update(shown).digest('hex').slice(0, 24);
}
