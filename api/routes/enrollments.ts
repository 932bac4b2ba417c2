// Enrollments: a prospect enrolled in a sequence, run by one workflow with a deterministic id.
// Rep and ops actions (pause, resume, stop, skip, reschedule) go through workflow Updates.
// A rep key sees and acts on its own enrollments only: the others are "not found".
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, asc, desc, eq, gt, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { enrollments, events, users } from '../../db/schema.js';
import {
  pauseUpdate,
  rescheduleUpdate,
  resumeUpdate,
  skipUpdate,
  statusQuery,
  stopUpdate,
  type EnrollmentStatusView,
} from '../../workflows/enrollment/messages.js';
import type { ApiDeps } from '../deps.js';
import { decodeCursor, page, PageQuery, pageSchema, SerialCursor } from '../pagination.js';
import { isWorkflowNotFound } from '../../application/workflow-errors.js';
import { ProblemError, ProblemSchema, problemResponse } from '../problem.js';
import { findEnrollment, jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { principalOf, type AuthEnv, type Principal } from '../middleware/auth.js';
import { BULK_MAX_ITEMS, bulkEnroll } from '../services/bulk-enroll.js';
import { schemaOnlyHook } from '../validation.js';
import { enroll } from '../services/enroll.js';
import { startAndUpdate } from '../services/enrollment-start.js';
import { decodeTimeCursor, isoMicros } from '../services/time-cursor.js';
import { viaWorkflow } from '../temporal-errors.js';
import { defineRoute, ALL_ROLES } from '../access.js';
import { managesRep } from '../auth/reports.js';

const EnrollmentCreate = z
  .strictObject({
    prospectId: z.uuid(),
    sequenceId: z.uuid(),
    repId: z.uuid(),
    context: z.string().max(2000).optional().openapi({ example: 'your Series B announced on Monday' }),
    pretext: z.string().max(2000).optional().openapi({ example: 'We helped Acme cut ramp-up time by 30%.' }),
    startAt: z.iso.datetime({ offset: true }).optional(),
    mailboxId: z.uuid().optional().openapi({ description: "The rep's mailbox the emails leave from (one of the enrolling rep's); by default the rep's default mailbox" }),
  })
  .openapi('EnrollmentCreate');

const Upcoming = z
  .object({
    stepId: z.string(),
    type: z.string(),
    dueAt: z.string().nullable().openapi({ description: 'When the step is due, after any pause and reschedule; null while the cadence is paused until resumed (no time can be given)' }),
  })
  .openapi('UpcomingStep');
const Enrollment = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    prospectId: z.uuid(),
    sequenceId: z.uuid(),
    sequenceVersion: z.number().int(),
    repId: z.uuid(),
    workflowId: z.string(),
    status: z.string(),
    stopReason: z.string().nullable().openapi({ description: 'Why the cadence stopped or completed; null while it runs or is paused' }),
    pauseReason: z.string().nullable().openapi({ description: 'Why the cadence is paused (null when it is not)' }),
    pausedUntil: z.string().nullable().openapi({ description: 'When the pause ends by itself; null when paused until resumed, or not paused' }),
    currentStepId: z.string().nullable(),
    context: z.string().nullable(),
    pretext: z.string().nullable(),
    createdAt: z.string(),
    /** Live view from the workflow (absent when it cannot be reached). */
    live: z
      .object({
        phase: z.string(),
        dueAt: z.string().nullable(),
        announcedCallAt: z.string().nullable(),
        pausedUntil: z.string().nullable(),
        currentTask: z.object({ taskId: z.string(), stepId: z.string(), dueAt: z.string(), allowedOutcomes: z.array(z.string()) }).nullable(),
        upcoming: z.array(Upcoming),
        history: z.array(z.object({ at: z.string(), type: z.string(), stepId: z.string().optional(), detail: z.string().optional() })),
      })
      .nullable()
      .optional(),
  })
  .openapi('Enrollment');

