// Workspaces and what ops configure on them (timing rules, escalation quotas), plus the
// minimal people records the engine needs: reps and prospects.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { accounts, apiKeys, prospects, users, workspaces } from '../../db/schema.js';
import { CallBlockSchema } from '../../domain/cadence/call-capacity.js';
import { EscalationPolicyOverrideSchema } from '../../domain/cadence/escalation.js';
import { assertTimeZone, parseTimingRules, resolvePlace, TimingError, TimingRulesOverrideSchema } from '../../domain/timing/index.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { createRoute, jsonBody, jsonResponse, z } from '../scope.js';
import { generateApiKey, principalOf, requireRole, sameSecret, type AuthEnv } from '../middleware/auth.js';
import { installDefaultSequences } from '../services/sequences.js';

/** Timing errors name the field; prefix it with where it sits in the body. */
function timing<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof TimingError)) throw err;
    const field = `${prefix}.${err.field}`;
    throw new ProblemError('validation-failed', 422, `${field}: ${err.message}`, { errors: [{ field, message: err.message }] });
  }
}

const WorkspaceCreate = z.strictObject({
  name: z.string().min(1).max(200),
  timeZone: z.string().min(1).default('Europe/Paris'),
  timingRules: TimingRulesOverrideSchema.optional(),
  escalationPolicy: EscalationPolicyOverrideSchema.optional(),
});
const Workspace = z
  .object({ id: z.uuid(), name: z.string(), timeZone: z.string(), timingRules: z.record(z.string(), z.unknown()), escalationPolicy: z.record(z.string(), z.unknown()) })
  .openapi('Workspace');
const toWorkspace = (w: typeof workspaces.$inferSelect): z.infer<typeof Workspace> => ({
  id: w.id,
  name: w.name,
  timeZone: w.timeZone,
  timingRules: w.timingRules as Record<string, unknown>,
  escalationPolicy: w.escalationPolicy as Record<string, unknown>,
});

const RepCreate = z.strictObject({
  email: z.email(),
  name: z.string().min(1).max(200),
  role: z.enum(['rep', 'manager', 'ops', 'admin']).default('rep'),
  timeZone: z.string().optional(),
  phone: z.string().max(50).optional(),
  managerId: z.uuid().optional(),
  callsPerHour: z.number().int().min(1).max(60).optional(),
  callBlocks: z.array(CallBlockSchema).max(20).optional(),
});
const ProspectCreate = z.strictObject({
  email: z.email().optional(),
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  title: z.string().max(200).optional(),
  phone: z.string().max(50).optional(),
  country: z.string().optional(),
  region: z.string().optional(),
  timeZone: z.string().optional(),
  account: z.strictObject({ name: z.string().min(1).max(200), domain: z.string().max(253).optional(), country: z.string().optional() }).optional(),
});
const WorkspaceCreated = Workspace.extend({
  apiKey: z.object({ id: z.uuid(), key: z.string(), prefix: z.string(), role: z.literal('admin') }).openapi({ description: 'The first admin key: shown once, stored hashed.' }),
}).openapi('WorkspaceCreated');
const Created = z.object({ id: z.uuid() }).passthrough();

const routes = {
  createWorkspace: createRoute({
    method: 'post',
    path: '/v1/workspaces',
    tags: ['workspaces'],
    summary: 'Create a workspace with the default cadences installed, and its first admin API key (shown once)',
    description: 'Authenticated with the operator token (RELANCE_OPERATOR_TOKEN), not an API key.',
    security: [{ operatorToken: [] }],
    request: { body: jsonBody(WorkspaceCreate) },
    responses: {
      201: jsonResponse(WorkspaceCreated, 'Created'),
      401: problemResponse('Missing or wrong operator token'),
      403: problemResponse('Workspace creation is disabled (no operator token configured)'),
      422: problemResponse('Invalid body'),
    },
  }),
  setTiming: createRoute({
    method: 'put',
    path: '/v1/timing-rules',
    tags: ['workspaces'],
    summary: "Replace the workspace's timing rules (sequences may override them)",
    middleware: [requireRole('ops')] as const,
    request: { body: jsonBody(TimingRulesOverrideSchema) },
    responses: { 200: jsonResponse(Workspace, 'Updated'), 404: problemResponse('No such workspace'), 422: problemResponse('Invalid rules') },
  }),
  setEscalation: createRoute({
    method: 'put',
    path: '/v1/escalation-policy',
    tags: ['workspaces'],
    summary: 'Replace the escalation quotas (per account, per rep, over a window)',
    middleware: [requireRole('ops')] as const,
    request: { body: jsonBody(EscalationPolicyOverrideSchema) },
    responses: { 200: jsonResponse(Workspace, 'Updated'), 404: problemResponse('No such workspace'), 422: problemResponse('Invalid policy') },
  }),
  createRep: createRoute({
    method: 'post',
    path: '/v1/users',
    tags: ['people'],
    summary: 'Add a rep, manager or ops user',
    middleware: [requireRole()] as const,
    request: { body: jsonBody(RepCreate) },
    responses: { 201: jsonResponse(Created, 'Created'), 404: problemResponse('No such workspace or manager'), 409: problemResponse('Email already used'), 422: problemResponse('Invalid body') },
  }),
  createProspect: createRoute({
    method: 'post',
    path: '/v1/prospects',
    tags: ['people'],
    summary: 'Add a prospect (and its account); the time zone is explicit or derived from country and region',
    middleware: [requireRole('ops', 'integration', 'rep')] as const,
    request: { body: jsonBody(ProspectCreate) },
    responses: { 201: jsonResponse(Created, 'Created'), 404: problemResponse('No such workspace'), 409: problemResponse('Email already used'), 422: problemResponse('Invalid body') },
  }),
};

