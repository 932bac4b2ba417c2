// STUB (to be written): external services a channel's touches are handed to (LinkedIn automation, telephony).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.js';
import type { AuthEnv } from '../middleware/auth.js';

export function actionProviderRoutes(_deps: ApiDeps) {
  return new OpenAPIHono<AuthEnv>();
}
