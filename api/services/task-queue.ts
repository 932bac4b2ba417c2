// A rep's queue (PLAYBOOK §6, §1): an inbound lead's expected callback first, then an announced
// call due now, then the rest by due time, so overdue tasks come before upcoming ones. "Due
// now" is a due time up to DUE_NOW_LEAD_MS ahead; a ranked task due later (a lead that arrived
// at night, due when the call window opens) waits among the upcoming tasks by its due time and
// tops the queue once that time comes.
//
// Each bucket is its own keyset query on an index: the ranked ones on tasks_queue_priority
// (partial, queue_rank < 2: a handful of rows), the rest on tasks_queue (workspace_id, rep_id,
// status, due_at), whose filter only skips the few ranked tasks due now. A page reads the
// buckets it still needs in one round trip (UNION ALL, each leg limited to the page). Its cursor carries the bucket, the last (due_at, id) and
// the instant the first page was drawn at, so a task crossing the "due now" line while the
// rep pages neither repeats nor disappears. Also used by the benchmark.
import { and, asc, eq, gt, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { tasks } from '../../db/schema.js';
import { DUE_NOW_LEAD_MS, QUEUE_RANK } from '../../domain/cadence/queue-rank.js';
import { z } from '@hono/zod-openapi';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { decodeTimeCursor, isoMicros, TimeCursorShape, type TimeCursor } from './time-cursor.js';

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

/** `now`: the instant a first page is drawn at (default: Date.now()); later pages keep their cursor's. */
export type RepQueueQuery = { workspaceId: string; repId: string; status?: TaskStatus; limit?: number; cursor?: string | undefined; now?: number };
/** `now`: the instant the queue was drawn at, which its buckets (and `queuePriority`) are relative to. */
export type RepQueuePage = TaskPage & { now: number };

/** 0 expected callbacks due now, 1 announced calls due now, 2 the rest. Closed tasks: only 2. */
type Bucket = 0 | 1 | 2;
type QueueCursor = TimeCursor & { bucket: Bucket; now: number };

/** The queue's cursor: the time cursor's (k, id), plus the bucket and the instant of the first page. */
const QueueCursorShape = TimeCursorShape.extend({ b: z.union([z.literal(0), z.literal(1), z.literal(2)]), n: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

function decodeQueueCursor(raw: string | undefined): QueueCursor | null {
  const c = decodeCursor(raw, QueueCursorShape);
  return c ? { at: sql`${c.k}::timestamptz`, id: c.id, bucket: c.b, now: c.n } : null;
}

function bucketCondition(bucket: Bucket, open: boolean, horizon: Date): SQL | undefined {
  if (!open) return undefined;
  if (bucket === 2) return or(eq(tasks.queueRank, QUEUE_RANK.other), gt(tasks.dueAt, horizon));
  return and(eq(tasks.queueRank, bucket === 0 ? QUEUE_RANK.expectedCallback : QUEUE_RANK.announcedCall), lte(tasks.dueAt, horizon));
}

/** The buckets a page of this status reads, in order. */
const bucketsOf = (status: TaskStatus): Bucket[] => (status === 'open' ? [0, 1, 2] : [2]);

/** One bucket's keyset query (`limit + 1` rows), tagged with its bucket for the page's order. */
function bucketQuery(db: Database, q: RepQueueQuery, bucket: Bucket, horizon: Date, after: TimeCursor | null, limit: number) {
  const status = q.status ?? 'open';
  const where = and(eq(tasks.workspaceId, q.workspaceId), eq(tasks.repId, q.repId), eq(tasks.status, status), bucketCondition(bucket, status === 'open', horizon), afterCondition(after));
  return db
    .select({ task: tasks, dueKey, bucket: sql<Bucket>`${sql.raw(String(bucket))}`.as('bucket') })
    .from(tasks)
    .where(where)
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(limit + 1);
}

/** One bucket's SQL, unexecuted: `.toSQL()` gives what EXPLAIN should see. */
export function repQueueQuery(db: Database, q: RepQueueQuery & { bucket?: Bucket }) {
  return bucketQuery(db, q, q.bucket ?? 2, new Date((q.now ?? Date.now()) + DUE_NOW_LEAD_MS), null, q.limit ?? 50);
}

/** One page of a rep's queue after `cursor` (`queuePriority` says why each task is where it is). */
export async function repQueue(db: Database, q: RepQueueQuery): Promise<RepQueuePage> {
  const status = q.status ?? 'open';
  const limit = q.limit ?? 50;
  const cursor = decodeQueueCursor(q.cursor);
  const now = cursor?.now ?? q.now ?? Date.now();
  const horizon = new Date(now + DUE_NOW_LEAD_MS);
  // The buckets left to read, each its own index range, in one round trip (UNION ALL).
  const [first, ...rest] = bucketsOf(status)
    .filter((b) => !cursor || b >= cursor.bucket)
    .map((b) => bucketQuery(db, q, b, horizon, cursor && b === cursor.bucket ? cursor : null, limit));
  const rows = rest.length > 0 ? await unionAll(first!, rest[0]!, ...rest.slice(1)).orderBy(sql`bucket`, asc(tasks.dueAt), asc(tasks.id)).limit(limit + 1) : await first!;
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return {
    data: data.map((r) => r.task),
    nextCursor: rows.length > limit && last ? encodeCursor({ k: last.dueKey, id: last.task.id, b: last.bucket, n: now }) : null,
    now,
  };
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
