// STUB (to be written): the rep's sending mailboxes (SMTP, Gmail): credentials, caps, status.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.js';
import type { AuthEnv } from '../middleware/auth.js';

export function mailboxRoutes(_deps: ApiDeps) {
  return new OpenAPIHono<AuthEnv>();
}
