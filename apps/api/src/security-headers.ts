import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@app/config';
import { isConsolePath } from './web-console';

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
 * business there), and the content security policy above. No page may run inline script.
 * API answers keep styles from this origin only. Inline styles are allowed where a page needs them:
 * Swagger UI at /docs, and the web console's pages (every path outside /api and /docs, see web-console.ts).
 *
 * Why the console needs them: antd 5 and ProComponents 2.8 style components with CSS-in-JS, writing
 * <style> elements at run time. They could carry a nonce (ConfigProvider `csp`), but the rc-component
 * helpers under them cannot: rc-util's scrollbar measuring writes a <style> element without one, and
 * rc-textarea's auto-sizing sets a style attribute (setAttribute('style')), which no nonce or hash
 * allows; antd's static style extraction does not cover ProComponents either. Inline styles cannot run
 * script: script-src stays 'self' with no inline script and script-src-attr 'none'. The relaxation is
 * confined to the console's pages and files; every answer under /api keeps the strict policy.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const common = { strictTransportSecurity: config.env === 'production', xFrameOptions: { action: 'deny' as const } };
  const strict = helmet({ ...common, contentSecurityPolicy: contentSecurityPolicy([SELF]) });
  const inlineStyles = helmet({ ...common, contentSecurityPolicy: contentSecurityPolicy([SELF, "'unsafe-inline'"]) });
  return (request, response, next) => (isDocs(request.path) || isConsolePath(request.path) ? inlineStyles : strict)(request, response, next);
}
