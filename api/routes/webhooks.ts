// Outbound webhooks: subscriptions (signed per Standard Webhooks), secret rotation, the delivery
// log and redelivery. Integration keys (and admins) manage them.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, asc, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from '../../db/schema.js';
import { WEBHOOK_EVENT_TYPES } from '../../domain/webhooks/catalogue.js';
import { wakeWebhookWorkflow } from '../../application/webhook-workflows.js';
import { rotateSecrets, type StoredSecret } from '../../security/webhook-signing.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { decodeCursor, page, PageQuery, pageSchema, SerialCursor } from '../pagination.js';
import { ProblemError, problemResponse } from '../problem.js';
import { jsonResponse, z } from '../scope.js';
import { createSubscription, findSubscription, startDelivery, storedEventTypes, subscriptionJson, vetWebhookUrl } from '../services/webhooks.js';
import { pageInCreationOrder } from '../services/creation-page.js';
import { defineRoute } from '../access.js';
import { resourceRoutes } from '../resource-routes.js';

const EventType = z.enum([...WEBHOOK_EVENT_TYPES, '*']);
const Url = z.url({ protocol: /^https?$/ }).max(2000);
const Subscription = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(z.string()),
    status: z.enum(['active', 'disabled']),
    disabledReason: z.string().nullable(),
    failingSince: z.string().nullable(),
    secrets: z.array(z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string().nullable() })),
    createdAt: z.string(),
  })
  .openapi('WebhookSubscription');
