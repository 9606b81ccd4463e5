import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, SchemaObject, SwaggerDocumentOptions } from '@nestjs/swagger';
import { ErrorResponse } from './api-errors.decorator';
import { DEFAULT_POLICY, POLICY_DEFAULTS_NOTE } from './policy-defaults';
import { PUBLIC_EXTENSION } from './public.decorator';

/** What every tag of the document is about (a tag without a description here fails the OpenAPI test). */
const TAG_DESCRIPTIONS: Record<string, string> = {
  Auth: 'Signing in, the signed-in account, and the accounts an administrator or county officer creates in their scope.',
  'Reference data': 'Jiangsu’s cities and county-level units, by their official 6-digit division codes.',
  Schools:
    'Schools of a county, their classification history (location, weak school) day by day, enrolment per school year, ' +
    'and education groups and school districts.',
  'Teachers and postings': 'The teacher registry of a county (县管校聘) and where each teacher works: postings with their share of a full post.',
  Policy: 'Versioned policy documents: every number the rules use, by the day from which it is in force.',
  'Imports and exports':
    'A county’s schools, classifications, enrolment, teachers and postings brought in from XLSX or CSV (a job previews every row with the API’s own ' +
    'codes; the commit writes all rows or none) and taken back out in the same shape; templates with drop-down lists.',
  'Training ledger':
    `Training hours per ${DEFAULT_POLICY.training.cycleYears}-year cycle (${DEFAULT_POLICY.training.hoursPerCycle} h): records, approvals, ` +
    `reversals, CSV imports and county reports. ${POLICY_DEFAULTS_NOTE}`,
  Eligibility: 'Senior-title eligibility and principal-selection priority from rural or weak school service, title tenure and training pace.',
  Audit: 'Who changed what and when, with the state before and after.',
  Notifications:
    'Your own notifications (a shortage flag opened or reopened at a school of yours, a staff request filed or decided …): newest first, unread count, marking read. ' +
    'The text is stored in Chinese and English as it was sent.',
  Shortages:
    'Where a school falls short of the teachers its curriculum, the psychology standard and the PE/arts ratio need (plan items 7 and 13): ' +
    'scans on the job queue (on request, nightly, after a change), the flags they keep with their explanation, and county, city and province summaries.',
  'Staffing quotas':
    'Staffing quotas (编制, plan item 7): a school’s standard quota from its enrolment (student ratios by band, the class ratio of small rural ' +
    'schools and teaching points, boarding), each county’s pool (approved total per school year, allocations to schools, moves between them, ' +
    'their history), and staffing reports of a school, a county (also as XLSX), a city or the province.',
  'Staff requests':
    'Principals ask the county for teachers of a subject (plan item 7, 按需补充); a request above the school’s allocated quota says why. ' +
    'County officers approve or reject, and record the postings that fulfil it; the principal may withdraw it before a decision. Each step is kept in its history.',
  Rotation:
    'Rotation under 县管校聘 (plan item 9): who must rotate in a plan year, who is exempt and why, the targets of a county and its urban schools, ' +
    'and the exemptions officers record.',
  Transfers:
    'Transfers of teachers (调动) within a county or to another (plan item 7): executed at once within a county, accepted or rejected by the ' +
    'receiving county across counties, and refused when a developed region would poach an outstanding teacher or principal from 苏北 ' +
    '(kept as BLOCKED for the province administrator, who alone may record an exception).',
  Operations: 'Health of the service for load balancers and operators.',
  'Queue dashboard':
    'A session of the job queue dashboard (Bull Board at /queues, with Redis only) for the province administrator, carried by a cookie the browser sends to /queues.',
};

