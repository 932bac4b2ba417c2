// Placeholder: replaced by the webhooks routes.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.js';
import type { AuthEnv } from '../middleware/auth.js';

export function webhooksRoutes(_deps: ApiDeps) {
  return new OpenAPIHono<AuthEnv>();
}
