// STUB (to be written): the local outbox page (.eml of every message a rep without a mailbox would have sent).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.js';
import type { AuthEnv } from '../middleware/auth.js';

export function outboxPageRoutes(_deps: ApiDeps) {
  return new OpenAPIHono<AuthEnv>();
}
