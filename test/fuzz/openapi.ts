/** The parts of an OpenAPI 3 document the fuzzer reads: operations, their parameters and request bodies. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  /** e.g. `POST /api/v1/teachers/{id}/postings`. */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: Schema }[];
  /** Content type → schema of the request body; empty when the operation takes none. */
  bodies: { type: string; schema: Schema; name: string | null }[];
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const parameters = operation.parameters ?? [];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
        bodies: Object.entries(operation.requestBody?.content ?? {}).map(([type, media]) => ({
          type,
          schema: media.schema ?? {},
          name: refName(media.schema),
        })),
      });
    }
  }
  return operations;
}

/** The component name a schema refers to, if any (`#/components/schemas/CreateTeacherDto` → CreateTeacherDto). */
function refName(schema: Schema | undefined): string | null {
  const ref = schema?.$ref ?? (schema?.allOf?.length === 1 ? schema.allOf[0].$ref : undefined);
  if (!ref) return null;
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  return name === '' ? null : name;
}

/**
 * Follows `$ref` and merges `allOf` into one schema; a reference the document cannot resolve
 * (an empty component name) resolves to `{}`: "anything".
 */
export function resolveSchema(doc: OpenApiDocument, schema: Schema | undefined, seen = 0): Schema {
  if (!schema || seen > 16) return {};
  if (schema.$ref) {
    const name = refName(schema);
    const target = name ? doc.components?.schemas?.[name] : undefined;
    const { $ref: _ref, ...rest } = schema;
    return { ...resolveSchema(doc, target, seen + 1), ...rest };
  }
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    return allOf.reduce<Schema>((merged, part) => ({ ...merged, ...resolveSchema(doc, part, seen + 1) }), rest);
  }
  return schema;
}
