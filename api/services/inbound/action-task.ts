// The task an action provider's result is about. Providers name the action id they were given
// (the touch id, also the `webhook-id` suffix of the request); the task is the one of the same
// enrollment and step visit. Everything is scoped to the delivery's workspace.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { enrollments, tasks, touches } from '../../../db/schema.js';

export type TaskRef = { task: typeof tasks.$inferSelect; workflowId: string; prospectId: string };

const select = (db: Database) =>
  db.select({ task: tasks, workflowId: enrollments.workflowId, prospectId: enrollments.prospectId }).from(tasks).innerJoin(enrollments, eq(enrollments.id, tasks.enrollmentId));

/** The task of an action (touch) id, whatever its status; null when the id is unknown here. */
export async function taskOfAction(db: Database, workspaceId: string, actionId: string): Promise<TaskRef | null> {
  const [row] = await select(db)
    .innerJoin(touches, and(eq(touches.enrollmentId, tasks.enrollmentId), eq(touches.stepKey, tasks.stepKey)))
    .where(and(eq(touches.id, actionId), eq(touches.workspaceId, workspaceId), eq(tasks.workspaceId, workspaceId)));
  return row ?? null;
}

/** A task by id, or the prospect's oldest open task of a kind. */
export async function findTask(db: Database, workspaceId: string, by: { taskId: string } | { prospectId: string; kind: string }): Promise<TaskRef | null> {
  const where: SQL | undefined =
    'taskId' in by ? eq(tasks.id, by.taskId) : and(eq(enrollments.prospectId, by.prospectId), eq(tasks.kind, by.kind), eq(tasks.status, 'open'));
  const [row] = await select(db)
    .where(and(eq(tasks.workspaceId, workspaceId), where))
    .orderBy(asc(tasks.dueAt))
    .limit(1);
  return row ?? null;
}

/** Keeps a call's recording with the outcome the workflow wrote (the outcome schema is the rep's). */
export async function addRecordingUrl(db: Database, taskId: string, url: string): Promise<void> {
  await db
    .update(tasks)
    .set({ outcome: sql`coalesce(${tasks.outcome}, '{}'::jsonb) || jsonb_build_object('recordingUrl', ${url}::text)` })
    .where(eq(tasks.id, taskId));
}
