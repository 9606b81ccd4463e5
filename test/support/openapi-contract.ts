import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of an HTTP answer the contract looks at (a supertest response has them). */
export interface ObservedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text?: string;
}

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
  operationId: string;
  responses: Json;
}

const DOCUMENT_ID = 'openapi.json';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Holds every response the e2e suite receives to the OpenAPI document the API serves: the operation by method and
 * path template, the response by status (then `4XX`, then `default`), the schema by content type. JSON bodies are
 * validated with ajv (formats included, and no fields the schema does not name); other content types must be declared.
 * A path under the API prefix that no operation matches may only answer an error in the error shape.
 *
 * OpenAPI 3.0 is read the way client generators read it: `nullable: true` admits null for the whole schema.
 */
export class OpenApiContract {
  private readonly operations: Operation[];
  private readonly apiPrefix: string;
  private readonly ajv: Ajv;
  private readonly validators: Map<string, ValidateFunction>;
  private readonly errorSchema: Json | null;
  /** Compiled validators by document, shared by the apps of one test file (they serve the same document). */
  private static readonly compiled = new Map<string, { ajv: Ajv; validators: Map<string, ValidateFunction> }>();
  /** How many responses were held to the document, and how many were outside it (Swagger UI, /docs-json). */
  readonly counts = { validated: 0, outside: 0 };

  constructor(document: Json) {
    const paths = (document.paths ?? {}) as Record<string, Record<string, Json>>;
    this.operations = Object.entries(paths)
      .flatMap(([template, item]) =>
        Object.entries(item)
          .filter(([method]) => METHODS.has(method))
          .map(([method, operation]) => ({
            method,
            template,
            pattern: templatePattern(template),
            literalSegments: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
            operationId: typeof operation.operationId === 'string' ? operation.operationId : `${method} ${template}`,
            responses: (operation.responses ?? {}) as Json,
          })),
      )
      // /policy/versions before /policy/{id}: the more literal template wins.
      .sort((a, b) => b.literalSegments - a.literalSegments);
    this.apiPrefix = commonPrefix(Object.keys(paths));
    const key = JSON.stringify(document);
    let compiled = OpenApiContract.compiled.get(key);
    if (!compiled) {
      // The document's own validity is Redocly's to judge (test/openapi.e2e-spec.ts), so ajv does not check the schemas.
      // Unoptimised code compiles in about half the time and validates the same: the suite compiles far more than it runs.
      const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, code: { optimize: false } });
      addFormats(ajv);
      ajv.addFormat('binary', true);
      ajv.addSchema({ $id: DOCUMENT_ID, components: toJsonSchema(document.components ?? {}, { closeObjects: true }) }, DOCUMENT_ID);
      compiled = { ajv, validators: new Map() };
      OpenApiContract.compiled.set(key, compiled);
    }
    this.ajv = compiled.ajv;
    this.validators = compiled.validators;
    const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Json;
    this.errorSchema = 'ErrorResponse' in schemas ? { $ref: `${DOCUMENT_ID}#/components/schemas/ErrorResponse` } : null;
  }

  /** The problems of one response (empty when it matches the document), and whether the document covers its path at all. */
  check(method: string, url: string, response: ObservedResponse): { problems: string[]; operation: string } {
    const path = new URL(url, 'http://localhost').pathname;
    const verb = method.toLowerCase();
    const operation = this.operations.find((candidate) => candidate.method === verb && candidate.pattern.test(path));
    if (!operation) {
      if (!path.startsWith(this.apiPrefix)) {
        this.counts.outside++;
        return { problems: [], operation: `${method.toUpperCase()} ${path} (outside the API)` };
      }
      this.counts.validated++;
      const label = `${method.toUpperCase()} ${path} (no operation in the document)`;
      if (response.status < 400) return { problems: [`answered ${response.status}, but the document has no such operation`], operation: label };
      return { problems: this.errorSchema ? this.validate('no-operation-error', this.errorSchema, response.body) : [], operation: label };
    }
    this.counts.validated++;
    const label = `${operation.method.toUpperCase()} ${operation.template} (${operation.operationId})`;
    const status = String(response.status);
    const declared = operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
    if (!declared) {
      return { problems: [`status ${status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`], operation: label };
    }
    const content = ((declared as Json).content ?? {}) as Record<string, Json>;
    const header = response.headers['content-type'];
    const mediaType = (Array.isArray(header) ? header[0] : (header ?? '')).split(';')[0].trim().toLowerCase();
    const empty = mediaType === '' && (response.text ?? '') === '';
    if (empty) {
      return {
        problems: Object.keys(content).length > 0 ? [`no body, but the document declares ${Object.keys(content).join(', ')}`] : [],
        operation: label,
      };
    }
    const entry = content[mediaType] ?? content[`${mediaType.split('/')[0]}/*`] ?? content['*/*'];
    if (!entry) {
      const listed = Object.keys(content).join(', ') || 'no body';
      return { problems: [`content type ${mediaType || '(none)'} is not declared for ${status} (declared: ${listed})`], operation: label };
    }
    if (!/^application\/([a-z.+-]+\+)?json$/.test(mediaType) || !entry.schema) return { problems: [], operation: label };
    const key = `${operation.method} ${operation.template} ${status} ${mediaType}`;
    return { problems: this.validate(key, entry.schema as Json, response.body), operation: label };
  }

  private validate(key: string, schema: Json, body: unknown): string[] {
    let validator = this.validators.get(key);
    if (!validator) {
      validator = this.ajv.compile(toJsonSchema(schema, { closeObjects: true }) as Json);
      this.validators.set(key, validator);
    }
    return validator(body) ? [] : (validator.errors ?? []).map(describeError);
  }
}

