// Enrollments: a prospect enrolled in a sequence, run by one workflow with a deterministic id.
// Rep and ops actions (pause, resume, stop, skip, reschedule) go through workflow Updates.
import { OpenAPIHono } from '@hono/zod-openapi';
import { enrollments } from '../../db/schema.js';
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
import { problemResponse } from '../problem.js';
import { createRoute, findEnrollment, jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { principalOf, requireRole, type AuthEnv } from '../middleware/auth.js';
import { enroll } from '../services/enroll.js';
import { viaWorkflow } from '../temporal-errors.js';

const EnrollmentCreate = z
  .strictObject({
    prospectId: z.uuid(),
    sequenceId: z.uuid(),
    repId: z.uuid(),
    context: z.string().max(2000).optional().openapi({ example: 'your Series B announced on Monday' }),
    pretext: z.string().max(2000).optional().openapi({ example: 'We helped Acme cut ramp-up time by 30%.' }),
    startAt: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi('EnrollmentCreate');

const Upcoming = z.object({ stepId: z.string(), type: z.string(), dueAt: z.string() });
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
    stopReason: z.string().nullable(),
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

const create = createRoute({
  method: 'post',
  path: '/v1/enrollments',
  tags: ['enrollments'],
  summary: 'Enroll a prospect in a sequence (idempotent: enrolling twice returns the same enrollment)',
  request: { body: jsonBody(EnrollmentCreate) },
  responses: {
    201: jsonResponse(Enrollment, 'Enrolled; the workflow started'),
    200: jsonResponse(Enrollment, 'Already enrolled'),
    404: problemResponse('Prospect, sequence or rep not found in this workspace'),
    409: problemResponse('Opted-out prospect, archived or unpublished sequence'),
    422: problemResponse('Invalid body'),
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/enrollments/{enrollmentId}',
  tags: ['enrollments'],
  summary: 'One enrollment with its status, history and upcoming steps with their due times',
  request: { params: EnrollmentParams },
  responses: {
    200: jsonResponse(Enrollment, 'The enrollment'),
    404: problemResponse('No such enrollment in this workspace'),
  },
});

const Reason = z.string().min(1).max(500);
const actions = {
  pause: { update: pauseUpdate, body: z.strictObject({ reason: Reason.optional(), until: z.iso.datetime({ offset: true }).optional() }), summary: 'Pause the cadence (until a date, or until resumed)' },
  resume: { update: resumeUpdate, body: z.strictObject({ reason: Reason.optional() }), summary: 'Resume a paused cadence' },
  stop: { update: stopUpdate, body: z.strictObject({ reason: Reason }), summary: 'Stop the cadence for good' },
  skip: { update: skipUpdate, body: z.strictObject({ reason: Reason }), summary: 'Skip the current step' },
  reschedule: { update: rescheduleUpdate, body: z.strictObject({ at: z.iso.datetime({ offset: true }), reason: Reason }), summary: 'Move the next step to another time' },
} as const;

export function enrollmentRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();

  app.openapi(create, async (c) => {
    const { workspaceId } = principalOf(c);
    const { row, created } = await enroll(deps, workspaceId, c.req.valid('json'));
    return created ? c.json(toJson(row), 201) : c.json(toJson(row), 200);
  });

  app.openapi(get, async (c) => {
    const { workspaceId } = principalOf(c);
    const { enrollmentId } = c.req.valid('param');
    const row = await findEnrollment(deps.db, workspaceId, enrollmentId);
    const live = await deps.temporal.workflow
      .getHandle(row.workflowId)
      .query(statusQuery)
      .catch(() => null);
    return c.json(toJson(row, live), 200);
  });

  for (const [name, action] of Object.entries(actions)) {
    const route = createRoute({
      method: 'post',
      path: `/v1/enrollments/{enrollmentId}/${name}`,
      tags: ['enrollments'],
      summary: action.summary,
      request: { params: EnrollmentParams, body: jsonBody(action.body) },
      responses: {
        200: jsonResponse(Enrollment, 'The enrollment after the action'),
        404: problemResponse('No such enrollment in this workspace'),
        409: problemResponse('The action does not fit the enrollment state'),
        422: problemResponse('Invalid body'),
      },
    });
    app.openapi(route, async (c) => {
      const { workspaceId } = principalOf(c);
    const { enrollmentId } = c.req.valid('param');
      const args = c.req.valid('json');
      const row = await findEnrollment(deps.db, workspaceId, enrollmentId);
      const view = await viaWorkflow(() =>
        deps.temporal.workflow.getHandle(row.workflowId).executeUpdate(action.update as typeof stopUpdate, { args: [args as { reason: string }] }),
      );
      const fresh = await findEnrollment(deps.db, workspaceId, enrollmentId);
      return c.json(toJson(fresh, view), 200);
    });
  }

  return app;
}
