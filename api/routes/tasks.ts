// A rep's queue, ops' task list, completing a task with an outcome and reassigning it.
// Completion goes through the enrollment's workflow (an Update), which closes the row: the
// two never disagree. A rep key only sees its own tasks: others' are "not found".
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { enrollments, tasks, users } from '../../db/schema.js';
import { TaskOutcomeSchema } from '../../domain/cadence/outcome.js';
import { completeTaskUpdate } from '../../workflows/enrollment/messages.js';
import { clockOf, type ApiDeps } from '../deps.js';
import { PageQuery, pageSchema } from '../pagination.js';
import { ProblemError, problemResponse } from '../problem.js';
import { jsonResponse, pathId, z } from '../scope.js';
import { resourceRoutes } from '../resource-routes.js';
import { principalOf, type AuthEnv, type Principal } from '../middleware/auth.js';
import { completeSystemTask, isSystemTaskKind } from '../../application/system-tasks.js';
import { reassignTask } from '../services/task-reassign.js';
import { repQueue, workspaceTasks } from '../services/task-queue.js';
import { QUEUE_PRIORITIES, queuePriority } from '../../domain/cadence/queue-rank.js';
import { viaWorkflow } from '../temporal-errors.js';
import { defineRoute } from '../access.js';
import { managesRep } from '../auth/reports.js';
import { isHandoffTaskKind } from '../../domain/handoffs/vocabulary.js';
import { requireFieldRep } from '../services/handoff-reads.js';

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
    priority: z.enum(QUEUE_PRIORITIES).nullable().openapi({
      description:
        "Why an open task is where it is in the rep's queue: an inbound lead's expected callback due now, an announced call due now (within 10 minutes), then the rest by due time, due (overdue or due now) before upcoming. Null once closed.",
    }),
    status: z.string(),
    prep: z.record(z.string(), z.unknown()),
    outcome: z.record(z.string(), z.unknown()).nullable(),
    completedAt: z.string().nullable(),
  })
  .openapi('Task');