type EnrollmentRow = typeof enrollments.$inferSelect;
const toJson = (r: EnrollmentRow, live?: EnrollmentStatusView | null): z.infer<typeof Enrollment> => ({
  id: r.id,
  workspaceId: r.workspaceId,
  prospectId: r.prospectId,
  sequenceId: r.sequenceId,
  sequenceVersion: r.sequenceVersion,
  repId: r.repId,
  workflowId: r.workflowId,
  status: r.status,
  stopReason: r.stopReason,
  pauseReason: r.pauseReason,
  pausedUntil: r.pausedUntil?.toISOString() ?? null,
  currentStepId: r.currentStepId,
  context: r.context,
  pretext: r.pretext,
  createdAt: r.createdAt.toISOString(),
  ...(live !== undefined
    ? {
        live: live && {
          phase: live.phase,
          dueAt: live.dueAt,
          announcedCallAt: live.announcedCallAt,
          pausedUntil: live.pausedUntil,
          currentTask: live.currentTask,
          upcoming: live.upcoming,
          history: live.history,
        },
      }
    : {}),
});

const EnrollmentParams = z.object({ enrollmentId: pathId('enrollmentId') });
const EnrollmentStatus = z.enum(['pending', 'active', 'paused', 'completed', 'stopped']);

/** The enrollment if the key may see it: a rep key its own, and a manager's those of the reps reporting to them. */
async function visibleEnrollment(db: Database, p: Principal, enrollmentId: string) {
  const row = await findEnrollment(db, p.workspaceId, enrollmentId);
  if (p.role === 'rep' && row.repId !== p.userId && !(await managesRep(db, p, row.repId))) throw new ProblemError('not-found', 404, 'no such enrollment in this workspace');
  return row;
}

/** The reps whose enrollments a rep key lists: itself and, for a manager, the reps reporting to it. */
const withinReach = (db: Database, p: Principal) =>
  or(eq(enrollments.repId, p.userId ?? NO_USER), inArray(enrollments.repId, db.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, p.workspaceId), eq(users.managerId, p.userId ?? NO_USER)))));
const NO_USER = '00000000-0000-0000-0000-000000000000';

const createdKey = isoMicros(enrollments.createdAt);

const create = defineRoute({
  method: 'post',
  path: '/v1/enrollments',
  tags: ['enrollments'],
  summary: 'Enroll a prospect in a sequence (idempotent: enrolling twice returns the same enrollment)',
  access: ['ops', 'integration', 'rep'] as const,
  request: { body: jsonBody(EnrollmentCreate) },
  responses: {
    201: jsonResponse(Enrollment, 'Enrolled; the workflow started'),
    200: jsonResponse(Enrollment, 'Already enrolled'),
    404: problemResponse('Prospect, sequence or rep not found in this workspace'),
    409: problemResponse('Opted-out prospect, archived or unpublished sequence'),
    422: problemResponse("Invalid body; a suppressed prospect (body.prospectId); not one of the rep's mailboxes (body.mailboxId)"),
  },
});

const BulkResult = z.object({
  index: z.number().int(),
  status: z.number().int().openapi({ description: '201 enrolled, 200 already enrolled, else the problem status' }),
  enrollment: Enrollment.optional(),
  error: ProblemSchema.optional(),
});
const bulk = defineRoute({
  method: 'post',
  path: '/v1/enrollments/bulk',
  tags: ['enrollments'],
  summary: `Enroll up to ${BULK_MAX_ITEMS} prospects; each item succeeds or fails on its own`,
  access: ['ops', 'integration', 'rep'] as const,
  request: {
    body: jsonBody(
      z.strictObject({
        items: z.array(z.unknown()).min(1).max(BULK_MAX_ITEMS).openapi({ description: 'EnrollmentCreate objects, each validated on its own' }),
      }),
    ),
  },
  responses: {
    200: jsonResponse(
      z.object({ created: z.number().int(), existing: z.number().int(), failed: z.number().int(), results: z.array(BulkResult) }),
      'One result per item, in order; invalid items carry a problem naming their fields (body.items.N.field)',
    ),
    422: problemResponse('Not a list of 1 to 1,000 items'),
  },
});

const list = defineRoute({
  method: 'get',
  path: '/v1/enrollments',
  access: ALL_ROLES,
  tags: ['enrollments'],
  summary: 'Enrollments, newest first',
  request: {
    query: PageQuery.extend({ status: EnrollmentStatus.optional(), prospectId: z.uuid().optional(), repId: z.uuid().optional(), sequenceId: z.uuid().optional(), sequenceVersion: z.coerce.number().int().min(1).max(2_147_483_647).optional().openapi({ description: 'With sequenceId: the enrollments running this version' }) }),
  },
  responses: { 200: jsonResponse(pageSchema(Enrollment), 'A page of enrollments'), 400: problemResponse('Bad query or cursor') },
});

