// One set of protective headers on every answer of the API process. Pages are plain HTML that
// load nothing from elsewhere: no script (but the API docs' own bundle), no framing, no
// referrer, no MIME sniffing. Answers are per API key and some carry a secret shown once, so
// nothing is cached unless a route says otherwise (the docs' static assets).
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const base = ["default-src 'none'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"];

/** The policy of every HTML page. */
export const PAGE_POLICY = base.join('; ');
/** The API docs page also runs Swagger UI's bundle (served from here) and fetches /openapi.json. */
export const DOCS_POLICY = [...base, "script-src 'self'", "connect-src 'self'"].join('; ');

export function securityHeaders(): MiddlewareHandler {
  const common = secureHeaders({
    contentSecurityPolicy: undefined,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    xXssProtection: '0',
  });
  return async (c, next) => {
    await common(c, async () => {
      await next();
      const type = c.res.headers.get('content-type') ?? '';
      if (type.startsWith('text/html') && !c.res.headers.has('content-security-policy')) c.res.headers.set('content-security-policy', PAGE_POLICY);
      if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
    });
  };
}