type TaskRow = typeof tasks.$inferSelect;
const toJson = (t: TaskRow, now = Date.now()): z.infer<typeof Task> => ({
  priority: t.status === 'open' ? queuePriority(t, now) : null,
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

/** upcoming: an announced call whose slot is reserved but whose email has not left (prepare it; not yet actionable). */
const Status = z.enum(['upcoming', 'open', 'done', 'missed', 'cancelled']).openapi({
  description: 'open: actionable; upcoming: an announced call planned (its slot reserved) whose email has not left yet, shown so the rep prepares, not yet actionable; done, missed, cancelled: closed',
});
const task = resourceRoutes({ base: '/v1/tasks', id: 'taskId', noun: 'task', plural: 'tasks', tags: ['tasks'] });
const notFound = () => new ProblemError('not-found', 404, 'no such task in this workspace');
/** A rep key acts only as its own rep. */
const isOtherRep = (p: Principal, repId: string) => p.role === 'rep' && p.userId !== repId;

const routes = {
  queue: defineRoute({
    method: 'get',
    path: '/v1/reps/{repId}/tasks',
    tags: ['tasks'],
    summary: "A rep's task queue: expected callbacks due now, announced calls due now, then the rest by due time (overdue first); `status=upcoming` lists the announced calls planned whose email has not left yet",
    access: ['ops', 'rep'] as const,
    request: { params: z.object({ repId: pathId('repId') }), query: PageQuery.extend({ status: Status.default('open') }) },
    responses: {
      200: jsonResponse(pageSchema(Task), 'A page of the queue'),
      400: problemResponse('Bad query or cursor'),
      404: problemResponse('No such rep in this workspace (or another rep than the key)'),
    },
  }),
  list: task.list({
    summary: "The workspace's tasks in due order, by status and rep",
    access: ['ops'] as const,
    item: Task,
    query: PageQuery.extend({ status: Status.optional(), repId: z.uuid().optional() }),
  }),
  get: task.get({ summary: 'One task', access: ['ops', 'rep'] as const, returns: Task }),
  complete: task.on({
    method: 'post',
    sub: 'complete',
    summary: 'Complete a task with its outcome (call outcomes, notes, objections, callback time, blocker)',
    access: ['ops', 'rep'] as const,
    body: TaskOutcomeSchema.openapi('TaskOutcome'),
    returns: z.object({ task: Task, enrollmentStatus: z.string(), next: z.object({ stepId: z.string(), dueAt: z.string() }).nullable() }),
    done: 'Completed; what comes next',
    responses: {
      409: problemResponse('The task is not open (upcoming: not actionable yet; already completed, missed or cancelled), or it asks for a meeting\'s outcome (recorded on its handoff)'),
      422: problemResponse('The outcome does not fit the step'),
    },
  }),
  reassign: task.on({
    method: 'post',
    sub: 'reassign',
    summary: "Move an open task to another rep's queue (ops, or the rep's manager)",
    access: ['ops', 'rep'] as const,
    body: z.strictObject({ repId: z.uuid(), reason: z.string().min(1).max(500) }),
    returns: Task,
    done: 'Reassigned',
    responses: { 403: problemResponse("Neither ops nor the rep's manager"), 404: problemResponse('No such task or rep in this workspace'), 409: problemResponse('The task is not open') },
  }),
};

export function taskRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;
  const clock = clockOf(deps);

  app.openapi(routes.queue, async (c) => {
    const p = principalOf(c);
    const { repId } = c.req.valid('param');
    const { status, limit, cursor } = c.req.valid('query');
    if (isOtherRep(p, repId) && !(await managesRep(db, p, repId))) throw new ProblemError('not-found', 404, 'no such rep in this workspace');
    const [rep] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, repId), eq(users.workspaceId, p.workspaceId)));
    if (!rep) throw new ProblemError('not-found', 404, 'no such rep in this workspace');
    const result = await repQueue(db, { workspaceId: p.workspaceId, repId, status, limit, cursor, now: await clock() });
    // The instant the queue was drawn at (kept across its pages): positions and labels agree.
    return c.json({ data: result.data.map((t) => toJson(t, result.now)), nextCursor: result.nextCursor }, 200);
  });

  app.openapi(routes.list, async (c) => {
    const { workspaceId } = principalOf(c);
    const result = await workspaceTasks(db, { workspaceId, ...c.req.valid('query') });
    const now = await clock();
    return c.json({ data: result.data.map((t) => toJson(t, now)), nextCursor: result.nextCursor }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const p = principalOf(c);
    const [task] = await db.select().from(tasks).where(and(eq(tasks.id, c.req.valid('param').taskId), eq(tasks.workspaceId, p.workspaceId)));
    if (!task || isOtherRep(p, task.repId)) throw notFound();
    return c.json(toJson(task, await clock()), 200);
  });

  // Not a cadence step (an uncertain send to check, a mailbox to reconnect): no workflow involved.
  const completeSystem = async (task: TaskRow, outcome: z.infer<typeof TaskOutcomeSchema>) => {
    if (outcome.outcome !== 'done') {
      throw new ProblemError('validation-failed', 422, `body.outcome: a ${task.kind} task is completed with "done"`, { errors: [{ field: 'body.outcome', message: 'expected "done"' }] });
    }
    const done = await completeSystemTask(db, { workspaceId: task.workspaceId, taskId: task.id, note: outcome.note });
    if (!done) throw new ProblemError('conflict', 409, 'the task is already closed');
    const [enrollment] = task.enrollmentId ? await db.select({ status: enrollments.status }).from(enrollments).where(eq(enrollments.id, task.enrollmentId)) : [];
    return { task: toJson(done), enrollmentStatus: enrollment?.status ?? 'none', next: null };
  };

  app.openapi(routes.complete, async (c) => {
    const p = principalOf(c);
    const { taskId } = c.req.valid('param');
    const outcome = c.req.valid('json');
    const [row] = await db
      .select({ task: tasks, workflowId: enrollments.workflowId })
      .from(tasks)
      .leftJoin(enrollments, eq(enrollments.id, tasks.enrollmentId))
      .where(and(eq(tasks.id, taskId), eq(tasks.workspaceId, p.workspaceId)));
    if (!row || isOtherRep(p, row.task.repId)) throw notFound();
    if (row.task.status === 'upcoming') throw new ProblemError('conflict', 409, 'the task is not actionable yet: the email announcing this call has not left');
    if (row.task.status !== 'open') throw new ProblemError('conflict', 409, `the task is already ${row.task.status}`);
    if (isSystemTaskKind(row.task.kind)) return c.json(await completeSystem(row.task, outcome), 200);
    if (isHandoffTaskKind(row.task.kind)) {
      const handoffId = (row.task.prep as { handoffId?: string }).handoffId;
      throw new ProblemError('conflict', 409, `a meeting's outcome is recorded on its handoff: POST /v1/handoffs/${handoffId}/outcome`);
    }
    if (outcome.meeting?.fieldRepId) await requireFieldRep(db, p.workspaceId, outcome.meeting.fieldRepId, 'body.meeting.fieldRepId');
    if (!row.workflowId) throw new ProblemError('conflict', 409, 'the task has no enrollment to report to');
    const result = await viaWorkflow(() =>
      deps.temporal.workflow.getHandle(row.workflowId!).executeUpdate(completeTaskUpdate, { args: [{ taskId, ...outcome }] }),
    );
    const [fresh] = await db.select().from(tasks).where(eq(tasks.id, taskId));
    return c.json({ task: toJson(fresh!), enrollmentStatus: result.status, next: result.next }, 200);
  });

  app.openapi(routes.reassign, async (c) => {
    const moved = await reassignTask(db, principalOf(c), c.req.valid('param').taskId, c.req.valid('json'));
    return c.json(toJson(moved), 200);
  });

  return app;
}
