// CRM events: an unsubscribe, a meeting booked outside the cadence, or a deal owner stopping
// the cadence. A booked meeting becomes a handoff (its follow-up asks the field rep for the
// outcome), then every cadence of the prospect stops.
import { z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import { bookCrmMeeting } from '../../../application/handoffs/crm-meeting.js';
import { startHandoffFollowUp } from '../../../application/handoffs/start.js';
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
    location: z.string().max(500).optional().openapi({ description: 'meeting_booked: where it takes place' }),
    setterEmail: z.email().max(320).optional().openapi({ description: "meeting_booked: who set it (a member's email); else the rep of the prospect's latest enrollment" }),
    fieldRepEmail: z.email().max(320).optional().openapi({ description: 'meeting_booked: the field rep who holds it (a member marked field rep); else assigned later on the handoff' }),
  })
  .openapi('InboundCrm', {
    description: 'opt_out stops everything for good; meeting_booked becomes a handoff (followed up with the field rep) and stops the cadences; stop stops them.',
  });

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
      const meeting = await bookCrmMeeting(ctx.deps.db, {
        workspaceId: ctx.workspaceId,
        prospectId,
        dedupeKey: ctx.dedupeKey,
        meetingAt: body.meetingAt ? new Date(body.meetingAt) : null,
        location: body.location ?? null,
        note: body.note ?? null,
        setterEmail: body.setterEmail ?? null,
        fieldRepEmail: body.fieldRepEmail ?? null,
      });
      const enrollmentsStopped = await stopAll(ctx, prospectId, 'meeting booked in the CRM');
      if (meeting.handoffId) await startHandoffFollowUp(ctx.deps.temporal, ctx.deps.taskQueue, { workspaceId: ctx.workspaceId, handoffId: meeting.handoffId });
      return {
        applied: true,
        prospectId,
        enrollmentsStopped,
        handoffId: meeting.handoffId,
        ...(meeting.handoffId ? {} : { handoff: 'no setter to credit: name setterEmail, or enroll the prospect first' }),
        ...(meeting.fieldRepFound ? {} : { fieldRep: 'no field rep with this email: assign one on the handoff' }),
      };
    }
    const reason = `stopped from the CRM${body.note ? `: ${body.note.slice(0, 400)}` : ''}`;
    return { applied: true, prospectId, enrollmentsStopped: await stopAll(ctx, prospectId, reason) };
  },
});
