/**
 * npm run bench -- <name> [options]
 *
 * Runs bench/<name>.bench.ts, whose `run(args)` measures something and prints plain text lines.
 * Benchmarks are not part of `npm test`: they take a while and their figures depend on the machine.
 */
import 'reflect-metadata';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Bench {
  run(args: string[]): Promise<void>;
}

const SUFFIX = '.bench.ts';

function available(): string[] {
  return readdirSync(__dirname)
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
}

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const file = name && /^[a-z0-9][a-z0-9-]*$/.test(name) ? join(__dirname, `${name}${SUFFIX}`) : null;
  if (!file || !existsSync(file)) {
    console.error(`usage: npm run bench -- <name> [options]; benchmarks: ${available().join(', ') || '(none)'}`);
    return 2;
  }
  const bench = (await import(file)) as Partial<Bench>;
  if (typeof bench.run !== 'function') {
    console.error(`${name}${SUFFIX} does not export run(args)`);
    return 2;
  }
  await bench.run(args);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
