// The workspace's suppression list: addresses and whole domains no cadence may email, whatever
// enrolled them. Checked when an email is staged (activities/touches.ts).
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { suppressions } from '../../db/schema.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, requireRole, type AuthEnv } from '../middleware/auth.js';
import { page, PageQuery, pageSchema } from '../pagination.js';
import { ProblemError, problemResponse } from '../problem.js';
import { createRoute, jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { afterCursor, isoMicros } from '../services/time-cursor.js';
import { DomainSchema } from './accounts.js';

/** An address (contains @) or a domain; stored lower-cased with its kind. */
const Value = z
  .string()
  .trim()
  .max(320)
  .pipe(z.union([z.email().transform((v) => ({ value: v.toLowerCase(), kind: 'email' as const })), DomainSchema.transform((v) => ({ value: v, kind: 'domain' as const }))]))
  .openapi({ type: 'string', description: 'An email address or a domain (example.com)' });
const SuppressionCreate = z.strictObject({ value: Value, reason: z.string().min(1).max(500).optional() });
const Suppression = z
  .object({ id: z.uuid(), value: z.string(), kind: z.enum(['email', 'domain']), reason: z.string(), createdAt: z.string() })
  .openapi('Suppression');
const toSuppression = (s: typeof suppressions.$inferSelect): z.infer<typeof Suppression> => ({
  id: s.id,
  value: s.value,
  kind: s.kind,
  reason: s.reason,
  createdAt: s.createdAt.toISOString(),
});
const ROLES = ['ops', 'integration'] as const;

const routes = {
  create: createRoute({
    method: 'post',
    path: '/v1/suppressions',
    tags: ['suppressions'],
    summary: 'Suppress an address or a domain; suppressing it again returns the existing entry (200)',
    middleware: [requireRole(...ROLES)] as const,
    request: { body: jsonBody(SuppressionCreate) },
    responses: { 201: jsonResponse(Suppression, 'Created'), 200: jsonResponse(Suppression, 'Already suppressed'), 422: problemResponse('Not an address or a domain') },
  }),
  list: createRoute({
    method: 'get',
    path: '/v1/suppressions',
    tags: ['suppressions'],
    summary: 'The suppression list, oldest first',
    middleware: [requireRole(...ROLES)] as const,
    request: { query: PageQuery },
    responses: { 200: jsonResponse(pageSchema(Suppression), 'A page of entries'), 400: problemResponse('Bad query') },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/v1/suppressions/{suppressionId}',
    tags: ['suppressions'],
    summary: 'Lift a suppression (touches already suppressed stay so)',
    middleware: [requireRole(...ROLES)] as const,
    request: { params: z.object({ suppressionId: pathId('suppressionId') }) },
    responses: { 204: { description: 'Removed' }, 404: problemResponse('No such entry in this workspace') },
  }),
};

export function suppressionRoutes({ db }: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();

  app.openapi(routes.create, async (c) => {
    const { workspaceId } = principalOf(c);
    const { value, reason } = c.req.valid('json');
    const [row] = await db
      .insert(suppressions)
      .values({ workspaceId, value: value.value, kind: value.kind, reason: reason ?? 'manual' })
      .onConflictDoNothing({ target: [suppressions.workspaceId, suppressions.value] })
      .returning();
    if (row) return c.json(toSuppression(row), 201);
    const [existing] = await db.select().from(suppressions).where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.value, value.value)));
    return c.json(toSuppression(existing!), 200);
  });

  app.openapi(routes.list, async (c) => {
    const { workspaceId } = principalOf(c);
    const q = c.req.valid('query');
    const rows = await db
      .select({ s: suppressions, k: isoMicros(suppressions.createdAt) })
      .from(suppressions)
      .where(and(eq(suppressions.workspaceId, workspaceId), afterCursor(suppressions.createdAt, suppressions.id, q.cursor)))
      .orderBy(asc(suppressions.createdAt), asc(suppressions.id))
      .limit(q.limit + 1);
    const p = page(rows, q.limit, (r) => ({ k: r.k, id: r.s.id }));
    return c.json({ data: p.data.map((r) => toSuppression(r.s)), nextCursor: p.nextCursor }, 200);
  });

  app.openapi(routes.remove, async (c) => {
    const { workspaceId } = principalOf(c);
    const { suppressionId } = c.req.valid('param');
    const [row] = await db.delete(suppressions).where(and(eq(suppressions.id, suppressionId), eq(suppressions.workspaceId, workspaceId))).returning({ id: suppressions.id });
    if (!row) throw new ProblemError('not-found', 404, 'no such suppression in this workspace', { errors: [{ field: 'param.suppressionId', message: 'no such suppression in this workspace' }] });
    return c.body(null, 204);
  });

  return app;
}
