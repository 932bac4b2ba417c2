// External services a channel's touches are handed to: a LinkedIn automation, a dialer, a
// voicemail-drop service. One per channel and workspace. Relance POSTs each action signed per
// Standard Webhooks with the provider's whsec_ secret (returned once, sealed at rest), and the
// service reports the result through the signed inbound webhook (linkedin or telephony source),
// naming the action id. Without a provider, the channel's touches are rep tasks.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { ACTION_CHANNELS } from '../../channels/actions/task.js';
import type { Database } from '../../db/client.js';
import { actionProviders } from '../../db/schema.js';
import { generateWebhookSecret } from '../../security/webhook-signing.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { ProblemError, problemResponse } from '../problem.js';
import { z } from '../scope.js';
import { vetWebhookUrl } from '../services/webhooks.js';
import { pageInCreationOrder } from '../services/creation-page.js';
import { findInWorkspace } from '../services/in-workspace.js';
import { resourceRoutes } from '../resource-routes.js';

type ProviderRow = typeof actionProviders.$inferSelect;

const Url = z.url({ protocol: /^https?$/ }).max(2000);
const Provider = z
  .object({
    id: z.uuid(),
    channel: z.enum(ACTION_CHANNELS),
    kind: z.literal('http'),
    url: z.string(),
    status: z.enum(['active', 'disabled']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ActionProvider');
const WithSecret = Provider.extend({ secret: z.string().openapi({ description: 'whsec_...: shown once; verifies the webhook-signature of every action' }) });
const toJson = (r: ProviderRow): z.infer<typeof Provider> => ({
  id: r.id,
  channel: r.channel,
  kind: r.kind,
  url: r.url,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});


const resource = resourceRoutes({ base: '/v1/action-providers', id: 'id', noun: 'action provider', plural: 'providers', tags: ['action-providers'] });
const access = ['ops', 'integration'] as const;
const routes = {
  create: resource.create({
    summary: "Hand a channel's touches (linkedin, call, voicemail) to an external service; the signing secret is returned once",
    access,
    body: z.strictObject({ channel: z.enum(ACTION_CHANNELS), url: Url }),
    returns: WithSecret,
    responses: { 409: problemResponse('The channel already has a provider'), 422: problemResponse('Invalid body, or a URL Relance may not reach') },
  }),
  list: resource.list({ summary: 'Action providers, oldest first', access, item: Provider }),
  get: resource.get({ summary: 'One action provider', access, returns: Provider }),
  update: resource.update({
    summary: 'Change the URL, or disable (actions not yet handed over go back to the reps) and re-enable',
    access,
    body: z.strictObject({ url: Url.optional(), status: z.enum(['active', 'disabled']).optional() }),
    returns: Provider,
  }),
  rotate: resource.action({ sub: 'rotate-secret', summary: 'A new signing secret (returned once); the previous one stops signing at once', access, returns: WithSecret, done: 'Rotated' }),
  remove: resource.remove({ summary: 'Delete a provider: actions not yet handed over go back to the reps as plain tasks', access }),
};

const findProvider = (db: Database, workspaceId: string, id: string): Promise<ProviderRow> => findInWorkspace(db, actionProviders, workspaceId, id, 'action provider');

/** Actions still waiting for the provider are cancelled and their tasks lose the automation mark. */
async function handBackToReps(db: Database, workspaceId: string, channel: string): Promise<void> {
  await db.execute(sql`
    with cancelled as (
      update touches set status = 'cancelled', detail = 'action provider removed: the rep performs it'
      where workspace_id = ${workspaceId} and channel = ${channel} and provider = 'http' and status = 'scheduled'
      returning enrollment_id, step_key
    )
    update tasks t set prep = t.prep - 'automation'
    from cancelled c
    where t.workspace_id = ${workspaceId} and t.enrollment_id = c.enrollment_id and t.step_key = c.step_key and t.status = 'open'`);
}

export function actionProviderRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;
  const { secrets: box, allowList, lookup } = deps;
  const scoped = (row: ProviderRow) => and(eq(actionProviders.id, row.id), eq(actionProviders.workspaceId, row.workspaceId));

  app.openapi(routes.create, async (c) => {
    const { workspaceId } = principalOf(c);
    const body = c.req.valid('json');
    await vetWebhookUrl(body.url, allowList, lookup);
    const secret = generateWebhookSecret();
    const [row] = await db
      .insert(actionProviders)
      .values({ workspaceId, channel: body.channel, url: body.url, secret: box.seal(secret) })
      .onConflictDoNothing({ target: [actionProviders.workspaceId, actionProviders.channel] })
      .returning();
    if (!row) throw new ProblemError('conflict', 409, `the ${body.channel} channel already has a provider: change or delete it`, { errors: [{ field: 'body.channel', message: 'already has a provider' }] });
    return c.json({ ...toJson(row), secret }, 201);
  });

  app.openapi(routes.list, async (c) => c.json(await pageInCreationOrder(db, actionProviders, principalOf(c).workspaceId, c.req.valid('query'), toJson), 200));

  app.openapi(routes.get, async (c) => c.json(toJson(await findProvider(db, principalOf(c).workspaceId, c.req.valid('param').id)), 200));

  app.openapi(routes.update, async (c) => {
    const current = await findProvider(db, principalOf(c).workspaceId, c.req.valid('param').id);
    const body = c.req.valid('json');
    if (body.url !== undefined) await vetWebhookUrl(body.url, allowList, lookup);
    const row = await db.transaction(async (tx) => {
      const [updated] = await tx.update(actionProviders).set({ ...body, updatedAt: new Date() }).where(scoped(current)).returning();
      if (body.status === 'disabled' && current.status === 'active') await handBackToReps(tx, current.workspaceId, current.channel);
      return updated!;
    });
    return c.json(toJson(row), 200);
  });

  app.openapi(routes.rotate, async (c) => {
    const current = await findProvider(db, principalOf(c).workspaceId, c.req.valid('param').id);
    const secret = generateWebhookSecret();
    const [row] = await db.update(actionProviders).set({ secret: box.seal(secret), updatedAt: new Date() }).where(scoped(current)).returning();
    return c.json({ ...toJson(row!), secret }, 200);
  });

  app.openapi(routes.remove, async (c) => {
    const current = await findProvider(db, principalOf(c).workspaceId, c.req.valid('param').id);
    await db.transaction(async (tx) => {
      await tx.delete(actionProviders).where(scoped(current));
      await handBackToReps(tx, current.workspaceId, current.channel);
    });
    return c.body(null, 204);
  });

  return app;
}
