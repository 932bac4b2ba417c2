// The cadence tests' reads of the database: an enrollment's, a task's or a prospect's rows, and
// the snapshot a refused request must leave untouched.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { callSlots, enrollments, events, prospects, tasks, touches } from '../../db/schema.js';
import type { CadenceHarness, Enrolled } from './cadence.js';

/** Everything a refused request must leave untouched for one enrollment. */
export async function snapshot(h: CadenceHarness, e: Enrolled) {
  const db = h.db.db;
  const [enrollment] = await db.select().from(enrollments).where(eq(enrollments.id, e.id));
  return {
    enrollment,
    tasks: await db.select().from(tasks).where(eq(tasks.enrollmentId, e.id)).orderBy(tasks.createdAt),
    touches: await db.select().from(touches).where(eq(touches.enrollmentId, e.id)),
    slots: await db.select().from(callSlots).where(eq(callSlots.enrollmentId, e.id)),
    events: (await db.select({ id: events.id, type: events.type }).from(events).where(eq(events.enrollmentId, e.id)).orderBy(events.id)),
  };
}

export async function eventTypes(h: CadenceHarness, e: Enrolled): Promise<string[]> {
  return (await h.db.db.select({ type: events.type }).from(events).where(eq(events.enrollmentId, e.id)).orderBy(events.id)).map((x) => x.type);
}

export async function taskRow(h: CadenceHarness, taskId: string) {
  const [row] = await h.db.db.select().from(tasks).where(eq(tasks.id, taskId));
  return row!;
}

export async function enrollmentRow(h: CadenceHarness, e: Enrolled) {
  const [row] = await h.db.db.select().from(enrollments).where(eq(enrollments.id, e.id));
  return row!;
}

export async function prospectRow(h: CadenceHarness, prospectId: string) {
  const [row] = await h.db.db.select().from(prospects).where(eq(prospects.id, prospectId));
  return row!;
}

/** Touch and task rows of every enrollment of a prospect. */
export async function prospectActivity(h: CadenceHarness, prospectId: string) {
  const db = h.db.db;
  const ids = (await db.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.prospectId, prospectId))).map((r) => r.id);
  if (ids.length === 0) return { touches: 0, tasks: 0, openTasks: 0 };
  const t = await db.select().from(tasks).where(inArray(tasks.enrollmentId, ids));
  return {
    touches: (await db.select({ id: touches.id }).from(touches).where(eq(touches.prospectId, prospectId))).length,
    tasks: t.length,
    openTasks: t.filter((x) => x.status === 'open').length,
  };
}

export async function reservedSlots(h: CadenceHarness, e: Enrolled) {
  return h.db.db.select().from(callSlots).where(and(eq(callSlots.enrollmentId, e.id), eq(callSlots.status, 'reserved')));
}

export async function taskRows(h: CadenceHarness, enrollmentId: string) {
  return h.db.db.select().from(tasks).where(eq(tasks.enrollmentId, enrollmentId)).orderBy(asc(tasks.createdAt));
}

export async function eventRows(h: CadenceHarness, enrollmentId: string) {
  return h.db.db.select().from(events).where(eq(events.enrollmentId, enrollmentId)).orderBy(asc(events.id));
}
