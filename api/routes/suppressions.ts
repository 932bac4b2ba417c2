// The workspace's suppression list: addresses and whole domains no cadence may touch, whatever
// enrolled them. Adding an entry stops, before their next step, the cadences of the prospects it
// covers; emails are checked against it again when they are staged and when they leave.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { enrollments, prospects, suppressions } from '../../db/schema.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';

import { ProblemError, problemResponse } from '../problem.js';
import { jsonResponse, z } from '../scope.js';
import { mapLimited } from '../services/bulk-enroll.js';
import { stopEnrollment } from '../../application/prospect-events.js';
import { DomainSchema } from './accounts.js';
import { pageInCreationOrder } from '../services/creation-page.js';
import { notFoundIn } from '../services/in-workspace.js';
import { resourceRoutes } from '../resource-routes.js';
import { log } from '../../logging/log.js';

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
const SuppressionAdded = Suppression.extend({
  enrollmentsStopped: z.number().int().openapi({ description: 'Unfinished cadences of the prospects it covers, stopped now (reason "suppressed")' }),
}).openapi('SuppressionAdded');
/** A CRM may add and read entries (syncing a do-not-contact list only ever protects); lifting one is a person's decision: ops. */
const ROLES = ['ops', 'integration'] as const;
const STOP_CONCURRENCY = 8;

/** Workflows of the unfinished enrollments whose prospect the entry covers: the address, or any address at the domain or a subdomain. */
async function coveredEnrollments(db: Database, workspaceId: string, s: { value: string; kind: 'email' | 'domain' }): Promise<string[]> {
  const domain = sql`split_part(lower(${prospects.email}), '@', 2)`;
  const covers =
    s.kind === 'email'
      ? sql`lower(${prospects.email}) = ${s.value}`
      : sql`(${domain} = ${s.value} or right(${domain}, ${s.value.length + 1}) = ${`.${s.value}`})`;
  const rows = await db
    .select({ workflowId: enrollments.workflowId })
    .from(enrollments)
    .innerJoin(prospects, eq(prospects.id, enrollments.prospectId))
    .where(and(eq(enrollments.workspaceId, workspaceId), eq(prospects.workspaceId, workspaceId), inArray(enrollments.status, ['pending', 'active', 'paused']), covers));
  return rows.map((r) => r.workflowId);
}

const resource = resourceRoutes({ base: '/v1/suppressions', id: 'suppressionId', noun: 'entry', plural: 'entries', tags: ['suppressions'] });
const routes = {
  create: resource.create({
    summary: 'Suppress an address or a domain and stop the cadences it covers; suppressing it again returns the existing entry (200)',
    access: ROLES,
    body: SuppressionCreate,
    returns: SuppressionAdded,
    responses: {
      201: jsonResponse(SuppressionAdded, 'Created; the covered cadences are stopped'),
      200: jsonResponse(SuppressionAdded, 'Already suppressed; any covered cadence still running is stopped'),
      422: problemResponse('Not an address or a domain'),
      503: problemResponse('Recorded, but some cadences could not be reached: post again'),
    },
  }),
  list: resource.list({ summary: 'The suppression list, oldest first', access: ROLES, item: Suppression }),
  remove: resource.remove({ summary: 'Lift a suppression (touches already suppressed stay so)', access: ['ops'] as const }),
};

export function suppressionRoutes({ db, temporal }: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();

  /** Stops what the entry covers, a few workflows at a time; the entry is committed first, so a retry finishes the job. */
  async function stopCovered(workspaceId: string, s: { value: string; kind: 'email' | 'domain' }): Promise<number> {
    const workflowIds = await coveredEnrollments(db, workspaceId, s);
    const results = await mapLimited(workflowIds, STOP_CONCURRENCY, (id) => stopEnrollment(temporal, id, 'suppressed').catch(() => null));
    const failed = results.filter((r) => r === null).length;
    if (failed > 0) {
      log.error({ failed, of: workflowIds.length }, 'suppression: cadences could not be stopped');
      throw new ProblemError('service-unavailable', 503, `the entry is recorded, but ${failed} cadences could not be stopped yet: post it again`);
    }
    return results.filter((r) => r === true).length;
  }

  app.openapi(routes.create, async (c) => {
    const { workspaceId } = principalOf(c);
    const { value, reason } = c.req.valid('json');
    const [row] = await db
      .insert(suppressions)
      .values({ workspaceId, value: value.value, kind: value.kind, reason: reason ?? 'manual' })
      .onConflictDoNothing({ target: [suppressions.workspaceId, suppressions.value] })
      .returning();
    const entry = row ?? (await db.select().from(suppressions).where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.value, value.value))))[0]!;
    const enrollmentsStopped = await stopCovered(workspaceId, value);
    return c.json({ ...toSuppression(entry), enrollmentsStopped }, row ? 201 : 200);
  });

  app.openapi(routes.list, async (c) => c.json(await pageInCreationOrder(db, suppressions, principalOf(c).workspaceId, c.req.valid('query'), toSuppression), 200));

  app.openapi(routes.remove, async (c) => {
    const { workspaceId } = principalOf(c);
    const { suppressionId } = c.req.valid('param');
    const [row] = await db.delete(suppressions).where(and(eq(suppressions.id, suppressionId), eq(suppressions.workspaceId, workspaceId))).returning({ id: suppressions.id });
    if (!row) throw notFoundIn('suppression', 'param.suppressionId');
    return c.body(null, 204);
  });

  return app;
}
