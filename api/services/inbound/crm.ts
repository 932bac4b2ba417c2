// CRM events: an unsubscribe, a meeting booked outside the cadence, or a deal owner stopping
// the cadence. A booked meeting is recorded, then every cadence of the prospect stops.
import { z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import { appendEvent } from '../../../application/timeline.js';
import { enrollments } from '../../../db/schema.js';
import { applyProspectEvent, stopEnrollment } from '../../../application/prospect-events.js';
import { findProspectId } from './find-prospect.js';
import { defineMapping, type InboundContext } from './types.js';

export const CrmInbound = z
  .object({
    type: z.enum(['opt_out', 'meeting_booked', 'stop']),
    email: z.email().max(320),
    meetingAt: z.iso.datetime({ offset: true }).optional(),
    note: z.string().max(2000).optional(),
  })
  .openapi('InboundCrm', { description: 'opt_out stops everything for good; meeting_booked is recorded and stops the cadences; stop stops them.' });

/** Stops the prospect's unfinished cadences through the workflow's stop Update. */
async function stopAll(ctx: InboundContext, prospectId: string, reason: string): Promise<number> {
  const active = await ctx.deps.db
    .select({ workflowId: enrollments.workflowId })
    .from(enrollments)
    .where(and(eq(enrollments.workspaceId, ctx.workspaceId), eq(enrollments.prospectId, prospectId), inArray(enrollments.status, ['pending', 'active', 'paused'])));
  let stopped = 0;
  for (const e of active) if (await stopEnrollment(ctx.deps.temporal, e.workflowId, reason)) stopped++;
  return stopped;
}

export const crmMapping = defineMapping({
  schema: CrmInbound,
  summary: 'CRM events: opt-out, meeting booked, stop',
  async apply(ctx, body) {
    const prospectId = await findProspectId(ctx.deps.db, ctx.workspaceId, body);
    if (!prospectId) return { applied: false, reason: 'no prospect with this email in the workspace' };
    if (body.type === 'opt_out') {
      const r = await applyProspectEvent(ctx.deps.temporal, ctx.deps.db, { workspaceId: ctx.workspaceId, prospectId, source: 'crm', dedupeKey: ctx.dedupeKey }, { type: 'opt_out' });
      return { applied: true, prospectId, ...r };
    }
    if (body.type === 'meeting_booked') {
      await appendEvent(ctx.deps.db, { workspaceId: ctx.workspaceId, prospectId, type: 'meeting.booked', payload: { source: 'crm', meetingAt: body.meetingAt ?? null, note: body.note ?? null }, dedupeKey: ctx.dedupeKey });
    }
    const reason = body.type === 'meeting_booked' ? 'meeting booked in the CRM' : `stopped from the CRM${body.note ? `: ${body.note.slice(0, 400)}` : ''}`;
    return { applied: true, prospectId, enrollmentsStopped: await stopAll(ctx, prospectId, reason) };
  },
});
