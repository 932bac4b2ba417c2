// Events about a prospect that stop or pause cadences: reply, bounce, opt-out, out-of-office.
// The effects live in services/prospect-events.ts, shared with the inbound webhooks.
import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { prospects } from '../../db/schema.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { applyProspectEvent } from '../../application/prospect-events.js';
import { defineRoute, ALL_ROLES } from '../access.js';

const EventBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('reply'), detail: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('bounce'), bounceKind: z.enum(['hard', 'soft']).optional(), detail: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('opt_out') }),
  z.strictObject({ type: z.literal('auto_reply'), returnAt: z.iso.datetime({ offset: true }).optional() }),
]);

const route = defineRoute({
  method: 'post',
  path: '/v1/prospects/{prospectId}/events',
  access: ALL_ROLES,
  tags: ['people'],
  summary: 'Report a reply, bounce, opt-out or out-of-office: stops or pauses the prospect’s cadences',
  request: { params: z.object({ prospectId: pathId('prospectId') }), body: jsonBody(EventBody) },
  responses: {
    202: jsonResponse(z.object({ enrollmentsSignalled: z.number().int() }), 'Accepted and signalled'),
    404: problemResponse('No such prospect in this workspace'),
  },
});

export function prospectEventRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  app.openapi(route, async (c) => {
    const { workspaceId } = principalOf(c);
    const { prospectId } = c.req.valid('param');
    const body = c.req.valid('json');
    const [prospect] = await deps.db.select({ id: prospects.id }).from(prospects).where(and(eq(prospects.id, prospectId), eq(prospects.workspaceId, workspaceId)));
    if (!prospect) throw new ProblemError('not-found', 404, 'no such prospect in this workspace');
    const ctx = { workspaceId, prospectId, source: 'api', dedupeKey: `api:${randomUUID()}` };
    const result = await deps.db.transaction((tx) => applyProspectEvent(deps.temporal, tx, ctx, body));
    return c.json(result, 202);
  });
  return app;
}
