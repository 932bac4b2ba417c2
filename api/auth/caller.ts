// Who is calling /v1: an API key (Authorization: Bearer), else a console session (its cookie).
// Both give the same Principal, so every route's role check and workspace scope apply alike.
// A request changing something under a session cookie must also carry the CSRF token (a header
// no other site can set), and come from this origin when the browser says where it comes from.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Database } from '../../db/client.js';
import { authenticate, type AuthEnv } from '../middleware/auth.js';
import { problem } from '../problem.js';
import { clearSessionCookies, findSession } from './sessions.js';
import { CSRF_HEADER, csrfTokenFor, SESSION_COOKIE } from './tokens.js';
import { sameSecret } from '../middleware/auth.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authenticateCaller(db: Database): MiddlewareHandler<AuthEnv> {
  const byKey = authenticate(db);
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (c.req.header('authorization') || !token) return byKey(c, next);
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin) return problem(c, 'csrf-refused', 403, { detail: `a request from ${origin} may not act on this session` });
      if (!sameSecret(c.req.header(CSRF_HEADER) ?? '', csrfTokenFor(token))) {
        return problem(c, 'csrf-refused', 403, { detail: 'a request signed in by cookie must carry the X-CSRF-Token header (the relance_csrf cookie)', errors: [{ field: 'header.x-csrf-token', message: 'missing or wrong' }] });
      }
    }
    const session = await findSession(db, token);
    if (!session) {
      clearSessionCookies(c);
      return problem(c, 'unauthorized', 401, { detail: 'the session expired or was signed out: sign in again' });
    }
    c.set('principal', session.principal);
    await next();
  };
}
