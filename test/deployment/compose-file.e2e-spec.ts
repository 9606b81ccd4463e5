/**
 * The deployment files, checked without Docker: docker-compose.yml against the Compose Specification's JSON schema
 * and against what this service needs, and the Dockerfile against the entry points that `npm run build` produces.
 *
 * Schema: `schema/compose-spec.json` of github.com/compose-spec/compose-spec (Apache-2.0), as shipped by the `dclint`
 * devDependency in `schemas/compose.schema.json` (dclint re-syncs it from that repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { loadConfig } from '@app/config';

const ROOT = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

type Dict = Record<string, unknown>;
interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[] | null;
  environment?: Dict | string[];
  ports?: unknown;
  depends_on?: string[] | Record<string, { condition: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  volumes?: (string | { type: string; source?: string; target: string })[];
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The Compose Specification schema (draft-07), compiled by ajv's default (draft-07) class. */
function composeValidator(): ValidateFunction {
  const schemaFile = join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
  const schema = readJson(schemaFile) as Dict;
  expect(schema.$schema).toMatch(/json-schema\.org\/draft-07\/schema/);
  // Upstream mixes union types with object keywords; the other strict checks (unknown keywords, …) stay on.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictTypes: false });
  // The schema names the draft-07 meta-schema by its https address; ajv registers it under http.
  const draft07 = readJson(require.resolve('ajv/dist/refs/json-schema-draft-07.json')) as Dict;
  ajv.addMetaSchema({ ...draft07, $id: String(schema.$schema) });
  return ajv.compile(schema);
}

function errorsOf(validate: ValidateFunction, document: unknown): string[] {
  return validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)]));
}

/** Compose interpolation of ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error} and ${VAR?error}. */
function interpolate(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g, (_match, name: string, colon: string, op: string, arg: string) => {
    const set = vars[name];
    const present = colon ? set !== undefined && set !== '' : set !== undefined;
    if (present) return set as string;
    if (op === '?') throw new Error(`required variable ${name} is missing: ${arg}`);
    return op === '-' ? arg : '';
  });
}

const commandLine = (command: Service['command']): string => (Array.isArray(command) ? command.join(' ') : String(command ?? ''));

/** Dockerfile instructions: comment lines dropped, continuation lines joined. */
function dockerfileInstructions(text: string): { keyword: string; args: string }[] {
  const lines = text.split(/\r?\n/).filter((line) => !line.trim().startsWith('#'));
  return lines
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^(\S+)\s+([\s\S]*)$/.exec(line);
      if (!match) throw new Error(`unreadable Dockerfile line: ${line}`);
      return { keyword: match[1].toUpperCase(), args: match[2].trim() };
    });
}

const nestCli = JSON.parse(read('nest-cli.json')) as { projects: Record<string, { entryFile: string }> };
/** Where `npm run build` (tsc into dist/, rootDir = repository) puts a project's entry file. */
const builtEntry = (project: string): string => `dist/${nestCli.projects[project].entryFile}.js`;
const sourceEntry = (project: string): string => `${nestCli.projects[project].entryFile}.ts`;

const SAMPLE_ENV = {
  JWT_SECRET: 'x'.repeat(48),
  ADMIN_PASSWORD: 'admin-password-sample',
  MYSQL_PASSWORD: 'a1b2c3d4e5f60718',
  MYSQL_ROOT_PASSWORD: '0f1e2d3c4b5a6978',
};

