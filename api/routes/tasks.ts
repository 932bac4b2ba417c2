// A rep's queue, and completing a task with an outcome. Completion goes through the
// enrollment's workflow (an Update), which closes the row: the two never disagree.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { enrollments, tasks, users } from '../../db/schema.js';
import { TaskOutcomeSchema } from '../../domain/cadence/outcome.js';
import { completeTaskUpdate } from '../../workflows/enrollment/messages.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { createRoute, jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { principalOf, requireRole, type AuthEnv } from '../middleware/auth.js';
import { viaWorkflow } from '../temporal-errors.js';

const Task = z
  .object({
    id: z.uuid(),
    enrollmentId: z.uuid().nullable(),
    repId: z.uuid(),
    stepKey: z.string(),
    kind: z.string(),
    title: z.string(),
    dueAt: z.string(),
    overdue: z.boolean(),
    status: z.string(),
    prep: z.record(z.string(), z.unknown()),
    outcome: z.record(z.string(), z.unknown()).nullable(),
    completedAt: z.string().nullable(),
  })
  .openapi('Task');

type TaskRow = typeof tasks.$inferSelect;
const toJson = (t: TaskRow, now = Date.now()): z.infer<typeof Task> => ({
  id: t.id,
  enrollmentId: t.enrollmentId,
  repId: t.repId,
  stepKey: t.stepKey,
  kind: t.kind,
  title: t.title,
  dueAt: t.dueAt.toISOString(),
  overdue: t.status === 'open' && t.dueAt.getTime() < now,
  status: t.status,
  prep: t.prep as Record<string, unknown>,
  outcome: (t.outcome as Record<string, unknown> | null) ?? null,
  completedAt: t.completedAt?.toISOString() ?? null,
});

const queue = createRoute({
  method: 'get',
  path: '/v1/reps/{repId}/tasks',
  tags: ['tasks'],
  summary: "A rep's task queue, ordered by due time (overdue first)",
  request: {
    params: z.object({ repId: pathId('repId') }),
    query: z.object({
      status: z.enum(['open', 'done', 'missed', 'cancelled']).default('open'),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ data: z.array(Task) }), 'The queue'),
    404: problemResponse('No such rep in this workspace'),
  },
});

const CompleteBody = TaskOutcomeSchema.openapi('TaskOutcome');
const complete = createRoute({
  method: 'post',
  path: '/v1/tasks/{taskId}/complete',
  tags: ['tasks'],
  summary: 'Complete a task with its outcome (call outcomes, notes, objections, callback time, blocker)',
  request: { params: z.object({ taskId: pathId('taskId') }), body: jsonBody(CompleteBody) },
  responses: {
    200: jsonResponse(z.object({ task: Task, enrollmentStatus: z.string(), next: z.object({ stepId: z.string(), dueAt: z.string() }).nullable() }), 'Completed; what comes next'),
    404: problemResponse('No such task in this workspace'),
    409: problemResponse('The task is not open (already completed, missed or cancelled)'),
    422: problemResponse('The outcome does not fit the step'),
  },
});

export function taskRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();

  app.openapi(queue, async (c) => {
    const { workspaceId } = principalOf(c);
    const { repId } = c.req.valid('param');
    const { status, limit } = c.req.valid('query');
    const [rep] = await deps.db.select({ id: users.id }).from(users).where(and(eq(users.id, repId), eq(users.workspaceId, workspaceId)));
    if (!rep) throw new ProblemError('not-found', 404, 'no such rep in this workspace');
    const rows = await deps.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.repId, repId), inArray(tasks.status, [status])))
      .orderBy(asc(tasks.dueAt), asc(tasks.createdAt))
      .limit(limit);
    const now = Date.now();
    return c.json({ data: rows.map((t) => toJson(t, now)) }, 200);
  });

  app.openapi(complete, async (c) => {
    const { workspaceId } = principalOf(c);
    const { taskId } = c.req.valid('param');
    const outcome = c.req.valid('json');
    const [row] = await deps.db
      .select({ task: tasks, workflowId: enrollments.workflowId })
      .from(tasks)
      .leftJoin(enrollments, eq(enrollments.id, tasks.enrollmentId))
      .where(and(eq(tasks.id, taskId), eq(tasks.workspaceId, workspaceId)));
    if (!row) throw new ProblemError('not-found', 404, 'no such task in this workspace');
    if (row.task.status !== 'open') throw new ProblemError('conflict', 409, `the task is already ${row.task.status}`);
    if (!row.workflowId) throw new ProblemError('conflict', 409, 'the task has no enrollment to report to');
    const result = await viaWorkflow(() =>
      deps.temporal.workflow.getHandle(row.workflowId!).executeUpdate(completeTaskUpdate, { args: [{ taskId, ...outcome }] }),
    );
    const [fresh] = await deps.db.select().from(tasks).where(eq(tasks.id, taskId));
    return c.json({ task: toJson(fresh!), enrollmentStatus: result.status, next: result.next }, 200);
  });

  return app;
}