const get = defineRoute({
  method: 'get',
  path: '/v1/enrollments/{enrollmentId}',
  access: ALL_ROLES,
  tags: ['enrollments'],
  summary: 'One enrollment with its status, history and upcoming steps with their due times',
  request: { params: EnrollmentParams },
  responses: {
    200: jsonResponse(Enrollment, 'The enrollment'),
    404: problemResponse('No such enrollment in this workspace'),
  },
});

const TimelineEvent = z.object({ id: z.number().int(), type: z.string(), payload: z.record(z.string(), z.unknown()), occurredAt: z.string() }).openapi('TimelineEvent');
const timeline = defineRoute({
  method: 'get',
  path: '/v1/enrollments/{enrollmentId}/timeline',
  access: ALL_ROLES,
  tags: ['enrollments'],
  summary: 'The events of the enrollment, oldest first',
  request: { params: EnrollmentParams, query: PageQuery },
  responses: { 200: jsonResponse(pageSchema(TimelineEvent), 'A page of events'), 400: problemResponse('Bad query or cursor'), 404: problemResponse('No such enrollment in this workspace') },
});

const upcoming = defineRoute({
  method: 'get',
  path: '/v1/enrollments/{enrollmentId}/upcoming',
  access: ALL_ROLES,
  tags: ['enrollments'],
  summary: 'The next steps with their due times, as the workflow projects them: after a pause (steps due during it planned again from its end), a reschedule or a skip; empty once it has finished',
  request: { params: EnrollmentParams },
  responses: {
    200: jsonResponse(
      z.object({
        status: z.string(),
        pausedUntil: z.string().nullable().openapi({ description: "The pause's end; null when not paused, or paused until resumed (then every step not yet in the queue has dueAt null)" }),
        data: z.array(Upcoming),
      }),
      'The upcoming steps',
    ),
    404: problemResponse('No such enrollment in this workspace'),
    503: problemResponse('The workflow could not be queried'),
  },
});

const Reason = z.string().min(1).max(500);
const actions = {
  pause: { update: pauseUpdate, body: z.strictObject({ reason: Reason.optional(), until: z.iso.datetime({ offset: true }).optional() }), summary: 'Pause the cadence (until a date, or until resumed)' },
  resume: { update: resumeUpdate, body: z.strictObject({ reason: Reason.optional() }), summary: 'Resume a paused cadence' },
  stop: { update: stopUpdate, body: z.strictObject({ reason: Reason }), summary: 'Stop the cadence for good' },
  skip: { update: skipUpdate, body: z.strictObject({ reason: Reason }), summary: 'Skip the current step' },
} as const;

const RescheduleBody = z
  .strictObject({
    at: z.iso.datetime({ offset: true }).openapi({ description: 'The time asked for (an instant with its offset, in the future)', example: '2026-12-14T09:00:00+01:00' }),
    reason: Reason,
    ignoreTimingRules: z.boolean().optional().openapi({
      description:
        "true: the step is due exactly at `at`, even on a weekend, a public holiday or outside the step's window (an email still respects its mailbox's caps, and the call it announces still follows the rules). Default false: `at` is moved to the next time the timing rules allow.",
    }),
  })
  .openapi('RescheduleRequest');
const Rescheduled = z
  .object({
    stepId: z.string(),
    requestedAt: z.string().openapi({ description: 'The time asked for' }),
    effectiveAt: z.string().openapi({ description: 'When the step is now due: the requested time, or the next one the rules allow' }),
    moved: z.boolean().openapi({ description: 'Whether the rules moved the requested time' }),
    because: z
      .array(z.object({ rule: z.enum(['weekend', 'public_holiday', 'closed_date', 'outside_window', 'min_gap', 'weekly_cap']), detail: z.string() }))
      .openapi({ description: 'Why it moved, in the order the rules moved it (empty when it did not)' }),
    timingRulesIgnored: z.boolean(),
  })
  .openapi('Rescheduled');