async function requireWorkspace(db: Database, id: string) {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  if (!ws) throw new ProblemError('not-found', 404, 'no such workspace');
  return ws;
}

export function workspaceRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;

  app.openapi(routes.createWorkspace, async (c) => {
    if (!deps.operatorToken) throw new ProblemError('forbidden', 403, 'workspace creation is disabled: the operator has not set RELANCE_OPERATOR_TOKEN');
    if (!sameSecret(c.req.header('authorization') ?? '', `Bearer ${deps.operatorToken}`)) {
      throw new ProblemError('unauthorized', 401, 'creating a workspace needs Authorization: Bearer <operator token>');
    }
    const body = c.req.valid('json');
    timing('body', () => assertTimeZone(body.timeZone));
    timing('body.timingRules', () => parseTimingRules(body.timingRules ?? {}));
    const ws = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(workspaces)
        .values({ name: body.name, timeZone: body.timeZone, timingRules: body.timingRules ?? {}, escalationPolicy: body.escalationPolicy ?? {} })
        .returning();
      await installDefaultSequences(tx as unknown as Database, row!.id);
      const key = generateApiKey();
      const [k] = await tx.insert(apiKeys).values({ workspaceId: row!.id, name: 'first admin key', role: 'admin', prefix: key.prefix, secretHash: key.secretHash }).returning();
      return { ...toWorkspace(row!), apiKey: { id: k!.id, key: key.key, prefix: key.prefix, role: 'admin' as const } };
    });
    return c.json(ws, 201);
  });

  app.openapi(routes.setTiming, async (c) => {
    const { workspaceId } = principalOf(c);
    const rules = c.req.valid('json');
    await requireWorkspace(db, workspaceId);
    timing('body', () => parseTimingRules(rules));
    const [ws] = await db.update(workspaces).set({ timingRules: rules }).where(eq(workspaces.id, workspaceId)).returning();
    return c.json(toWorkspace(ws!), 200);
  });

  app.openapi(routes.setEscalation, async (c) => {
    const { workspaceId } = principalOf(c);
    await requireWorkspace(db, workspaceId);
    const [ws] = await db.update(workspaces).set({ escalationPolicy: c.req.valid('json') }).where(eq(workspaces.id, workspaceId)).returning();
    return c.json(toWorkspace(ws!), 200);
  });

  app.openapi(routes.createRep, async (c) => {
    const { workspaceId } = principalOf(c);
    const body = c.req.valid('json');
    await requireWorkspace(db, workspaceId);
    if (body.timeZone) timing('body', () => assertTimeZone(body.timeZone!));
    if (body.managerId) {
      const [m] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, body.managerId), eq(users.workspaceId, workspaceId)));
      if (!m) throw new ProblemError('not-found', 404, 'no such manager in this workspace', { errors: [{ field: 'body.managerId', message: 'no such user in this workspace' }] });
    }
    const [row] = await db.insert(users).values({ workspaceId, ...body }).onConflictDoNothing({ target: [users.workspaceId, users.email] }).returning();
    if (!row) throw new ProblemError('conflict', 409, 'a user with this email exists in this workspace', { errors: [{ field: 'body.email', message: 'already used' }] });
    return c.json({ id: row.id, name: row.name, email: row.email, role: row.role }, 201);
  });

  app.openapi(routes.createProspect, async (c) => {
    const { workspaceId } = principalOf(c);
    const body = c.req.valid('json');
    await requireWorkspace(db, workspaceId);
    const place = timing('body', () =>
      body.timeZone || body.country || body.account?.country ? resolvePlace({ timeZone: body.timeZone ?? null, country: body.country ?? body.account?.country ?? null, region: body.region ?? null }) : null,
    );
    const row = await db.transaction(async (tx) => {
      let accountId: string | null = null;
      if (body.account) {
        const values = { workspaceId, name: body.account.name, domain: body.account.domain ?? null, country: body.account.country ?? null };
        const [acc] = body.account.domain
          ? await tx.insert(accounts).values(values).onConflictDoUpdate({ target: [accounts.workspaceId, accounts.domain], set: { name: values.name } }).returning()
          : await tx.insert(accounts).values(values).returning();
        accountId = acc!.id;
      }
      const [p] = await tx
        .insert(prospects)
        .values({
          workspaceId,
          accountId,
          email: body.email ?? null,
          firstName: body.firstName ?? null,
          lastName: body.lastName ?? null,
          title: body.title ?? null,
          phone: body.phone ?? null,
          country: place?.country ?? null,
          region: place?.region ?? null,
          timeZone: body.timeZone ? place?.timeZone ?? null : null,
        })
        .onConflictDoNothing({ target: [prospects.workspaceId, prospects.email] })
        .returning();
      return p;
    });
    if (!row) throw new ProblemError('conflict', 409, 'a prospect with this email exists in this workspace', { errors: [{ field: 'body.email', message: 'already used' }] });
    return c.json({ id: row.id, accountId: row.accountId, timeZone: place?.timeZone ?? null }, 201);
  });

  return app;
}