const WithSecret = Subscription.extend({ secret: z.string().openapi({ description: 'whsec_...: shown once' }) });
const Delivery = z
  .object({
    id: z.number().int(),
    messageId: z.string(),
    eventId: z.number().int(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    attemptLog: z.array(z.object({ statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int(), attemptedAt: z.string() })),
  })
  .openapi('WebhookDelivery');


const tags = ['webhooks'];
const resource = resourceRoutes({ base: '/v1/webhooks', id: 'id', noun: 'webhook subscription', plural: 'subscriptions', tags });
const IdParams = resource.params;
const notFound = problemResponse('No such webhook subscription in this workspace');
const access = ['integration'] as const;
const SubscriptionPatch = z.strictObject({
  url: Url.optional(),
  eventTypes: z.array(EventType).min(1).max(50).optional(),
  description: z.string().max(500).nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
const routes = {
  create: resource.create({
    summary: 'Subscribe a URL to events; the signing secret is returned once',
    access,
    body: z.strictObject({ url: Url, eventTypes: z.array(EventType).min(1).max(50).default(['*']), description: z.string().max(500).optional() }),
    returns: WithSecret,
    responses: { 422: problemResponse('Invalid body, or a URL webhooks may not reach') },
  }),
  list: resource.list({ summary: 'Webhook subscriptions, oldest first', access, item: Subscription }),
  get: resource.get({ summary: 'One subscription', access, returns: Subscription }),
  update: resource.update({ summary: 'Change the URL, event types or description; status active re-enables a disabled subscription', access, body: SubscriptionPatch, returns: Subscription }),
  remove: resource.remove({ summary: 'Delete a subscription and its delivery log', access }),
  rotate: resource.action({ sub: 'rotate-secret', summary: 'A new signing secret (returned once); the previous one stays valid for 24 hours', access, returns: WithSecret, done: 'Rotated' }),
  deliveries: defineRoute({
    method: 'get',
    path: '/v1/webhooks/{id}/deliveries',
    tags,
    summary: 'The delivery log, newest first, with every attempt',
    access,
    request: { params: IdParams, query: PageQuery.extend({ status: z.enum(['pending', 'delivered', 'failed']).optional() }) },
    responses: { 200: jsonResponse(pageSchema(Delivery), 'A page of deliveries'), 404: notFound },
  }),
  redeliver: defineRoute({
    method: 'post',
    path: '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
    tags,
    summary: 'Send a message again (same webhook-id, so receivers can deduplicate)',
    access,
    request: { params: IdParams.extend({ deliveryId: z.coerce.number().int().positive().openapi({ param: { name: 'deliveryId', in: 'path' } }) }) },
    responses: { 202: jsonResponse(z.object({ id: z.number().int(), status: z.literal('pending') }), 'Queued'), 404: notFound, 409: problemResponse('The subscription is disabled') },
  }),
};

export function webhooksRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;
  const { allowList, secrets: box } = deps;
  const lookup = deps.lookup;
  const start = (id: string) => startDelivery(deps.temporal, deps.taskQueue, id);

  app.openapi(routes.create, async (c) => {
    const { workspaceId } = principalOf(c);
    const { row, secret } = await createSubscription({ db, box, allowList, lookup }, workspaceId, c.req.valid('json'));
    await start(row.id);
    return c.json({ ...subscriptionJson(row), secret }, 201);
  });

  app.openapi(routes.list, async (c) => c.json(await pageInCreationOrder(db, webhookSubscriptions, principalOf(c).workspaceId, c.req.valid('query'), subscriptionJson), 200));

  app.openapi(routes.get, async (c) => {
    const sub = await findSubscription(db, principalOf(c).workspaceId, c.req.valid('param').id);
    return c.json(subscriptionJson(sub), 200);
  });

  app.openapi(routes.update, async (c) => {
    const { workspaceId } = principalOf(c);
    const sub = await findSubscription(db, workspaceId, c.req.valid('param').id);
    const body = c.req.valid('json');
    if (body.url !== undefined) await vetWebhookUrl(body.url, allowList, lookup);
    const reEnable = body.status === 'active' && sub.status === 'disabled';
    const set = {
      ...(body.url !== undefined ? { url: body.url } : {}),
      ...(body.eventTypes !== undefined ? { eventTypes: storedEventTypes(body.eventTypes) } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(reEnable ? { status: 'active' as const, disabledReason: null, failingSince: null } : {}),
      ...(body.status === 'disabled' && sub.status === 'active' ? { status: 'disabled' as const, disabledReason: 'disabled through the API' } : {}),
    };
    // Nothing changes (an empty body, or the status it already has): the subscription as it is.
    if (Object.keys(set).length === 0) return c.json(subscriptionJson(sub), 200);
    const [row] = await db
      .update(webhookSubscriptions)
      .set(set)
      .where(and(eq(webhookSubscriptions.id, sub.id), eq(webhookSubscriptions.workspaceId, workspaceId)))
      .returning();
    // Re-enabled: start the workflow again; disabled: wake it so it ends.
    if (row!.status === 'active') await start(row!.id);
    else await wakeWebhookWorkflow(deps.temporal, row!.id).catch(() => {});
    return c.json(subscriptionJson(row!), 200);
  });

  app.openapi(routes.remove, async (c) => {
    const { workspaceId } = principalOf(c);
    const sub = await findSubscription(db, workspaceId, c.req.valid('param').id);
    await db.delete(webhookSubscriptions).where(and(eq(webhookSubscriptions.id, sub.id), eq(webhookSubscriptions.workspaceId, workspaceId)));
    await wakeWebhookWorkflow(deps.temporal, sub.id).catch(() => {});
    return c.body(null, 204);
  });

  app.openapi(routes.rotate, async (c) => {
    const { workspaceId } = principalOf(c);
    const sub = await findSubscription(db, workspaceId, c.req.valid('param').id);
    const { secrets, plain } = rotateSecrets(box, sub.secrets as StoredSecret[]);
    const [row] = await db
      .update(webhookSubscriptions)
      .set({ secrets })
      .where(and(eq(webhookSubscriptions.id, sub.id), eq(webhookSubscriptions.workspaceId, workspaceId)))
      .returning();
    return c.json({ ...subscriptionJson(row!), secret: plain }, 200);
  });

  app.openapi(routes.deliveries, async (c) => {
    const { workspaceId } = principalOf(c);
    const sub = await findSubscription(db, workspaceId, c.req.valid('param').id);
    const { limit, cursor, status } = c.req.valid('query');
    const after = decodeCursor(cursor, SerialCursor);
    const where: (SQL | undefined)[] = [eq(webhookDeliveries.subscriptionId, sub.id), eq(webhookDeliveries.workspaceId, workspaceId)];
    if (status) where.push(eq(webhookDeliveries.status, status));
    if (after) where.push(lt(webhookDeliveries.id, after.id));
    const rows = await db.select().from(webhookDeliveries).where(and(...where)).orderBy(desc(webhookDeliveries.id)).limit(limit + 1);
    const result = page(rows, limit, (d) => ({ k: null, id: d.id }));
    const ids = result.data.map((d) => d.id);
    const attempts = ids.length
      ? await db.select().from(webhookAttempts).where(and(inArray(webhookAttempts.deliveryId, ids), eq(webhookAttempts.workspaceId, workspaceId))).orderBy(asc(webhookAttempts.id))
      : [];
    const data = result.data.map((d) => ({
      id: d.id,
      messageId: `msg_${d.id}`,
      eventId: d.eventId,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      attemptLog: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({ statusCode: a.statusCode, error: a.error, durationMs: a.durationMs, attemptedAt: a.attemptedAt.toISOString() })),
    }));
    return c.json({ data, nextCursor: result.nextCursor }, 200);
  });

  app.openapi(routes.redeliver, async (c) => {
    const { workspaceId } = principalOf(c);
    const { id, deliveryId } = c.req.valid('param');
    const sub = await findSubscription(db, workspaceId, id);
    if (sub.status !== 'active') throw new ProblemError('conflict', 409, 'the subscription is disabled: re-enable it first');
    // A fresh 24 h retry window; the attempt log keeps the earlier attempts.
    const [row] = await db
      .update(webhookDeliveries)
      .set({ status: 'pending', firstAttemptAt: null, deliveredAt: null })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.subscriptionId, sub.id), eq(webhookDeliveries.workspaceId, workspaceId)))
      .returning({ id: webhookDeliveries.id });
    if (!row) throw new ProblemError('not-found', 404, 'no such delivery for this subscription');
    await start(sub.id);
    return c.json({ id: row.id, status: 'pending' as const }, 202);
  });

  return app;
}
