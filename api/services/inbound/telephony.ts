// Telephony events: a finished call (or a dropped voicemail) completes the open call task
// through the workflow's Update, like POST /v1/tasks/{taskId}/complete. A dialer or drop service
// Relance handed the action to (channels/actions/http.ts) names it by its actionId.
import { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { appendEvent } from '../../../application/timeline.js';
import { enrollments, tasks } from '../../../db/schema.js';
import type { Outcome } from '../../../domain/sequences/definition.js';
import { completeTaskUpdate } from '../../../workflows/enrollment/messages.js';
import { ProblemError } from '../../problem.js';
import { viaWorkflow } from '../../temporal-errors.js';
import { addRecordingUrl, taskOfAction } from './action-task.js';
import { defineMapping, type InboundContext } from './types.js';

const DISPOSITIONS = ['connected', 'no_answer', 'voicemail_left', 'wrong_number', 'gatekeeper', 'not_interested', 'meeting_booked'] as const;
type Disposition = (typeof DISPOSITIONS)[number];
/** Dispositions are the rep's call outcomes (domain/cadence/outcome.ts), spelled the same. */
const OUTCOME_OF: Record<Disposition, Outcome> = {
  connected: 'connected',
  no_answer: 'no_answer',
  voicemail_left: 'voicemail_left',
  wrong_number: 'wrong_number',
  gatekeeper: 'gatekeeper',
  not_interested: 'not_interested',
  meeting_booked: 'meeting_booked',
};

const ActionId = z.uuid().optional().openapi({ description: 'The actionId of the request Relance sent the provider (instead of taskId)' });
const CallCompleted = z
  .object({
    type: z.literal('call.completed'),
    taskId: z.uuid().optional(),
    actionId: ActionId,
    enrollmentId: z.uuid().optional(),
    stepId: z.string().min(1).max(100).optional(),
    disposition: z.enum(DISPOSITIONS),
    recordingUrl: z.url().max(2000).optional(),
    durationSeconds: z.number().int().min(0).max(86_400).optional(),
    note: z.string().max(5000).optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.taskId && !b.actionId && !(b.enrollmentId && b.stepId)) ctx.addIssue({ code: 'custom', path: ['taskId'], message: 'send taskId, actionId, or enrollmentId and stepId' });
  });
const VoicemailDropped = z
  .object({ type: z.literal('voicemail.dropped'), taskId: z.uuid().optional(), actionId: ActionId, recordingUrl: z.url().max(2000).optional() })
  .superRefine((b, ctx) => {
    if (!b.taskId && !b.actionId) ctx.addIssue({ code: 'custom', path: ['taskId'], message: 'send taskId or actionId' });
  });

export const TelephonyInbound = z
  .discriminatedUnion('type', [CallCompleted, VoicemailDropped])
  .openapi('InboundTelephony', { description: 'Completes the open call task with the disposition as its outcome (voicemail.dropped: voicemail_left).' });

type TaskBy = { taskId?: string | undefined; actionId?: string | undefined; enrollmentId?: string | undefined; stepId?: string | undefined };

async function findOpenTask(ctx: InboundContext, by: TaskBy) {
  if (by.actionId && !by.taskId) {
    const row = await taskOfAction(ctx.deps.db, ctx.workspaceId, by.actionId);
    if (!row) throw new ProblemError('not-found', 404, 'no such action in this workspace', { errors: [{ field: 'body.actionId', message: 'no such action' }] });
    if (row.task.status !== 'open') throw new ProblemError('conflict', 409, `the task is already ${row.task.status}`);
    return row;
  }
  const where = by.taskId
    ? eq(tasks.id, by.taskId)
    : // Task step keys are `${stepId}#${visit}`: the open visit of that step.
      and(eq(tasks.enrollmentId, by.enrollmentId!), eq(tasks.status, 'open'), sql`split_part(${tasks.stepKey}, '#', 1) = ${by.stepId!}`);
  const [row] = await ctx.deps.db
    .select({ task: tasks, workflowId: enrollments.workflowId, prospectId: enrollments.prospectId })
    .from(tasks)
    .innerJoin(enrollments, eq(enrollments.id, tasks.enrollmentId))
    .where(and(eq(tasks.workspaceId, ctx.workspaceId), where));
  const field = by.taskId ? 'body.taskId' : 'body.stepId';
  if (!row) throw new ProblemError('not-found', 404, 'no such open task in this workspace', { errors: [{ field, message: 'no such open task' }] });
  if (row.task.status !== 'open') throw new ProblemError('conflict', 409, `the task is already ${row.task.status}`);
  return row;
}

export const telephonyMapping = defineMapping({
  schema: TelephonyInbound,
  summary: 'Telephony events: call completed with its disposition, voicemail dropped',
  async apply(ctx, body) {
    const { task, workflowId, prospectId } = await findOpenTask(ctx, body);
    const outcome = body.type === 'call.completed' ? OUTCOME_OF[body.disposition] : 'voicemail_left';
    await appendEvent(ctx.deps.db, {
      workspaceId: ctx.workspaceId,
      prospectId,
      enrollmentId: task.enrollmentId,
      type: 'call.reported',
      payload: { source: 'telephony', taskId: task.id, outcome, recordingUrl: body.recordingUrl ?? null, durationSeconds: body.type === 'call.completed' ? body.durationSeconds ?? null : null },
      dedupeKey: ctx.dedupeKey,
    });
    const note = body.type === 'call.completed' ? body.note : undefined;
    const result = await viaWorkflow(() =>
      ctx.deps.temporal.workflow.getHandle(workflowId).executeUpdate(completeTaskUpdate, {
        // A booked meeting's handoff keeps the call's recording.
        args: [{ taskId: task.id, outcome, ...(note ? { note } : {}), ...(outcome === 'meeting_booked' && body.recordingUrl ? { meeting: { recordingUrl: body.recordingUrl } } : {}) }],
      }),
    );
    if (body.recordingUrl) await addRecordingUrl(ctx.deps.db, task.id, body.recordingUrl);
    return { applied: true, taskId: task.id, outcome, enrollmentStatus: result.status, next: result.next };
  },
});
