// Placeholder: replaced by the inbound routes.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.js';
import type { AuthEnv } from '../middleware/auth.js';

export function inboundRoutes(_deps: ApiDeps) {
  return new OpenAPIHono<AuthEnv>();
}