describe('docker-compose.yml', () => {
  const text = read('docker-compose.yml');
  const compose = parse(text) as ComposeFile;
  const validate = composeValidator();
  const services = compose.services;
  const appServices = ['api', 'worker'];

  it('is valid against the Compose Specification schema', () => {
    expect(errorsOf(validate, compose)).toEqual([]);
  });

  it('uses the Compose Specification (no top-level version key) and defines the four services', () => {
    expect(compose).not.toHaveProperty('version');
    expect(Object.keys(services).sort()).toEqual(['api', 'mysql', 'redis', 'worker']);
  });

  it.each([
    ['ports given as a number instead of a list', '/services/api/ports', (doc: ComposeFile) => (doc.services.api.ports = 3000)],
    ['an unknown top-level key', '/', (doc: ComposeFile) => (doc.servcies = {})],
    ['an unknown service key', '/services/api', (doc: ComposeFile) => ((doc.services.api as Dict).enviroment = {})],
    [
      'a depends_on condition Compose does not know',
      '/services/worker/depends_on/api/condition',
      (doc: ComposeFile) => (doc.services.worker.depends_on = { api: { condition: 'service_ready' } }),
    ],
    [
      'a healthcheck test given as a number',
      '/services/redis/healthcheck/test',
      (doc: ComposeFile) => (doc.services.redis.healthcheck = { test: 42 as unknown as string }),
    ],
  ])('rejects a broken copy: %s (at %s)', (_name, path, breakIt) => {
    const broken = structuredClone(compose);
    expect(errorsOf(validate, broken)).toEqual([]);
    breakIt(broken);
    expect(errorsOf(validate, broken)).toContainEqual(expect.stringMatching(new RegExp(`^${path.replace(/[/]/g, '\\/')} `)));
  });

  it('builds the api and worker from ./Dockerfile into one shared image; the rest are pinned upstream images', () => {
    for (const [name, service] of Object.entries(services)) {
      if (appServices.includes(name)) {
        expect(service.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
        expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
      } else {
        expect(service.build).toBeUndefined();
        expect(service.image).toMatch(/^[a-z0-9./-]+:[0-9][\w.-]*$/);
      }
    }
    expect(services.api.image).toBeDefined();
    expect(services.worker.image).toBe(services.api.image);
    expect(services.mysql.image).toBe('mysql:8.4');
    expect(services.redis.image).toBe('redis:7-alpine');
  });

  it('gives the api and worker DATABASE_URL and REDIS_URL pointing at the compose services', () => {
    for (const name of appServices) {
      const env = environmentOf(services[name]);
      expect(env.NODE_ENV).toBe('production');
      expect(env.DATABASE_URL).toMatch(/^mysql:\/\/staffing:\$\{MYSQL_PASSWORD:\?[^}]*\}@mysql:3306\/staffing$/);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
    }
    expect(environmentOf(services.worker)).toEqual(environmentOf(services.api));
  });

  it('yields an environment the service accepts at boot (MySQL and BullMQ profile)', () => {
    for (const name of appServices) {
      const env = Object.fromEntries(Object.entries(environmentOf(services[name])).map(([key, value]) => [key, interpolate(value, SAMPLE_ENV)]));
      const config = loadConfig(env, { persistSecret: false });
      expect(config.env).toBe('production');
      expect(config.database).toEqual({ type: 'mysql', url: `mysql://staffing:${SAMPLE_ENV.MYSQL_PASSWORD}@mysql:3306/staffing` });
      expect(config.queue).toMatchObject({ driver: 'bullmq', redisUrl: 'redis://redis:6379' });
      expect(config.jwt.secret).toBe(SAMPLE_ENV.JWT_SECRET);
      expect(config.adminPassword).toBe(SAMPLE_ENV.ADMIN_PASSWORD);
    }
  });

  it('writes no secret into the file: each is a required ${VAR:?…} reference', () => {
    const secretKey = /SECRET|PASSWORD|TOKEN|PRIVATE|API_KEY/;
    let checked = 0;
    for (const service of Object.values(services)) {
      for (const [key, value] of Object.entries(environmentOf(service))) {
        if (!secretKey.test(key)) continue;
        expect({ key, value }).toEqual({ key, value: expect.stringMatching(/^\$\{[A-Z][A-Z0-9_]*:\?[^}]*\}$/) });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6); // JWT_SECRET and ADMIN_PASSWORD twice, MYSQL_PASSWORD and MYSQL_ROOT_PASSWORD
    for (const name of ['JWT_SECRET', 'ADMIN_PASSWORD', 'MYSQL_PASSWORD', 'MYSQL_ROOT_PASSWORD']) {
      const without = { ...SAMPLE_ENV, [name]: undefined };
      const interpolateAll = () =>
        Object.values(services).forEach((service) => Object.values(environmentOf(service)).forEach((v) => interpolate(v, without)));
      expect(interpolateAll).toThrow(`required variable ${name} is missing`);
    }
    // No value assigned to a secret anywhere in the text, whatever the nesting (e.g. `JWT_SECRET: hunter2`).
    for (const line of text.split('\n').filter((l) => secretKey.test(l) && /:\s*\S/.test(l) && !l.trim().startsWith('#'))) {
      const value = line.slice(line.indexOf(':') + 1).trim();
      expect(value).toMatch(/^(mysql:\/\/staffing:)?\$\{/);
    }
  });

  it('runs the worker entry point in the worker and leaves the API to the image default', () => {
    expect(commandLine(services.worker.command)).toBe(`node ${builtEntry('worker')}`);
    expect(builtEntry('worker')).toBe('dist/apps/worker/src/main.js');
    expect(existsSync(join(ROOT, sourceEntry('worker')))).toBe(true);
    expect(services.api.command).toBeUndefined();
    expect(services.worker.ports).toBeUndefined();
    expect(services.api.ports).toEqual(['3000:3000']);
  });

  it('starts the app only on a healthy MySQL and Redis, and the worker after the API (which migrates)', () => {
    for (const name of appServices) {
      expect(services[name].depends_on).toMatchObject({ mysql: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
    expect(services.api.depends_on).not.toHaveProperty('worker');
    expect(services.worker.depends_on).toMatchObject({ api: { condition: 'service_healthy' } });
    expect(commandLine(services.mysql.healthcheck?.test)).toMatch(/^CMD mysqladmin ping/);
    expect(commandLine(services.redis.healthcheck?.test)).toBe('CMD redis-cli ping');
    // The image's HEALTHCHECK asks the API over HTTP; the worker serves none.
    expect(services.worker.healthcheck).toEqual({ disable: true });
  });

  it('keeps MySQL data in a named volume, with database `staffing` in utf8mb4', () => {
    const env = environmentOf(services.mysql);
    expect(env.MYSQL_DATABASE).toBe('staffing');
    expect(env.MYSQL_USER).toBe('staffing');
    expect(commandLine(services.mysql.command)).toContain('--character-set-server=utf8mb4');
    const mount = (services.mysql.volumes ?? []).find((volume) => (typeof volume === 'string' ? volume : volume.target).includes('/var/lib/mysql'));
    const source = typeof mount === 'string' ? mount.split(':')[0] : mount?.source;
    expect(source).toBeDefined();
    expect(compose.volumes).toHaveProperty(source as string);
  });
});

describe('Dockerfile', () => {
  const instructions = dockerfileInstructions(read('Dockerfile'));
  const fromIndexes = instructions.flatMap((instruction, index) => (instruction.keyword === 'FROM' ? [index] : []));
  const globalArgs = Object.fromEntries(
    instructions
      .slice(0, fromIndexes[0])
      .filter((instruction) => instruction.keyword === 'ARG')
      .map((instruction) => instruction.args.split('=') as [string, string]),
  );
  const stages = fromIndexes.map((start, i) => {
    const [image, , name] = instructions[start].args.split(/\s+/);
    return {
      image: image.replace(/^\$\{(\w+)\}$/, (_m, arg: string) => globalArgs[arg] ?? _m),
      name,
      body: instructions.slice(start + 1, fromIndexes[i + 1] ?? instructions.length),
    };
  });
  const build = stages[0];
  const runtime = stages[stages.length - 1];
  const all = (stage: (typeof stages)[number], keyword: string) => stage.body.filter((i) => i.keyword === keyword).map((i) => i.args);
  const last = (stage: (typeof stages)[number], keyword: string) => all(stage, keyword).pop();

  it('is a multi-stage build on node:20-bookworm-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.image).toBe('node:20-bookworm-slim');
  });

  it('installs the native-module toolchain, then npm ci, npm run build and npm prune --omit=dev in the build stage', () => {
    const run = all(build, 'RUN').join('\n');
    for (const tool of ['python3', 'make', 'g++']) expect(run).toContain(` ${tool}`);
    const steps = ['npm ci', 'npm run build', 'npm prune --omit=dev'].map((step) => run.indexOf(step));
    expect(steps.every((at) => at >= 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('runs the API entry point that `npm run build` produces, as the non-root node user in production mode', () => {
    const cmd = JSON.parse(last(runtime, 'CMD') ?? '[]') as string[];
    expect(cmd).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(cmd[1]).toBe(builtEntry('api'));
    expect(existsSync(join(ROOT, 'apps/api/src/main.ts'))).toBe(true);
    expect(last(runtime, 'USER')).toBe('node');
    expect(all(runtime, 'ENV')).toContain('NODE_ENV=production');
    expect(all(runtime, 'EXPOSE')).toContain('3000');
    const copied = all(runtime, 'COPY').join('\n');
    for (const path of ['/app/node_modules', '/app/dist', '/app/package.json']) expect(copied).toContain(`--from=${build.name} ${path}`);
  });

  it('checks health with node’s fetch against the route the API serves', () => {
    const healthcheck = last(runtime, 'HEALTHCHECK') ?? '';
    expect(healthcheck).toContain('fetch(');
    expect(healthcheck).toContain('http://127.0.0.1:');
    expect(healthcheck).toContain('/api/v1/health');
    expect(healthcheck).not.toMatch(/\b(curl|wget)\b/);
    // The route: global prefix api/v1 (configure-app.ts) + @Controller('health').
    expect(read('apps/api/src/configure-app.ts')).toContain("setGlobalPrefix('api/v1')");
    expect(read('apps/api/src/health/health.controller.ts')).toContain("@Controller('health')");
  });

  it('keeps dependencies, build output, data and secrets out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    for (const entry of ['node_modules', 'dist', 'data', '.git', 'coverage', '.env', '.env.*']) expect(ignored).toContain(entry);
  });
});
