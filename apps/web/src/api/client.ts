import type { components } from './schema';

export type Schemas = components['schemas'];

/** An error answer of the API: `{statusCode, code, message, details}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** VALIDATION_FAILED's messages per field path. */
  get fields(): Record<string, string[]> {
    const fields = this.details.fields;
    return fields && typeof fields === 'object' ? (fields as Record<string, string[]>) : {};
  }
}

/** The session's bearer token lives here, in memory only: never in localStorage or a readable cookie. */
let token: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setToken(value: string | null): void {
  token = value;
}

/** Called when the API answers 401 to a signed-in request: the session has expired or was ended. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  // A form (a file sent as multipart) sets its own content type, with its boundary.
  const form = options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['content-type'] = 'application/json';
  const response = await fetch(url(path, options.query), {
    method,
    headers,
    body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (data ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
    if (response.status === 401 && token && onUnauthorized) onUnauthorized();
    throw new ApiError(response.status, error.code ?? 'UNKNOWN', error.message ?? response.statusText, error.details ?? {});
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body: body ?? {}, query }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Sends a file as the multipart field `file`. */
  upload: <T>(path: string, file: File, query?: Query) => {
    const body = new FormData();
    body.append('file', file);
    return request<T>('POST', path, { body, query });
  },
};

/** Downloads a file the API makes (CSV or XLSX) with the session's token, and hands it to the browser as a download. */
export async function download(path: string, query: Query, filename: string): Promise<void> {
  const response = await fetch(url(path, query), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, 'DOWNLOAD_FAILED', response.statusText, {});
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
