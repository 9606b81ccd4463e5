import { randomUUID } from 'node:crypto';
import { FuzzWorld } from './fuzz-world';
import { OpenApiDocument, Operation, resolveSchema, Schema } from './openapi';
import { Random } from '../../seeds/generator/random';

/** One request as it goes on the wire. */
export interface FuzzRequest {
  operation: string;
  role: string;
  method: string;
  /** Path and query, already encoded. */
  url: string;
  headers: Record<string, string>;
  body: Buffer | null;
  /** What was done to the request, for the failure report. */
  mutations: string[];
}

/** Values that have broken parsers, validators and rules somewhere: wrong types, edges, odd text. */
const ODD_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0.5,
  1e21,
  1e-10,
  1.5e-7,
  -1e21,
  5e-324,
  1.7976931348623157e308,
  2 ** 53 + 2,
  '',
  ' ',
  '0',
  '1e21',
  '1e-10',
  'null',
  'true',
  '0000-01-01',
  '9999-12-31',
  '1899-12-31',
  '2200-01-01',
  '2023-02-29',
  '2026-13-01',
  '2026-09-01T00:00:00Z',
  '320321',
  '00000000-0000-0000-0000-000000000000',
  "' OR 1=1 --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '丰县华山镇',
  '👩‍🏫',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\u202e\u200b',
  [],
  [1, 2, 3],
  [null],
  {},
  { a: 1 },
];

const ODD_PATH_VALUES = [
  '0',
  '-1',
  'x'.repeat(300),
  '%00',
  '%ZZ',
  '..%2F..%2Fetc',
  '00000000-0000-0000-0000-000000000000',
  '320321',
  '%20',
  '%F0%9F%8F%AB',
  '%ED%A0%80',
  '1e21',
  'null',
  '%27%20OR%201%3D1',
  '__proto__',
  'constructor',
];

const ODD_QUERY_VALUES = [
  '',
  '%00',
  'abc',
  '1e21',
  '1e-10',
  '-1',
  '0',
  '1.5',
  '9007199254740993',
  'x'.repeat(3000),
  '9999-12-31',
  '0000-01-01',
  '2023-02-29',
  '%E5%AD%A6',
  '%ED%A0%80',
  '%ZZ',
  'true',
  '__proto__',
];

const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Builds requests for the operations of the OpenAPI document: path parameters from the test
 * data's real ids or odd values, query parameters and bodies generated from their schemas, then
 * mutated (wrong types, nulls, huge and tiny numbers, exponents, out-of-range dates, unknown
 * fields, reserved keys, NUL, unpaired surrogates, deep nesting, over-long strings, arrays where
 * objects go) and, now and then, the body itself garbled (content type, charset, encoding, size).
 */
