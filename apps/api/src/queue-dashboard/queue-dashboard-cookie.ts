import type { CookieOptions } from 'express';
import type { AppConfig } from '@app/config';

/** Where the API process serves the queue dashboard (Bull Board), outside the API prefix like /docs. */
export const QUEUE_DASHBOARD_PATH = '/queues';

/** The cookie that carries the province administrator's dashboard session. */
export const QUEUE_DASHBOARD_COOKIE = 'staffing_queue_dashboard';

/**
 * The session cookie's attributes: sent only to the dashboard's path, never readable by scripts,
 * never sent with a request another site starts (SameSite=Strict), over HTTPS only in production.
 */
export function queueDashboardCookieOptions(config: AppConfig, maxAgeSeconds?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: QUEUE_DASHBOARD_PATH,
    secure: config.env === 'production',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds * 1000 }),
  };
}

/** The value of the cookie `name` in a Cookie request header (undefined when absent or undecodable). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    const raw = part.slice(at + 1).trim();
    try {
      return decodeURIComponent(raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
