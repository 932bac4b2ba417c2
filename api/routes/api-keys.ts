// API keys of the workspace, managed by admins. The key is returned once, at creation; only
// its prefix and hash are kept. Revoking is immediate: the next request with it gets 401.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import { apiKeys } from '../../db/schema.js';
import type { ApiDeps } from '../deps.js';
import { generateApiKey, principalOf, ROLES, type AuthEnv } from '../middleware/auth.js';

import { ProblemError, problemResponse } from '../problem.js';
import { z } from '../scope.js';
import { requireUser } from '../services/people.js';
import { pageInCreationOrder } from '../services/creation-page.js';
import { notFoundIn } from '../services/in-workspace.js';
import { resourceRoutes } from '../resource-routes.js';

const ApiKeyCreate = z.strictObject({
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
  userId: z.uuid().optional().openapi({ description: 'The user a rep key acts as; required for role rep' }),
});
const ApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: z.enum(ROLES),
    userId: z.uuid().nullable(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');
const ApiKeyCreated = ApiKey.extend({ key: z.string().openapi({ description: 'The key itself: shown this once, stored hashed' }) }).openapi('ApiKeyCreated');
const toApiKey = (k: typeof apiKeys.$inferSelect): z.infer<typeof ApiKey> => ({
  id: k.id,
  name: k.name,
  role: k.role,
  userId: k.userId,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

const resource = resourceRoutes({ base: '/v1/api-keys', id: 'keyId', noun: 'key', plural: 'keys', tags: ['api-keys'] });
const routes = {
  create: resource.create({ summary: 'Create an API key (shown once); a rep key acts as its user', access: [] as const, body: ApiKeyCreate, returns: ApiKeyCreated, responses: { 404: problemResponse('No such user') } }),
  list: resource.list({ summary: 'API keys, oldest first, revoked ones included (never the secret)', access: [] as const, item: ApiKey }),
  revoke: resource.remove({ summary: 'Revoke a key; revoking a revoked key changes nothing', access: [] as const, returns: ApiKey, done: 'Revoked' }),
};

export function apiKeyRoutes({ db }: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();

  app.openapi(routes.create, async (c) => {
    const { workspaceId } = principalOf(c);
    const body = c.req.valid('json');
    if (body.role === 'rep' && !body.userId) {
      throw new ProblemError('validation-failed', 422, 'body.userId: a rep key acts as a user', { errors: [{ field: 'body.userId', message: 'required for role rep' }] });
    }
    if (body.userId) await requireUser(db, workspaceId, body.userId, 'body.userId');
    const key = generateApiKey();
    const [row] = await db
      .insert(apiKeys)
      .values({ workspaceId, name: body.name, role: body.role, userId: body.userId ?? null, prefix: key.prefix, secretHash: key.secretHash })
      .returning();
    return c.json({ ...toApiKey(row!), key: key.key }, 201);
  });

  app.openapi(routes.list, async (c) => c.json(await pageInCreationOrder(db, apiKeys, principalOf(c).workspaceId, c.req.valid('query'), toApiKey), 200));

  app.openapi(routes.revoke, async (c) => {
    const { workspaceId } = principalOf(c);
    const { keyId } = c.req.valid('param');
    const mine = and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, workspaceId));
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(and(mine, isNull(apiKeys.revokedAt)));
    const [row] = await db.select().from(apiKeys).where(mine);
    if (!row) throw notFoundIn('API key', 'param.keyId');
    return c.json(toApiKey(row), 200);
  });

  return app;
}