export class RequestFactory {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly world: FuzzWorld,
  ) {}

  build(random: Random, operation: Operation, role: { name: string; token: string }): FuzzRequest {
    const mutations: string[] = [];
    const path = operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => this.pathValue(random, operation.path, name, mutations));
    const query = this.query(random, operation, mutations);
    const headers: Record<string, string> = { accept: random.chance(0.1) ? 'text/csv' : 'application/json' };
    if (random.chance(0.03)) {
      mutations.push('no token');
    } else if (random.chance(0.02)) {
      headers.authorization = `Bearer ${role.token.slice(0, -4)}AAAA`;
      mutations.push('forged token');
    } else {
      headers.authorization = `Bearer ${role.token}`;
    }
    const body = operation.bodies.length > 0 || random.chance(0.05) ? this.body(random, operation, headers, mutations) : null;
    return { operation: operation.key, role: role.name, method: operation.method, url: path + query, headers, body, mutations };
  }

  private pathValue(random: Random, path: string, name: string, mutations: string[]): string {
    const segments = path.split('/');
    const resource = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
    const ids = this.world.idsByResource[resource] ?? [];
    if (ids.length > 0 && random.chance(0.8)) return encodeURIComponent(random.pick(ids));
    const odd = random.chance(0.3)
      ? encodeURIComponent(random.pick(Object.values(this.world.idsByResource).flat().concat([randomUUID()])))
      : random.pick(ODD_PATH_VALUES);
    mutations.push(`path ${name}=${odd.slice(0, 40)}`);
    return odd;
  }

  private query(random: Random, operation: Operation, mutations: string[]): string {
    const pairs: string[] = [];
    for (const parameter of operation.query) {
      if (!parameter.required && !random.chance(0.5)) continue;
      if (random.chance(0.2)) {
        const odd = random.pick(ODD_QUERY_VALUES);
        mutations.push(`query ${parameter.name}=${odd.slice(0, 40)}`);
        pairs.push(`${parameter.name}=${odd}`);
        if (random.chance(0.2)) pairs.push(`${parameter.name}=${odd}`);
        continue;
      }
      const value = this.generate(random, resolveSchema(this.doc, parameter.schema), parameter.name, '', 0);
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      pairs.push(`${parameter.name}=${encodeURIComponent(String(value))}`);
    }
    if (random.chance(0.05)) {
      pairs.push(`${random.pick(['unknown', '__proto__', 'constructor[prototype]', 'a[b][c]', 'x'])}=${random.pick(ODD_QUERY_VALUES)}`);
      mutations.push('unknown query parameter');
    }
    return pairs.length > 0 ? `?${pairs.join('&')}` : '';
  }

  private body(random: Random, operation: Operation, headers: Record<string, string>, mutations: string[]): Buffer {
    const declared = operation.bodies.length > 0 ? random.pick(operation.bodies) : { type: 'application/json', schema: {}, name: null };
    if (declared.type === 'text/csv' || declared.type === 'multipart/form-data') return this.csvUpload(random, declared.type, headers, mutations);

    let value = this.generate(random, resolveSchema(this.doc, declared.schema), '', declared.name ?? '', 0);
    const count = Number(random.weighted({ '0': 3, '1': 4, '2': 2, '4': 1 }));
    for (let i = 0; i < count; i++) value = this.mutate(random, value, mutations);
    let text = JSON.stringify(value) ?? 'null';
    headers['content-type'] = 'application/json';

    switch (random.weighted({ json: 90, charset: 2, encoding: 2, truncated: 2, type: 1, huge: 1, scalar: 2 })) {
      case 'charset':
        headers['content-type'] = `application/json; charset=${random.pick(['latin1', 'klingon', 'utf-16', 'gbk', 'UTF-8'])}`;
        mutations.push(headers['content-type']);
        break;
      case 'encoding':
        headers['content-encoding'] = random.pick(['gzip', 'deflate', 'br', 'compress', 'klingon']);
        mutations.push(`content-encoding ${headers['content-encoding']} (not encoded)`);
        break;
      case 'truncated':
        text = text.slice(0, random.int(0, Math.max(0, text.length - 1)));
        mutations.push('truncated JSON');
        break;
      case 'type':
        headers['content-type'] = random.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json-patch+json']);
        if (headers['content-type'] === 'application/x-www-form-urlencoded') text = 'a[b][c][d][e][f][g]=1&__proto__[x]=1&name=%00';
        mutations.push(`content-type ${headers['content-type']}`);
        break;
      case 'huge':
        text = JSON.stringify({ padding: 'x'.repeat(random.pick([100_000, 200_000])) });
        mutations.push('body over the limit');
        break;
      case 'scalar':
        text = random.pick(['null', '0', '"text"', 'true', '[]', '[{}]', '1e400']);
        mutations.push(`body ${text}`);
        break;
      case 'json':
        break;
    }
    return Buffer.from(text, 'utf8');
  }

  private csvUpload(random: Random, type: string, headers: Record<string, string>, mutations: string[]): Buffer {
    const header = random.chance(0.9) ? 'staffNo,title,provider,category,hours,startDate,endDate' : random.pick(['name,hours', '', 'staffNo']);
    const rows: string[] = [header];
    for (let i = random.int(0, 4); i > 0; i--) {
      const cells = [
        random.pick(this.world.staffNos.concat(['NOBODY', ''])),
        random.pick(['县级培训', '"引号, 逗号"', '', 'x'.repeat(300)]),
        random.pick(['县教师发展中心', '']),
        random.pick(['COUNTY', 'ONLINE', 'SCHOOL_BASED', 'nope', '']),
        random.pick(['8', '4.5', '0.3', '-1', '1e21', '1e-10', 'abc', '']),
        random.pick(['2026-03-02', '2025-12-31', '0000-01-01', '9999-12-31', '2023-02-29', '']),
        random.pick(['2026-03-02', '2026-01-01', '9999-12-31', '1899-12-31', '']),
      ];
      if (random.chance(0.1)) cells.push('extra');
      rows.push(cells.join(','));
    }
    let csv = rows.join(random.chance(0.8) ? '\n' : '\r\n');
    if (random.chance(0.05)) {
      csv += random.pick(['\u0000', '\ufeff', '"unterminated']);
      mutations.push('odd CSV text');
    }
    if (type === 'text/csv') {
      headers['content-type'] = random.chance(0.95) ? 'text/csv' : 'text/csv; charset=klingon';
      return Buffer.from(csv, 'utf8');
    }
    const boundary = `fuzz${random.int(0, 1e9)}`;
    headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    const field = random.chance(0.9) ? 'file' : random.pick(['other', 'files', '']);
    const parts = [
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="courses.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
    ];
    if (random.chance(0.1)) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="second.csv"\r\n\r\n${csv}\r\n`);
    const closing = random.chance(0.95) ? `--${boundary}--\r\n` : '';
    if (field !== 'file' || closing === '') mutations.push('odd multipart');
    return Buffer.from(parts.join('') + closing, 'utf8');
  }

  /** A value that fits the schema (mostly): the starting point that mutations then break. */
  private generate(random: Random, schema: Schema, name: string, owner: string, depth: number): unknown {
    const pool = this.world.pools[name]?.filter((value) => !schema.type || typeof value === (schema.type === 'integer' ? 'number' : schema.type));
    if (pool && pool.length > 0 && random.chance(0.85)) return random.pick(pool);
    const given = this.world.examples[`${owner}.${name}`];
    const example = typeof given === 'function' ? (given as (random: Random) => unknown)(random) : given;
    const shapeless = !schema.type && !schema.enum && !schema.properties;
    if (example !== undefined && (shapeless || (schema.type === 'object' && !schema.properties))) return structuredClone(example);
    if (schema.enum && schema.enum.length > 0) return random.pick(schema.enum);
    switch (schema.type) {
      case 'string':
        return this.text(random, schema, name);
      case 'number':
      case 'integer':
        return this.number(random, schema);
      case 'boolean':
        return random.chance(0.5);
      case 'array': {
        const items = resolveSchema(this.doc, schema.items);
        const length = random.int(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3));
        return Array.from({ length }, () => this.generate(random, items, '', '', depth + 1));
      }
      case 'object':
      case undefined: {
        if (!schema.properties) return shapeless && depth < 2 ? this.pickOdd(random) : {};
        const object: Record<string, unknown> = {};
        const required = new Set(schema.required ?? []);
        for (const [property, child] of Object.entries(schema.properties)) {
          if (!required.has(property) && !random.chance(0.5)) continue;
          object[property] = this.generate(random, resolveSchema(this.doc, child), property, owner, depth + 1);
        }
        return object;
      }
      default:
        return this.pickOdd(random);
    }
  }

  private text(random: Random, schema: Schema, name: string): string {
    if (schema.format === 'date' || /Date$|^(asOf|from|to|since|effectiveFrom|classifiedFrom)$/.test(name)) return this.date(random);
    if (schema.pattern === '^\\d{6}$') return random.pick(['320321', '320322', '320300']);
    const min = schema.minLength ?? 0;
    const max = Math.min(schema.maxLength ?? 20, 24);
    const length = random.int(Math.max(min, 1), Math.max(min, max, 1));
    const alphabet = schema.pattern ? 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789-_' : '丰县华山镇中心小学教师培训abcXYZ 0123';
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[random.int(0, alphabet.length - 1)];
    return text;
  }

  private date(random: Random): string {
    const year = random.weighted({ usual: 8, edge: 1 }) === 'usual' ? random.int(1990, 2035) : random.pick([1900, 2199, 2024, 2026]);
    const month = random.int(1, 12);
    const day = random.int(1, month === 2 ? 29 : 31);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  private number(random: Random, schema: Schema): number {
    const min = schema.minimum ?? 0;
    const max = schema.maximum ?? Math.max(min + 100, 100);
    if (max <= 1) return random.pick([0.125, 0.25, 0.3, 0.5, 1, max]);
    if (random.chance(0.1)) return random.pick([min, max, 0.5, 7.5]);
    return random.int(Math.ceil(min), Math.floor(Math.min(max, min + 1000)));
  }

  private pickOdd(random: Random): unknown {
    return structuredClone(random.pick(ODD_VALUES));
  }

  /** Breaks the value in one place: at the top or at some nested field, element or key. */
  private mutate(random: Random, value: unknown, mutations: string[]): unknown {
    const slots = this.slots(value, '');
    const [path, container, key] = random.pick(slots);
    const current = container === null ? value : (container as Record<string, unknown>)[key];
    const kind = random.weighted({ odd: 6, remove: 2, unknown: 2, reserved: 1, deep: 1, long: 1, wrap: 1, date: 1 });
    let replacement: unknown;
    switch (kind) {
      case 'odd':
        replacement = this.pickOdd(random);
        break;
      case 'remove':
        if (container !== null && !Array.isArray(container)) {
          delete (container as Record<string, unknown>)[key];
          mutations.push(`remove ${path}`);
          return value;
        }
        replacement = undefined;
        break;
      case 'unknown':
      case 'reserved': {
        const target = isObject(current) ? current : isObject(value) ? value : null;
        if (target) {
          const name = kind === 'reserved' ? random.pick(RESERVED_KEYS) : random.pick(['unknown', 'isAdmin', 'id', 'createdAt', '']);
          // defineProperty, so that `__proto__` becomes a key of the JSON rather than the object's prototype.
          Object.defineProperty(target, name, { value: this.pickOdd(random), enumerable: true, configurable: true, writable: true });
          mutations.push(`${kind} key ${path ? `${path}.` : ''}${name}`);
          return value;
        }
        replacement = this.pickOdd(random);
        break;
      }
      case 'deep': {
        let nested: unknown = random.pick([1, 'x', null]);
        const levels = random.pick([20, 33, 40, 200, 2000]);
        for (let i = 0; i < levels; i++) nested = random.chance(0.5) ? [nested] : { a: nested };
        replacement = nested;
        break;
      }
      case 'long':
        replacement = random.pick(['x', '丰', '\u0000', '9']).repeat(random.pick([201, 1000, 20_000]));
        break;
      case 'wrap':
        replacement = Array.isArray(current) ? { items: current } : [current];
        break;
      case 'date':
        replacement = random.pick(['0000-01-01', '9999-12-31', '1900-01-01', '2199-12-31', '2026-02-29', this.date(random)]);
        break;
    }
    mutations.push(`${kind} ${path || '(body)'}`);
    if (container === null) return replacement;
    (container as Record<string, unknown>)[key] = replacement;
    return value;
  }

  /** Every place a value sits: [path, its container (null for the top), key in the container]. */
  private slots(value: unknown, path: string, depth = 0): [string, object | null, string][] {
    const slots: [string, object | null, string][] = depth === 0 ? [['', null, '']] : [];
    if (depth > 6 || (!Array.isArray(value) && !isObject(value))) return slots;
    for (const key of Object.keys(value as object)) {
      const child = path ? `${path}.${key}` : key;
      slots.push([child, value as object, key]);
      slots.push(...this.slots((value as Record<string, unknown>)[key], child, depth + 1).filter(([p]) => p !== ''));
    }
    return slots;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
