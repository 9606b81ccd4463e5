import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@app/config';

const SELF = "'self'";

/**
 * The content security policy a web console served from this origin lives under: scripts,
 * styles, fonts and data only from here, images also as data: URIs, no plugins, never framed.
 * `upgrade-insecure-requests` is left out: a bureau may serve the console over plain HTTP on its
 * own network, where it would break every request.
 */
function contentSecurityPolicy(styleSrc: string[]) {
  return {
    useDefaults: false as const,
    directives: {
      defaultSrc: [SELF],
      scriptSrc: [SELF],
      scriptSrcAttr: ["'none'"],
      styleSrc,
      imgSrc: [SELF, 'data:'],
      fontSrc: [SELF],
      connectSrc: [SELF],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: [SELF],
      formAction: [SELF],
    },
  };
}

/** Swagger UI's page (@nestjs/swagger 11) carries inline <style> blocks and a style attribute; its scripts are files. */
function isDocs(path: string): boolean {
  return path === '/docs' || path.startsWith('/docs/');
}

/**
 * Security headers (helmet): no X-Powered-By, HSTS only in production (HTTPS is the proxy's
 * business there), and the content security policy above; only Swagger UI at /docs may use
 * inline styles, and no page may run inline script.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const common = { strictTransportSecurity: config.env === 'production', xFrameOptions: { action: 'deny' as const } };
  const strict = helmet({ ...common, contentSecurityPolicy: contentSecurityPolicy([SELF]) });
  const docs = helmet({ ...common, contentSecurityPolicy: contentSecurityPolicy([SELF, "'unsafe-inline'"]) });
  return (request, response, next) => (isDocs(request.path) ? docs : strict)(request, response, next);
}