const reschedule = defineRoute({
  method: 'post',
  path: '/v1/enrollments/{enrollmentId}/reschedule',
  access: ALL_ROLES,
  tags: ['enrollments'],
  summary:
    "Move the current step to another time. The time follows the rules planning follows (the prospect's zone, business days and public holidays, the step's send or call window, the gap and weekly cap on touches): one they do not allow moves to the next allowed time, and the answer says when and why. `ignoreTimingRules: true` overrides them. An email's announced call is computed again from its new send time.",
  request: { params: EnrollmentParams, body: jsonBody(RescheduleBody) },
  responses: {
    200: jsonResponse(Enrollment.extend({ reschedule: Rescheduled }).openapi('RescheduledEnrollment'), 'The enrollment after the reschedule, and what the reschedule did'),
    404: problemResponse('No such enrollment in this workspace'),
    409: problemResponse('The enrollment is over, paused (resume it first), executing a step, or at an escalation step'),
    422: problemResponse('Invalid body: `at` not in the future or no time the rules allow (body.at), a blank reason (body.reason)'),
  },
});

/** How long a read waits for the workflow's own view before answering without it (or 503). */
const QUERY_DEADLINE_MS = 5_000;

/** The running workflow's view of an enrollment, within a deadline: a page never hangs on Temporal. */
const liveView = (deps: ApiDeps, workflowId: string) =>
  deps.temporal.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => deps.temporal.workflow.getHandle(workflowId).query(statusQuery));

