// A rep's queue: open tasks by due time, so overdue ones come first. The query is shaped for
// the tasks_queue index (workspace_id, rep_id, status, due_at): equality on the first three,
// a range and the order on due_at; the id only breaks ties. Also used by the benchmark.
import { and, asc, eq, gt, gte, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { tasks } from '../../db/schema.js';
import { encodeCursor } from '../pagination.js';
import { decodeTimeCursor, isoMicros, type TimeCursor } from './time-cursor.js';

export type TaskStatus = (typeof tasks.$inferSelect)['status'];
export type TaskRow = typeof tasks.$inferSelect;
export type TaskPage = { data: TaskRow[]; nextCursor: string | null };

const dueKey = isoMicros(tasks.dueAt);

/** Tasks after the cursor in (due_at, id) order; the `due_at >=` bound lets the index start there. */
function afterCondition(after: TimeCursor | null): SQL | undefined {
  if (!after) return undefined;
  const due = after.at;
  return and(gte(tasks.dueAt, due), or(gt(tasks.dueAt, due), and(eq(tasks.dueAt, due), gt(tasks.id, after.id))));
}

const selectPage = (db: Database, where: SQL | undefined, limit: number) =>
  db.select({ task: tasks, dueKey }).from(tasks).where(where).orderBy(asc(tasks.dueAt), asc(tasks.id)).limit(limit + 1);

function toPage(rows: { task: TaskRow; dueKey: string }[], limit: number): TaskPage {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data: data.map((r) => r.task), nextCursor: rows.length > limit && last ? encodeCursor({ k: last.dueKey, id: last.task.id }) : null };
}

export type RepQueueQuery = { workspaceId: string; repId: string; status?: TaskStatus; limit?: number; cursor?: string | undefined };

/** The queue's SQL, unexecuted: `.toSQL()` gives what EXPLAIN should see. */
export function repQueueQuery(db: Database, q: RepQueueQuery) {
  const where = and(eq(tasks.workspaceId, q.workspaceId), eq(tasks.repId, q.repId), eq(tasks.status, q.status ?? 'open'), afterCondition(decodeTimeCursor(q.cursor)));
  return selectPage(db, where, q.limit ?? 50);
}

/** One page of a rep's queue in due order (overdue first), after `cursor`. */
export async function repQueue(db: Database, q: RepQueueQuery): Promise<TaskPage> {
  return toPage(await repQueueQuery(db, q), q.limit ?? 50);
}

/** Ops' view: the workspace's tasks, optionally of one status and one rep, in due order. */
export async function workspaceTasks(
  db: Database,
  q: { workspaceId: string; repId?: string | undefined; status?: TaskStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<TaskPage> {
  const where = and(
    eq(tasks.workspaceId, q.workspaceId),
    q.repId ? eq(tasks.repId, q.repId) : undefined,
    q.status ? eq(tasks.status, q.status) : undefined,
    afterCondition(decodeTimeCursor(q.cursor)),
  );
  return toPage(await selectPage(db, where, q.limit), q.limit);
}