/** Raised by the test helpers when a response does not match the document, naming the operation, status and problems. */
export class ContractMismatchError extends Error {
  constructor(operation: string, status: number, problems: string[], body: unknown) {
    const shown = JSON.stringify(body);
    super(
      `The response does not match the OpenAPI document:\n  ${operation} answered ${status}\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        `\n  body: ${shown === undefined ? '(none)' : shown.length > 600 ? `${shown.slice(0, 600)}…` : shown}`,
    );
    this.name = 'ContractMismatchError';
  }
}

function describeError(error: ErrorObject): string {
  const at = error.instancePath || '(body)';
  if (error.keyword === 'additionalProperties') return `${at}: has ${String(error.params.additionalProperty)}, which the schema does not name`;
  if (error.keyword === 'enum') return `${at}: ${error.message} (${(error.params.allowedValues as unknown[]).join(', ')})`;
  return `${at}: ${error.message}`;
}

function templatePattern(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** The leading literal segments every path shares (`/api/v1`). */
function commonPrefix(paths: string[]): string {
  if (paths.length === 0) return '/';
  const split = paths.map((path) => path.split('/'));
  const shared: string[] = [];
  for (let i = 0; i < split[0].length; i++) {
    const segment = split[0][i];
    if (segment.startsWith('{') || !split.every((parts) => parts[i] === segment)) break;
    shared.push(segment);
  }
  return shared.join('/') || '/';
}

/**
 * An OpenAPI 3.0 schema as JSON Schema for ajv: `nullable` becomes "or null", boolean exclusive bounds become numeric
 * ones, component references point into the document added to ajv, and with `closeObjects` an object that lists its
 * properties admits no others (a field the document does not name is a mismatch).
 */
function toJsonSchema(node: unknown, options: { closeObjects: boolean }): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, options));
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out.$ref = `${DOCUMENT_ID}${value}`;
    else if (key === 'properties' && typeof value === 'object' && value !== null) {
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([name, schema]) => [name, toJsonSchema(schema, options)]));
    } else out[key] = toJsonSchema(value, options);
  }
  for (const bound of ['Minimum', 'Maximum'] as const) {
    const flag = `exclusive${bound}`;
    const limit = bound.toLowerCase();
    if (out[flag] === true && typeof out[limit] === 'number') {
      out[flag] = out[limit];
      delete out[limit];
    } else if (typeof out[flag] === 'boolean') delete out[flag];
  }
  if (options.closeObjects && out.properties && out.additionalProperties === undefined && !out.allOf && !out.anyOf && !out.oneOf) {
    out.additionalProperties = false;
  }
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [{ type: 'null' }, out] };
  }
  delete out.nullable;
  return out;
}