export function enrollmentRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;

  app.openapi(create, async (c) => {
    const p = principalOf(c);
    const body = c.req.valid('json');
    if (p.role === 'rep' && p.userId !== body.repId) {
      throw new ProblemError('not-found', 404, 'rep not found in this workspace', { errors: [{ field: 'body.repId', message: 'no such rep in this workspace' }] });
    }
    const { row, created } = await enroll(deps, p.workspaceId, body);
    return created ? c.json(toJson(row), 201) : c.json(toJson(row), 200);
  });

  app.openapi(bulk, async (c) => {
    const results = await bulkEnroll(deps, principalOf(c), c.req.valid('json').items, EnrollmentCreate);
    const count = (pred: (s: number) => boolean) => results.filter((r) => pred(r.status)).length;
    return c.json(
      {
        created: count((s) => s === 201),
        existing: count((s) => s === 200),
        failed: count((s) => s >= 400),
        results: results.map((r) => ('row' in r ? { index: r.index, status: r.status, enrollment: toJson(r.row) } : { index: r.index, status: r.status, error: r.error })),
      },
      200,
    );
  }, schemaOnlyHook);

  app.openapi(list, async (c) => {
    const p = principalOf(c);
    const q = c.req.valid('query');
    const after = decodeTimeCursor(q.cursor);
    // A rep key lists its own enrollments (a manager's: also their reps'), whatever repId says.
    const where: (SQL | undefined)[] = [
      eq(enrollments.workspaceId, p.workspaceId),
      p.role === 'rep' ? withinReach(db, p) : undefined,
      q.status ? eq(enrollments.status, q.status) : undefined,
      q.prospectId ? eq(enrollments.prospectId, q.prospectId) : undefined,
      q.sequenceId ? eq(enrollments.sequenceId, q.sequenceId) : undefined,
      q.sequenceVersion ? eq(enrollments.sequenceVersion, q.sequenceVersion) : undefined,
      q.repId ? eq(enrollments.repId, q.repId) : undefined,
    ];
    if (after) {
      where.push(lte(enrollments.createdAt, after.at), or(lt(enrollments.createdAt, after.at), and(eq(enrollments.createdAt, after.at), lt(enrollments.id, after.id))));
    }
    const rows = await db
      .select({ e: enrollments, k: createdKey })
      .from(enrollments)
      .where(and(...where))
      .orderBy(desc(enrollments.createdAt), desc(enrollments.id))
      .limit(q.limit + 1);
    const result = page(rows, q.limit, (r) => ({ k: r.k, id: r.e.id }));
    return c.json({ data: result.data.map((r) => toJson(r.e)), nextCursor: result.nextCursor }, 200);
  });

  app.openapi(get, async (c) => {
    const row = await visibleEnrollment(db, principalOf(c), c.req.valid('param').enrollmentId);
    const live = await liveView(deps, row.workflowId).catch(() => null);
    return c.json(toJson(row, live), 200);
  });

  app.openapi(timeline, async (c) => {
    const p = principalOf(c);
    const row = await visibleEnrollment(db, p, c.req.valid('param').enrollmentId);
    const { limit, cursor } = c.req.valid('query');
    const after = decodeCursor(cursor, SerialCursor);
    // (workspace, prospect, id) is the events index; the enrollment narrows it.
    const rows = await db
      .select()
      .from(events)
      .where(and(eq(events.workspaceId, p.workspaceId), eq(events.prospectId, row.prospectId), eq(events.enrollmentId, row.id), after ? gt(events.id, after.id) : undefined))
      .orderBy(asc(events.id))
      .limit(limit + 1);
    const result = page(rows, limit, (e) => ({ k: null, id: e.id }));
    return c.json(
      {
        data: result.data.map((e) => ({ id: e.id, type: e.type, payload: e.payload as Record<string, unknown>, occurredAt: e.occurredAt.toISOString() })),
        nextCursor: result.nextCursor,
      },
      200,
    );
  });

  app.openapi(upcoming, async (c) => {
    const row = await visibleEnrollment(db, principalOf(c), c.req.valid('param').enrollmentId);
    if (row.status === 'completed' || row.status === 'stopped') return c.json({ status: row.status, pausedUntil: null, data: [] }, 200);
    const view = await liveView(deps, row.workflowId).catch((err: unknown) => {
        if (isWorkflowNotFound(err)) return null;
        throw new ProblemError('service-unavailable', 503, 'the enrollment workflow could not be queried; retry later', { checks: { temporal: 'failed' } });
      });
    // A finished workflow has nothing left to do, whatever its last projection said.
    if (!view || view.status === 'completed' || view.status === 'stopped' || view.phase === 'finished') {
      return c.json({ status: view?.status ?? row.status, pausedUntil: null, data: [] }, 200);
    }
    return c.json({ status: view.status, pausedUntil: view.pausedUntil, data: view.upcoming }, 200);
  });

  for (const [name, action] of Object.entries(actions)) {
    const route = defineRoute({
      method: 'post',
      path: `/v1/enrollments/{enrollmentId}/${name}`,
      access: ALL_ROLES,
      tags: ['enrollments'],
      summary: action.summary,
      request: { params: EnrollmentParams, body: jsonBody(action.body) },
      responses: {
        200: jsonResponse(Enrollment, 'The enrollment after the action'),
        404: problemResponse('No such enrollment in this workspace'),
        409: problemResponse('The action does not fit the enrollment state'),
      },
    });
    app.openapi(route, async (c) => {
      const p = principalOf(c);
      const { enrollmentId } = c.req.valid('param');
      const args = c.req.valid('json');
      const row = await visibleEnrollment(db, p, enrollmentId);
      const update = action.update as typeof stopUpdate;
      const updateArgs: [{ reason: string }] = [args as { reason: string }];
      // A pending enrollment whose workflow start was lost is not over: it starts now, with the action.
      const view = await viaWorkflow(() =>
        row.status === 'pending' ? startAndUpdate(deps, row, update, updateArgs) : deps.temporal.workflow.getHandle(row.workflowId).executeUpdate(update, { args: updateArgs }),
      );
      const fresh = await findEnrollment(db, p.workspaceId, enrollmentId);
      return c.json(toJson(fresh, view), 200);
    });
  }

  app.openapi(reschedule, async (c) => {
    const p = principalOf(c);
    const { enrollmentId } = c.req.valid('param');
    const args = c.req.valid('json');
    const row = await visibleEnrollment(db, p, enrollmentId);
    const view = await viaWorkflow(() => deps.temporal.workflow.getHandle(row.workflowId).executeUpdate(rescheduleUpdate, { args: [args] }));
    const fresh = await findEnrollment(db, p.workspaceId, enrollmentId);
    const requested = new Date(args.at).toISOString();
    // A workflow started before reschedules followed the rules takes the time as asked.
    const done = view.rescheduled ?? { stepId: view.stepId ?? '', requestedAt: requested, effectiveAt: requested, moved: false, because: [], timingRulesIgnored: true };
    return c.json({ ...toJson(fresh, view), reschedule: { ...done, because: done.because as z.infer<typeof Rescheduled>['because'] } }, 200);
  });

  return app;
}
