// Handoffs (PLAYBOOK §5): the meetings SDRs book for field reps, their follow-up and outcome.
// Reports go through the handoff's workflow (an Update), which writes the row: the two never
// disagree. A rep sees the handoffs they set or hold and those of the people reporting to them.
import { OpenAPIHono } from '@hono/zod-openapi';
import { HANDOFF_STATUSES, MEETING_OUTCOMES, isFinalHandoffStatus } from '../../domain/handoffs/vocabulary.js';
import { handoffWorkflowId, recordMeetingOutcomeUpdate, rescheduleMeetingUpdate } from '../../workflows/handoff/messages.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { PageQuery } from '../pagination.js';
import { ProblemError, problemResponse } from '../problem.js';
import { resourceRoutes } from '../resource-routes.js';
import { z } from '../scope.js';
import { findHandoff, handoffById, listHandoffs, mayReportOutcome, namesOf, mayReschedule, requireFieldRep, type HandoffRow } from '../services/handoff-reads.js';
import { viaWorkflow } from '../temporal-errors.js';
import { isWorkflowGone } from '../../application/workflow-errors.js';
import { meetingBrief } from '../../application/handoffs/brief.js';

const Instant = z.iso.datetime({ offset: true });
const Handoff = z
  .object({
    id: z.uuid(),
    prospectId: z.uuid(),
    enrollmentId: z.uuid().nullable(),
    sourceTaskId: z.uuid().nullable().openapi({ description: 'The call task whose outcome booked the meeting' }),
    setterId: z.uuid().openapi({ description: 'Who set the meeting (the SDR)' }),
    setterName: z.string().nullable().openapi({ description: "The SDR's name, so a field rep who may not list users still sees who set it" }),
    fieldRepId: z.uuid().nullable().openapi({ description: 'Who holds it; null until assigned' }),
    fieldRepName: z.string().nullable(),
    meetingAt: z.string().nullable(),
    location: z.string().nullable(),
    notes: z.string().nullable().openapi({ description: "The booking call's notes" }),
    recordingUrl: z.string().nullable(),
    context: z.string().nullable(),
    pretext: z.string().nullable(),
    status: z.enum(HANDOFF_STATUSES).openapi({ description: 'to_schedule (no time or field rep yet), scheduled, awaiting_outcome (the field rep was asked), or the outcome' }),
    reschedules: z.number().int(),
    outcomeNote: z.string().nullable(),
    outcomeById: z.uuid().nullable(),
    outcomeAt: z.string().nullable(),
    outcomeRequestedAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    managerAlertedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Handoff');

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toHandoff = (h: HandoffRow, names: ReadonlyMap<string, string>): z.infer<typeof Handoff> => ({
  id: h.id,
  prospectId: h.prospectId,
  enrollmentId: h.enrollmentId,
  sourceTaskId: h.sourceTaskId,
  setterId: h.setterId,
  setterName: names.get(h.setterId) ?? null,
  fieldRepId: h.fieldRepId,
  fieldRepName: (h.fieldRepId && names.get(h.fieldRepId)) ?? null,
  ...meetingBrief(h),
  status: h.status,
  reschedules: h.reschedules,
  outcomeNote: h.outcomeNote,
  outcomeById: h.outcomeById,
  outcomeAt: iso(h.outcomeAt),
  outcomeRequestedAt: iso(h.outcomeRequestedAt),
  remindedAt: iso(h.remindedAt),
  managerAlertedAt: iso(h.managerAlertedAt),
  createdAt: h.createdAt.toISOString(),
});

const OutcomeBody = z
  .strictObject({
    outcome: z.enum(MEETING_OUTCOMES),
    note: z.string().max(5000).optional(),
    meetingAt: Instant.optional().openapi({ description: 'With rescheduled: the new time (without it the handoff waits for one)' }),
  })
  .superRefine((b, ctx) => {
    if (b.meetingAt && b.outcome !== 'rescheduled') ctx.addIssue({ code: 'custom', path: ['meetingAt'], message: 'only a rescheduled meeting has a new time' });
  })
  .openapi('MeetingOutcome');
const RescheduleBody = z
  .strictObject({
    meetingAt: Instant,
    reason: z.string().min(1).max(500),
    location: z.string().min(1).max(500).optional(),
    fieldRepId: z.uuid().optional().openapi({ description: 'Hand the meeting to this field rep' }),
  })
  .openapi('MeetingReschedule');

const handoff = resourceRoutes({ base: '/v1/handoffs', id: 'handoffId', noun: 'handoff', plural: 'handoffs', tags: ['handoffs'] });
const forbidden = (who: string) => new ProblemError('forbidden', 403, `only ${who} may do this`);
const HOLDERS = ['ops', 'rep'] as const;
const closed = { 409: problemResponse('The outcome is already recorded') };

const routes = {
  list: handoff.list({
    summary: 'Booked meetings handed to field reps, newest first (a rep: those they set or hold, and their reports\')',
    access: HOLDERS,
    item: Handoff,
    query: PageQuery.extend({ status: z.enum(HANDOFF_STATUSES).optional(), fieldRepId: z.uuid().optional(), setterId: z.uuid().optional() }),
  }),
  get: handoff.get({ summary: 'One handoff', access: HOLDERS, returns: Handoff, responses: { 404: problemResponse('No such handoff in this workspace (or out of the caller\'s reach)') } }),
  outcome: handoff.on({
    method: 'post',
    sub: 'outcome',
    summary: "Record the meeting's outcome: held, no-show, rescheduled (with its new time), cancelled by the prospect or by us, disqualified",
    description: 'The field rep who holds it, their manager, ops or admin. Closes the outcome tasks of the follow-up.',
    access: HOLDERS,
    body: OutcomeBody,
    returns: Handoff,
    done: 'Recorded',
    responses: { 403: problemResponse('Neither the field rep, their manager, nor ops'), ...closed },
  }),
  reschedule: handoff.on({
    method: 'post',
    sub: 'reschedule',
    summary: 'Give the meeting a new time (and optionally a place or another field rep); the follow-up starts over on the same handoff',
    description: 'The field rep, the SDR who set it, the manager of either, ops or admin.',
    access: HOLDERS,
    body: RescheduleBody,
    returns: Handoff,
    done: 'Rescheduled',
    responses: { 403: problemResponse('Neither the field rep, the SDR, their managers, nor ops'), ...closed, 422: problemResponse('Invalid body, or the field rep is not one') },
  }),
};

export function handoffRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;

  /** An Update on the handoff's follow-up; one that is not running is a conflict about the handoff, not an enrollment. */
  const update = async (fn: () => Promise<unknown>) => {
    try {
      await viaWorkflow(fn);
    } catch (err) {
      if (isWorkflowGone(err) || (err instanceof ProblemError && err.status === 409 && /enrollment is over/.test(err.message))) {
        throw new ProblemError('conflict', 409, "the handoff's follow-up is not running");
      }
      throw err;
    }
  };

  const openHandoff = async (c: Parameters<typeof principalOf>[0], handoffId: string) => {
    const h = await findHandoff(db, principalOf(c), handoffId);
    if (isFinalHandoffStatus(h.status)) throw new ProblemError('conflict', 409, `the meeting's outcome is already recorded (${h.status})`);
    return h;
  };

  app.openapi(routes.list, async (c) => {
    const result = await listHandoffs(db, principalOf(c), c.req.valid('query'));
    const names = await namesOf(db, principalOf(c).workspaceId, result.data);
    return c.json({ data: result.data.map((h) => toHandoff(h, names)), nextCursor: result.nextCursor }, 200);
  });

  const view = async (workspaceId: string, h: HandoffRow) => toHandoff(h, await namesOf(db, workspaceId, [h]));

  app.openapi(routes.get, async (c) => c.json(await view(principalOf(c).workspaceId, await findHandoff(db, principalOf(c), c.req.valid('param').handoffId)), 200));

  app.openapi(routes.outcome, async (c) => {
    const p = principalOf(c);
    const h = await openHandoff(c, c.req.valid('param').handoffId);
    if (!(await mayReportOutcome(db, p, h))) throw forbidden("the meeting's field rep, their manager, or ops");
    const body = c.req.valid('json');
    await update(() => deps.temporal.workflow.getHandle(handoffWorkflowId(h.id)).executeUpdate(recordMeetingOutcomeUpdate, { args: [{ ...body, byUserId: p.userId }] }));
    return c.json(await view(p.workspaceId, await handoffById(db, p.workspaceId, h.id)), 200);
  });

  app.openapi(routes.reschedule, async (c) => {
    const p = principalOf(c);
    const h = await openHandoff(c, c.req.valid('param').handoffId);
    if (!(await mayReschedule(db, p, h))) throw forbidden('the field rep, the SDR who set the meeting, their managers, or ops');
    const body = c.req.valid('json');
    if (body.fieldRepId) await requireFieldRep(db, p.workspaceId, body.fieldRepId, 'body.fieldRepId');
    await update(() => deps.temporal.workflow.getHandle(handoffWorkflowId(h.id)).executeUpdate(rescheduleMeetingUpdate, { args: [{ ...body, byUserId: p.userId }] }));
    return c.json(await view(p.workspaceId, await handoffById(db, p.workspaceId, h.id)), 200);
  });

  return app;
}
