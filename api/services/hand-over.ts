// Handing a person's work to another: a rep who leaves (deactivated) or changes territory. Their
// cadences not over (pending, running, paused) change rep, so every later task, call slot and
// email is the new rep's (emails leave from the new rep's default mailbox); their open and
// upcoming tasks and the call slots already promised move too. Nothing is left in the queue of
// someone who will never read it. Each cadence moved says so on its timeline and webhook.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { callSlots, enrollments, events, mailboxes, tasks, users } from '../../db/schema.js';
import { ProblemError } from '../problem.js';

/** What `from` still has to do: the cadences not over and the tasks waiting for them. */
export async function workOf(db: DbOrTx, workspaceId: string, from: string) {
  const [cadences] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enrollments)
    .where(and(eq(enrollments.workspaceId, workspaceId), eq(enrollments.repId, from), inArray(enrollments.status, ['pending', 'active', 'paused'])));
  const [open] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.repId, from), inArray(tasks.status, ['open', 'upcoming'])));
  return { cadences: cadences!.n, tasks: open!.n };
}

/** The person taking over: in the workspace, active, not the one leaving; else 422 naming `field`. */
export async function requireSuccessor(db: DbOrTx, workspaceId: string, from: string, to: string, field: string) {
  const refuse = (message: string) => new ProblemError('validation-failed', 422, `${field}: ${message}`, { errors: [{ field, message }] });
  if (to === from) throw refuse('the work would stay with the same person');
  const [row] = await db.select({ id: users.id, deactivatedAt: users.deactivatedAt }).from(users).where(and(eq(users.id, to), eq(users.workspaceId, workspaceId)));
  // 422, not 404: the path's person exists; it is the field that names nobody.
  if (!row) throw refuse('no such user in this workspace');
  if (row.deactivatedAt) throw refuse('this person is deactivated');
}

export type HandOver = { workspaceId: string; from: string; to: string; reason: string; byKeyId: string | null; now: Date };

/**
 * Moves `from`'s work to `to` in the transaction given. Returns the workflows of the moved
 * cadences (to be told once committed) and the counts. A promised call whose time `to` already
 * has taken keeps its slot under `from` (the call task still moves): counted as a clash to settle.
 */
export async function moveWork(tx: DbOrTx, h: HandOver) {
  const mine = and(eq(enrollments.workspaceId, h.workspaceId), eq(enrollments.repId, h.from), inArray(enrollments.status, ['pending', 'active', 'paused']));
  const moved = await tx
    .update(enrollments)
    .set({
      repId: h.to,
      // A mailbox of the person leaving is not the new rep's: the new rep's default takes over.
      mailboxId: sql`case when ${enrollments.mailboxId} in (select ${mailboxes.id} from ${mailboxes} where ${mailboxes.userId} = ${h.from}) then null else ${enrollments.mailboxId} end`,
    })
    .where(mine)
    .returning({ id: enrollments.id, prospectId: enrollments.prospectId, workflowId: enrollments.workflowId, status: enrollments.status });
  const tasksMoved = await tx
    .update(tasks)
    .set({ repId: h.to })
    .where(and(eq(tasks.workspaceId, h.workspaceId), eq(tasks.repId, h.from), inArray(tasks.status, ['open', 'upcoming'])))
    .returning({ id: tasks.id });
  const taken = alias(callSlots, 'taken');
  const slotsMoved = await tx
    .update(callSlots)
    .set({ repId: h.to })
    .where(
      and(
        eq(callSlots.workspaceId, h.workspaceId),
        eq(callSlots.repId, h.from),
        eq(callSlots.status, 'reserved'),
        gt(callSlots.startsAt, h.now),
        notExists(tx.select({ one: sql`1` }).from(taken).where(and(eq(taken.repId, h.to), eq(taken.startsAt, callSlots.startsAt), eq(taken.status, 'reserved')))),
      ),
    )
    .returning({ id: callSlots.id });
  const [clashes] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(callSlots)
    .where(and(eq(callSlots.workspaceId, h.workspaceId), eq(callSlots.repId, h.from), eq(callSlots.status, 'reserved'), gt(callSlots.startsAt, h.now)));
  if (moved.length > 0) {
    const batch = randomUUID();
    await tx
      .insert(events)
      .values(
        moved.map((e) => ({
          workspaceId: h.workspaceId,
          prospectId: e.prospectId,
          enrollmentId: e.id,
          type: 'enrollment.handed_over',
          payload: { fromRepId: h.from, toRepId: h.to, reason: h.reason, byKeyId: h.byKeyId },
          dedupeKey: `enrollment.handed_over:${e.id}:${batch}`,
          occurredAt: h.now,
        })),
      )
      .onConflictDoNothing({ target: [events.workspaceId, events.dedupeKey] });
  }
  return {
    workflowIds: moved.filter((e) => e.status !== 'pending').map((e) => e.workflowId),
    counts: { cadencesMoved: moved.length, tasksMoved: tasksMoved.length, callSlotsMoved: slotsMoved.length, callSlotClashes: clashes!.n },
  };
}
