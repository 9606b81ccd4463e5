import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import type { ObservedResponse } from '../support/openapi-contract';
import { FuzzWorld } from './fuzz-world';
import { OpenApiDocument, operationsOf } from './openapi';
import { Random } from '../../seeds/generator/random';
import { FuzzRequest, RequestFactory } from './request-factory';

export interface FuzzOptions {
  /** The API's HTTP server (listening or not). */
  server: Server;
  doc: OpenApiDocument;
  world: FuzzWorld;
  requests: number;
  seed: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** When given, every answer is also held to the OpenAPI document: a declared status, content type and body shape. */
  contract?: { check(method: string, url: string, response: ObservedResponse): { problems: string[] } };
}

interface FuzzFailure {
  request: Omit<FuzzRequest, 'body' | 'headers'> & { headers: Record<string, string>; body: string | null };
  status: number;
  problem: string;
  response: string;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  operations: number;
  /** HTTP status → number of responses. */
  statuses: Record<number, number>;
  /** Operation → HTTP status → number of responses, and the milliseconds spent on it. */
  byOperation: Record<string, { statuses: Record<number, number>; ms: number }>;
  /** Operations × roles that were sent at least once. */
  combinations: number;
  /** Answers that broke the contract; the first few are kept in `failures`. */
  failureCount: number;
  failures: FuzzFailure[];
  seconds: number;
}

const ERROR_KEYS = ['code', 'details', 'message', 'statusCode'];
const MAX_FAILURES_KEPT = 25;

/**
 * Sends `requests` generated requests, every operation of the document in turn as every role of
 * the world, and checks each answer: never a status of 500 or more, and every error body exactly
 * `{statusCode, code, message, details}` with statusCode equal to the HTTP status.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const operations = operationsOf(options.doc);
  const factory = new RequestFactory(options.doc, options.world);
  const random = new Random(options.seed);
  const roles = options.world.roles;
  const plan: FuzzRequest[] = [];
  for (let i = 0; i < options.requests; i++) {
    const operation = operations[i % operations.length];
    const role = roles[Math.floor(i / operations.length) % roles.length];
    plan.push(factory.build(random, operation, role));
  }

  const base = await listen(options.server);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency ?? 4 });
  const statuses: Record<number, number> = {};
  const failures: FuzzFailure[] = [];
  let failureCount = 0;
  const byOperation: FuzzReport['byOperation'] = {};
  const combinations = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const request = plan[next++];
      combinations.add(`${request.operation} as ${request.role}`);
      const sent = Date.now();
      const response = await send(agent, base, request);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const tally = (byOperation[request.operation] ??= { statuses: {}, ms: 0 });
      tally.statuses[response.status] = (tally.statuses[response.status] ?? 0) + 1;
      tally.ms += Date.now() - sent;
      const problem = checkResponse(response) ?? (options.contract ? contractProblem(options.contract, request, response) : null);
      if (problem) failureCount += 1;
      if (problem && failures.length < MAX_FAILURES_KEPT) {
        failures.push({
          request: { ...request, body: request.body ? truncate(request.body.toString('utf8'), 600) : null },
          status: response.status,
          problem,
          response: truncate(response.text, 600),
        });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  } finally {
    agent.destroy();
  }
  return {
    seed: options.seed,
    requests: plan.length,
    operations: operations.length,
    statuses,
    byOperation,
    combinations: combinations.size,
    failureCount,
    failures,
    seconds: (Date.now() - started) / 1000,
  };
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** Why an answer breaks the contract, or null when it keeps it. */
function checkResponse(answer: Answer): string | null {
  if (answer.status === 0) return `no answer: ${answer.text}`;
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status < 400) return null;
  if (!answer.contentType.includes('application/json')) return `error answered as ${answer.contentType || 'no content type'}`;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'error body is not JSON';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'error body is not an object';
  const error = body as Record<string, unknown>;
  const keys = Object.keys(error).sort();
  if (keys.join() !== ERROR_KEYS.join()) return `error body has keys ${keys.join(', ')}, not statusCode, code, message, details`;
  if (error.statusCode !== answer.status) return `statusCode ${String(error.statusCode)} differs from the HTTP status`;
  if (typeof error.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(error.code)) return `code ${JSON.stringify(error.code)} is not a stable code`;
  if (typeof error.message !== 'string' || error.message === '') return 'message is not a text';
  if (typeof error.details !== 'object' || error.details === null || Array.isArray(error.details)) return 'details is not an object';
  return null;
}

/** The contract's problems with an answer, as one line; null when it matches the document. */
function contractProblem(contract: NonNullable<FuzzOptions['contract']>, request: FuzzRequest, answer: Answer): string | null {
  let body: unknown = answer.text;
  if (/^application\/([a-z.+-]+\+)?json/.test(answer.contentType)) {
    try {
      body = JSON.parse(answer.text);
    } catch {
      return 'JSON answer that does not parse';
    }
  }
  const { problems } = contract.check(request.method, request.url, {
    status: answer.status,
    headers: { 'content-type': answer.contentType },
    body,
    text: answer.text,
  });
  return problems.length === 0 ? null : `does not match the OpenAPI document: ${problems.join('; ')}`;
}

function send(agent: Agent, base: URL, request: FuzzRequest): Promise<Answer> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body) headers['content-length'] = request.body.length;
    const call = httpRequest(
      { host: base.hostname, port: base.port, method: request.method, path: request.url, headers, agent, timeout: 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', (error) => resolve({ status: 0, contentType: '', text: error.message }));
      },
    );
    call.on('timeout', () => call.destroy(new Error('timed out after 30 s')));
    call.on('error', (error) => resolve({ status: 0, contentType: '', text: error.message }));
    call.end(request.body ?? undefined);
  });
}

/** The server's address; it is made to listen on a free local port if it was not yet (closing it is the app's business). */
async function listen(server: Server): Promise<URL> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new URL(`http://127.0.0.1:${port}`);
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length)}… (${text.length} characters)`;
}

/** Status counts as one line, e.g. `200×812 201×64 400×1730 …`. */
export function formatStatuses(statuses: Record<number, number>): string {
  return Object.entries(statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
}

/** A seed for a run: the given one, or a fresh one to print so that a failure can be replayed. */
export function seedFrom(given: string | undefined): number {
  const parsed = given === undefined || given === '' ? NaN : Number(given);
  return Number.isInteger(parsed) ? parsed >>> 0 : new Random(Date.now()).int(0, 2 ** 31 - 1);
}