const DIVISION_COLLECTIONS = new Set(['cities', 'counties']);
const DIVISION_CODE_PATTERN = '^\\d{6}$';
const STATUS_TEXT: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted', '204': 'No content', '503': 'Unavailable' };
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * `schoolsList`, `teachersGet`, `trainingApprove`: the resource (the controller's name) and the handler, in camelCase.
 * Unique because handler names are unique within a controller, and stable while neither is renamed.
 */
export const OPENAPI_DOCUMENT_OPTIONS: SwaggerDocumentOptions = {
  operationIdFactory: (controllerKey: string, methodKey: string) => {
    const resource = controllerKey.replace(/Controller$/, '');
    const lower = resource.charAt(0).toLowerCase() + resource.slice(1);
    return methodKey.toLowerCase() === lower.toLowerCase() ? lower : lower + methodKey.charAt(0).toUpperCase() + methodKey.slice(1);
  },
};

/**
 * What the generated document leaves out or says loosely, completed in one place so that every route, including routes
 * added later, gets it: servers (relative, so the document works behind any host), bearer sign-in as the rule and
 * `security: []` on public routes, formats of path ids, tag descriptions, the error answers every route can give (400
 * for an unreadable body, 413 and 415 for a body over the limit or in an unknown charset or encoding, 401 when signed-in), and single-reference compositions collapsed.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const schemas: Record<string, SchemaObject | ReferenceObject> = document.components?.schemas ?? {};
  const errorRef = { $ref: `#/components/schemas/${ErrorResponse.name}` };
  const bearer = Object.keys(document.components?.securitySchemes ?? {})[0] ?? 'bearer';
  const usedTags = new Set<string>();

  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation: (OperationObject & { [PUBLIC_EXTENSION]?: boolean }) | undefined = item[method];
      if (!operation) continue;
      const isPublic = operation[PUBLIC_EXTENSION] === true;
      delete operation[PUBLIC_EXTENSION];
      if (isPublic) operation.security = [];
      else delete operation.security; // the document-wide requirement applies
      for (const tag of operation.tags ?? []) usedTags.add(tag);
      describeIdParameters(path, operation.parameters ?? []);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (response && 'description' in response && !response.description) response.description = STATUS_TEXT[status] ?? `HTTP ${status}`;
      }
      operation.responses['400'] ??= {
        description: 'VALIDATION_FAILED: the request could not be read (e.g. malformed JSON)',
        content: { 'application/json': { schema: errorRef } },
      };
      // Every route reads a body if one is sent: over the limit, or in an unknown charset or encoding, it is refused before the route.
      operation.responses['413'] ??= {
        description: 'PAYLOAD_TOO_LARGE: the body is over the limit (details.limit, in bytes)',
        content: { 'application/json': { schema: errorRef } },
      };
      operation.responses['415'] ??= {
        description: 'UNSUPPORTED_MEDIA_TYPE: a charset the route cannot read, or an unknown Content-Encoding',
        content: { 'application/json': { schema: errorRef } },
      };
      if (!isPublic) {
        operation.responses['401'] ??= { description: 'UNAUTHORIZED: no valid token', content: { 'application/json': { schema: errorRef } } };
      }
    }
  }

  walkSchemas(document, (schema) => tidySchema(schema, schemas));

  return {
    ...document,
    servers: [{ url: '/', description: 'The host serving this document' }],
    security: [{ [bearer]: [] }],
    tags: [...usedTags].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? '' })),
  };
}

/** Path ids are UUIDs, except the official 6-digit division codes that identify cities and counties. */
function describeIdParameters(path: string, parameters: (ParameterObject | ReferenceObject)[]): void {
  const segments = path.split('/');
  for (const parameter of parameters) {
    if ('$ref' in parameter || parameter.in !== 'path') continue;
    if (parameter.name !== 'id' && !parameter.name.endsWith('Id')) continue;
    const index = segments.indexOf(`{${parameter.name}}`);
    const collection = index > 0 ? segments[index - 1] : '';
    const division = DIVISION_COLLECTIONS.has(collection) || parameter.name === 'countyId' || parameter.name === 'cityId';
    parameter.schema = division
      ? { type: 'string', pattern: DIVISION_CODE_PATTERN, example: '320321', description: '6-digit division code' }
      : { type: 'string', format: 'uuid' };
  }
}

/**
 * `allOf` around a single reference is how @nestjs/swagger attaches a description or `nullable` to a referenced schema;
 * with nothing beside it, it is just the reference. A nullable reference states the referenced type, as OpenAPI 3.0
 * asks (`nullable` only means something beside `type`).
 */
function tidySchema(schema: SchemaObject, schemas: Record<string, SchemaObject | ReferenceObject>): void {
  const only = schema.allOf?.length === 1 ? schema.allOf[0] : undefined;
  if (!only || !('$ref' in only)) return;
  const siblings = Object.keys(schema).filter((key) => key !== 'allOf');
  if (siblings.length === 0) {
    delete schema.allOf;
    (schema as ReferenceObject).$ref = only.$ref;
    return;
  }
  if (schema.nullable && !schema.type) {
    const target = schemas[only.$ref.replace('#/components/schemas/', '')];
    if (target && !('$ref' in target) && target.type) schema.type = target.type;
  }
}

/** Calls `visit` on every schema object of the document (components, parameters, bodies, responses), depth first. */
function walkSchemas(document: OpenAPIObject, visit: (schema: SchemaObject) => void): void {
  const seen = new Set<object>();
  const walk = (node: unknown, isSchema: boolean): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) walk(item, isSchema);
      return;
    }
    const record = node as Record<string, unknown>;
    if (isSchema) {
      for (const key of ['items', 'additionalProperties', 'not']) walk(record[key], true);
      for (const key of ['allOf', 'oneOf', 'anyOf']) walk(record[key], true);
      for (const value of Object.values((record.properties as Record<string, unknown> | undefined) ?? {})) walk(value, true);
      visit(record);
      return;
    }
    for (const [key, value] of Object.entries(record)) walk(value, key === 'schema');
  };
  walk(document.paths, false);
  for (const schema of Object.values(document.components?.schemas ?? {})) walk(schema, true);
}
