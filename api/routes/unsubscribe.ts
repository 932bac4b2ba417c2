// STUB (to be written): RFC 8058 one-click unsubscribe and its confirmation page (public, token-signed).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.js';
import type { AuthEnv } from '../middleware/auth.js';

export function unsubscribeRoutes(_deps: ApiDeps) {
  return new OpenAPIHono<AuthEnv>();
}
