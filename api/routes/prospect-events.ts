// Events about a prospect that stop or pause cadences: reply, bounce, opt-out, out-of-office.
// An opt-out is written to the prospect first (every touch checks it), then signalled.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import { appendEvent } from '../../activities/timeline.js';
import { enrollments, prospects } from '../../db/schema.js';
import { prospectEventSignal, type ProspectEvent } from '../../workflows/enrollment/messages.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { createRoute, jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { principalOf, requireRole, type AuthEnv } from '../middleware/auth.js';

const EventBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('reply'), detail: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('bounce'), detail: z.string().max(2000).optional() }),
  z.strictObject({ type: z.literal('opt_out') }),
  z.strictObject({ type: z.literal('auto_reply'), returnAt: z.iso.datetime({ offset: true }).optional() }),
]);

const route = createRoute({
  method: 'post',
  path: '/v1/prospects/{prospectId}/events',
  tags: ['people'],
  summary: 'Report a reply, bounce, opt-out or out-of-office: stops or pauses the prospect’s cadences',
  request: { params: z.object({ prospectId: pathId('prospectId') }), body: jsonBody(EventBody) },
  responses: {
    202: jsonResponse(z.object({ enrollmentsSignalled: z.number().int() }), 'Accepted and signalled'),
    404: problemResponse('No such prospect in this workspace'),
    422: problemResponse('Invalid body'),
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
    if (body.type === 'opt_out' || body.type === 'bounce') {
      await deps.db.transaction(async (tx) => {
        await tx.update(prospects).set({ status: body.type === 'opt_out' ? 'opted_out' : 'invalid_email' }).where(eq(prospects.id, prospectId));
        if (body.type === 'opt_out') {
          await appendEvent(tx as never, { workspaceId, prospectId, type: 'prospect.opted_out', dedupeKey: `opted_out:${prospectId}` });
        }
      });
    }
    const active = await deps.db
      .select({ workflowId: enrollments.workflowId })
      .from(enrollments)
      .where(and(eq(enrollments.workspaceId, workspaceId), eq(enrollments.prospectId, prospectId), inArray(enrollments.status, ['pending', 'active', 'paused'])));
    const event: ProspectEvent = body.type === 'auto_reply' ? { type: 'auto_reply', source: 'api', ...(body.returnAt ? { returnAt: body.returnAt } : {}) } : { ...body, source: 'api' };
    let signalled = 0;
    for (const e of active) {
      try {
        await deps.temporal.workflow.getHandle(e.workflowId).signal(prospectEventSignal, event);
        signalled++;
      } catch (err) {
        if (!(err instanceof Error && err.name === 'WorkflowNotFoundError')) throw err;
      }
    }
    return c.json({ enrollmentsSignalled: signalled }, 202);
  });
  return app;
}
