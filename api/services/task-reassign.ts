// Moving an open task to another rep's queue. Only the row changes (the workflow addresses
// tasks by id, not by rep); the timeline records who moved it, from whom, to whom and why.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { appendEvent } from '../../application/timeline.js';
import type { Database } from '../../db/client.js';
import { enrollments, tasks, users } from '../../db/schema.js';
import type { Principal } from '../middleware/auth.js';
import { ProblemError } from '../problem.js';

const noTask = () => new ProblemError('not-found', 404, 'no such task in this workspace');

export async function reassignTask(db: Database, who: Principal, taskId: string, to: { repId: string; reason: string }) {
  const [row] = await db
    .select({ task: tasks, managerId: users.managerId, prospectId: enrollments.prospectId })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.repId))
    .leftJoin(enrollments, eq(enrollments.id, tasks.enrollmentId))
    .where(and(eq(tasks.id, taskId), eq(tasks.workspaceId, who.workspaceId)));
  if (!row) throw noTask();
  if (who.role !== 'admin' && who.role !== 'ops') {
    // A rep key sees its own tasks and, for a manager, those of the reps it manages.
    const own = who.userId !== null && row.task.repId === who.userId;
    const manages = who.userId !== null && row.managerId === who.userId;
    if (!own && !manages) throw noTask();
    if (!manages) throw new ProblemError('forbidden', 403, "reassigning needs the ops role, or to be the rep's manager");
  }
  const [target] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, to.repId), eq(users.workspaceId, who.workspaceId)));
  if (!target) throw new ProblemError('not-found', 404, 'no such rep in this workspace', { errors: [{ field: 'body.repId', message: 'no such user in this workspace' }] });
  if (row.task.status !== 'open') throw new ProblemError('conflict', 409, `the task is already ${row.task.status}`);
  if (row.task.repId === to.repId) return row.task;

  return db.transaction(async (tx) => {
    // Guarded on the rep it had: two concurrent reassignments cannot both win.
    const [moved] = await tx
      .update(tasks)
      .set({ repId: to.repId })
      .where(and(eq(tasks.id, taskId), eq(tasks.repId, row.task.repId), eq(tasks.status, 'open')))
      .returning();
    if (!moved) throw new ProblemError('conflict', 409, 'the task changed meanwhile; read it again');
    await appendEvent(tx, {
      workspaceId: who.workspaceId,
      prospectId: row.prospectId,
      enrollmentId: row.task.enrollmentId,
      type: 'task.reassigned',
      payload: { taskId, stepId: row.task.stepKey, fromRepId: row.task.repId, toRepId: to.repId, reason: to.reason, byKeyId: who.keyId },
      dedupeKey: `task.reassigned:${taskId}:${randomUUID()}`,
    });
    return moved;
  });
}
