// LinkedIn automation events. note.sent: the connection note left, which completes the open
// LinkedIn task (the automation did the rep's step). invite.accepted: on the timeline, and it
// completes the LinkedIn task too when one is still open. message.replied: stops the prospect's
// cadences, like an email reply. An automation Relance handed the note to (channels/actions/
// http.ts) names it by its actionId; others name the prospect by email or profile URL.
import { z } from '@hono/zod-openapi';
import { appendEvent } from '../../../application/timeline.js';
import { completeTaskUpdate } from '../../../workflows/enrollment/messages.js';
import { workflowProblem } from '../../temporal-errors.js';
import { ProblemError } from '../../problem.js';
import { signalActiveEnrollments } from '../../../application/prospect-events.js';
import { findTask, taskOfAction, type TaskRef } from './action-task.js';
import { findProspectId } from './find-prospect.js';
import { defineMapping, type InboundContext } from './types.js';

export const LinkedinInbound = z
  .object({
    type: z.enum(['note.sent', 'invite.accepted', 'message.replied']),
    actionId: z.uuid().optional().openapi({ description: 'The actionId of the request Relance sent the automation' }),
    email: z.email().max(320).optional(),
    linkedinUrl: z.url().max(500).optional(),
    detail: z.string().max(2000).optional(),
  })
  .refine((b) => b.actionId || b.email || b.linkedinUrl, { path: ['email'], message: 'send actionId, email or linkedinUrl' })
  .openapi('InboundLinkedin', { description: 'note.sent completes the LinkedIn task; invite.accepted is recorded (and completes it if still open); message.replied also stops the cadences.' });
type Body = z.infer<typeof LinkedinInbound>;

const EVENT_TYPES = { 'note.sent': 'linkedin.note_sent', 'invite.accepted': 'linkedin.invite_accepted', 'message.replied': 'linkedin.replied' } as const;
const NOTES = { 'note.sent': 'LinkedIn note sent by the automation', 'invite.accepted': 'LinkedIn invitation accepted' } as const;

async function resolve(ctx: InboundContext, body: Body): Promise<{ prospectId: string | null; task: TaskRef | null }> {
  if (body.actionId) {
    const task = await taskOfAction(ctx.deps.db, ctx.workspaceId, body.actionId);
    if (!task) throw new ProblemError('not-found', 404, 'no such action in this workspace', { errors: [{ field: 'body.actionId', message: 'no such action' }] });
    return { prospectId: task.prospectId, task };
  }
  const prospectId = await findProspectId(ctx.deps.db, ctx.workspaceId, body);
  if (!prospectId || body.type === 'message.replied') return { prospectId, task: null };
  return { prospectId, task: await findTask(ctx.deps.db, ctx.workspaceId, { prospectId, kind: 'linkedin_note' }) };
}

/** Completes the task through its workflow; null when it is not open or the workflow moved on. */
async function complete(ctx: InboundContext, ref: TaskRef | null, note: string): Promise<string | null> {
  if (!ref || ref.task.status !== 'open') return null;
  try {
    await ctx.deps.temporal.workflow.getHandle(ref.workflowId).executeUpdate(completeTaskUpdate, { args: [{ taskId: ref.task.id, outcome: 'done', note }] });
    return ref.task.id;
  } catch (err) {
    if (workflowProblem(err)?.status === 409) return null;
    throw err;
  }
}

export const linkedinMapping = defineMapping({
  schema: LinkedinInbound,
  summary: 'LinkedIn events: note sent, invitation accepted, message replied',
  async apply(ctx, body) {
    const { prospectId, task } = await resolve(ctx, body);
    if (!prospectId) return { applied: false, reason: 'no prospect with this email or LinkedIn URL in the workspace' };
    await appendEvent(ctx.deps.db, {
      workspaceId: ctx.workspaceId,
      prospectId,
      enrollmentId: task?.task.enrollmentId ?? null,
      type: EVENT_TYPES[body.type],
      payload: { source: 'linkedin', detail: body.detail ?? null, actionId: body.actionId ?? null, taskId: task?.task.id ?? null },
      dedupeKey: ctx.dedupeKey,
    });
    if (body.type === 'message.replied') {
      const detail = body.detail ? { detail: body.detail } : {};
      return { applied: true, prospectId, enrollmentsSignalled: await signalActiveEnrollments(ctx.deps.temporal, ctx.deps.db, ctx.workspaceId, prospectId, { type: 'reply', source: 'linkedin', ...detail }) };
    }
    return { applied: true, prospectId, enrollmentsSignalled: 0, taskCompleted: await complete(ctx, task, body.detail ? `${NOTES[body.type]}: ${body.detail}` : NOTES[body.type]) };
  },
});
