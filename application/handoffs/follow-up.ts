// The follow-up of a booked meeting, step by step, as the handoff workflow drives it: ask the
// field rep for the outcome once the meeting is over, remind them, tell their manager; record
// the outcome or the new time. Each write is idempotent (guarded by the row's status and
// timestamps, tasks and events by unique keys): a retried activity changes nothing twice.
import { and, eq, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.js';
import { accounts, handoffs, prospects, tasks, users, workspaces } from '../../db/schema.js';
import { HandoffPolicySchema, type HandoffPolicy } from '../../domain/handoffs/policy.js';
import { FINAL_MEETING_OUTCOMES, type FinalMeetingOutcome } from '../../domain/handoffs/vocabulary.js';
import { appendEvent } from '../timeline.js';
import { meetingBrief } from './brief.js';

type HandoffRow = typeof handoffs.$inferSelect;

export type HandoffFollowUpState = {
  status: HandoffRow['status'];
  meetingAt: string | null;
  fieldRepId: string | null;
  outcomeRequestedAt: string | null;
  remindedAt: string | null;
  managerAlertedAt: string | null;
  policy: HandoffPolicy;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function handoffFollowUpState(db: Database, i: { workspaceId: string; handoffId: string }): Promise<HandoffFollowUpState | null> {
  const [row] = await db
    .select({ h: handoffs, policy: workspaces.handoffPolicy })
    .from(handoffs)
    .innerJoin(workspaces, eq(workspaces.id, handoffs.workspaceId))
    .where(and(eq(handoffs.id, i.handoffId), eq(handoffs.workspaceId, i.workspaceId)));
  if (!row) return null;
  const { h } = row;
  return {
    status: h.status,
    meetingAt: iso(h.meetingAt),
    fieldRepId: h.fieldRepId,
    outcomeRequestedAt: iso(h.outcomeRequestedAt),
    remindedAt: iso(h.remindedAt),
    managerAlertedAt: iso(h.managerAlertedAt),
    policy: HandoffPolicySchema.parse(row.policy ?? {}),
  };
}

/** The handoff's tasks are keyed `handoff:<id>:...`: one question and one manager nudge per meeting time. */
const taskKey = (h: HandoffRow, what: 'outcome' | 'overdue') => `handoff:${h.id}:${what}:${h.reschedules}`;
const eventBase = (h: HandoffRow) => ({ workspaceId: h.workspaceId, prospectId: h.prospectId, enrollmentId: h.enrollmentId });

/** Writes a follow-up step on the handoff when it still stands where `guards` say; undefined when it has moved on (or a retried attempt wrote it). */
async function advance(tx: DbOrTx, i: { workspaceId: string; handoffId: string }, set: Partial<HandoffRow>, ...guards: SQL[]): Promise<HandoffRow | undefined> {
  const [h] = await tx
    .update(handoffs)
    .set(set)
    .where(and(eq(handoffs.id, i.handoffId), eq(handoffs.workspaceId, i.workspaceId), ...guards))
    .returning();
  return h;
}

/** One event per follow-up step and meeting time. */
async function appendFollowUpEvent(tx: DbOrTx, h: HandoffRow, step: 'outcome_requested' | 'outcome_reminder' | 'outcome_overdue', extra: Record<string, unknown> = {}): Promise<void> {
  await appendEvent(tx, { ...eventBase(h), type: `handoff.${step}`, payload: { handoffId: h.id, fieldRepId: h.fieldRepId, ...extra, meetingAt: iso(h.meetingAt) }, dedupeKey: `handoff.${step}:${h.id}:${h.reschedules}` });
}

async function whoAndWhere(tx: DbOrTx, h: HandoffRow): Promise<string> {
  const [p] = await tx
    .select({ first: prospects.firstName, last: prospects.lastName, account: accounts.name })
    .from(prospects)
    .leftJoin(accounts, eq(accounts.id, prospects.accountId))
    .where(eq(prospects.id, h.prospectId));
  const name = [p?.first, p?.last].filter(Boolean).join(' ') || 'the prospect';
  return `${name}${p?.account ? ` (${p.account})` : ''}`;
}

const prepOf = (h: HandoffRow) => ({ handoffId: h.id, prospectId: h.prospectId, setterId: h.setterId, ...meetingBrief(h) });

async function openHandoffTask(tx: DbOrTx, h: HandoffRow, t: { repId: string; what: 'outcome' | 'overdue'; title: string; at: Date }): Promise<void> {
  const kind = t.what === 'outcome' ? 'meeting_outcome' : 'meeting_outcome_overdue';
  const [row] = await tx
    .insert(tasks)
    .values({ workspaceId: h.workspaceId, enrollmentId: null, repId: t.repId, stepKey: taskKey(h, t.what), kind, title: t.title, dueAt: t.at, prep: prepOf(h) })
    .onConflictDoNothing()
    .returning({ id: tasks.id });
  if (!row) return;
  await appendEvent(tx, { ...eventBase(h), type: 'task.created', payload: { taskId: row.id, stepKey: taskKey(h, t.what), kind, dueAt: t.at.toISOString(), assigneeId: t.repId }, dedupeKey: `task.created:${row.id}` });
}

/** The meeting should be over: the field rep is asked, by a task in their queue and an event. */
export async function askMeetingOutcome(db: Database, i: { workspaceId: string; handoffId: string; at: string }): Promise<void> {
  const at = new Date(i.at);
  await db.transaction(async (tx) => {
    const h = await advance(tx, i, { status: 'awaiting_outcome', outcomeRequestedAt: at, updatedAt: at }, eq(handoffs.status, 'scheduled'));
    if (!h?.fieldRepId) return;
    const who = await whoAndWhere(tx, h);
    await openHandoffTask(tx, h, { repId: h.fieldRepId, what: 'outcome', title: `Meeting outcome: how did it go with ${who}?`, at });
    await appendFollowUpEvent(tx, h, 'outcome_requested');
  });
}

/** Unanswered after the policy's delay: the field rep is reminded (the task's title says so). */
export async function remindMeetingOutcome(db: Database, i: { workspaceId: string; handoffId: string; at: string }): Promise<void> {
  const at = new Date(i.at);
  await db.transaction(async (tx) => {
    const h = await advance(tx, i, { remindedAt: at, updatedAt: at }, eq(handoffs.status, 'awaiting_outcome'), isNull(handoffs.remindedAt));
    if (!h) return;
    await tx
      .update(tasks)
      .set({ title: sql`'Reminder: ' || ${tasks.title}` })
      .where(and(eq(tasks.workspaceId, h.workspaceId), eq(tasks.stepKey, taskKey(h, 'outcome')), isNull(tasks.enrollmentId), eq(tasks.status, 'open')));
    await appendFollowUpEvent(tx, h, 'outcome_reminder');
  });
}

/** Still unanswered: the field rep's manager is told (a task in their queue and an event). */
export async function alertManagerOfMeetingOutcome(db: Database, i: { workspaceId: string; handoffId: string; at: string }): Promise<void> {
  const at = new Date(i.at);
  await db.transaction(async (tx) => {
    const h = await advance(tx, i, { managerAlertedAt: at, updatedAt: at }, eq(handoffs.status, 'awaiting_outcome'), isNull(handoffs.managerAlertedAt));
    if (!h?.fieldRepId) return;
    const [rep] = await tx.select({ name: users.name, managerId: users.managerId }).from(users).where(eq(users.id, h.fieldRepId));
    if (rep?.managerId) {
      const who = await whoAndWhere(tx, h);
      await openHandoffTask(tx, h, { repId: rep.managerId, what: 'overdue', title: `No outcome from ${rep.name} for the meeting with ${who}`, at });
    }
    await appendFollowUpEvent(tx, h, 'outcome_overdue', { managerId: rep?.managerId ?? null });
  });
}

/** Closes the handoff's open tasks (the question, the manager's nudge): answered. */
async function closeHandoffTasks(tx: DbOrTx, h: HandoffRow, outcome: string, at: Date): Promise<void> {
  const closed = await tx
    .update(tasks)
    .set({ status: 'done', outcome: { outcome }, completedAt: at })
    .where(and(eq(tasks.workspaceId, h.workspaceId), isNull(tasks.enrollmentId), like(tasks.stepKey, `handoff:${h.id}:%`), eq(tasks.status, 'open')))
    .returning({ id: tasks.id, kind: tasks.kind });
  for (const t of closed) {
    await appendEvent(tx, { ...eventBase(h), type: 'task.completed', payload: { taskId: t.id, kind: t.kind, outcome }, dedupeKey: `task.closed:${t.id}` });
  }
}

/** A final outcome (held, no-show, cancelled, disqualified). Null when the handoff is already closed. */
export async function recordFinalMeetingOutcome(
  db: Database,
  i: { workspaceId: string; handoffId: string; outcome: FinalMeetingOutcome; note?: string | undefined; byUserId: string | null; at: string },
): Promise<HandoffRow | null> {
  const at = new Date(i.at);
  return db.transaction(async (tx) => {
    const [h] = await tx
      .update(handoffs)
      .set({ status: i.outcome, outcomeNote: i.note ?? null, outcomeById: i.byUserId, outcomeAt: at, updatedAt: at })
      .where(and(eq(handoffs.id, i.handoffId), eq(handoffs.workspaceId, i.workspaceId), inArray(handoffs.status, ['to_schedule', 'scheduled', 'awaiting_outcome'])))
      .returning();
    if (!h) {
      // A retried activity finds its own outcome written.
      const [done] = await tx.select().from(handoffs).where(and(eq(handoffs.id, i.handoffId), eq(handoffs.workspaceId, i.workspaceId)));
      return done?.status === i.outcome ? done : null;
    }
    await closeHandoffTasks(tx, h, i.outcome, at);
    await appendEvent(tx, { ...eventBase(h), type: 'handoff.outcome_recorded', payload: { handoffId: h.id, outcome: i.outcome, fieldRepId: h.fieldRepId, byUserId: i.byUserId, meetingAt: iso(h.meetingAt) }, dedupeKey: `handoff.outcome:${h.id}` });
    return h;
  });
}

/**
 * A new time (the "rescheduled" outcome, or a reschedule): the same handoff goes back on the
 * calendar, its follow-up starts over. A first time given to a meeting booked without one is not
 * counted as a reschedule. Null when the handoff is already closed.
 */
export async function rescheduleHandoffMeeting(
  db: Database,
  i: { workspaceId: string; handoffId: string; meetingAt: string | null; location?: string | undefined; fieldRepId?: string | undefined; reason: string; byUserId: string | null; at: string },
): Promise<HandoffRow | null> {
  const at = new Date(i.at);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(handoffs)
      .where(and(eq(handoffs.id, i.handoffId), eq(handoffs.workspaceId, i.workspaceId)))
      .for('update');
    if (!before || (FINAL_MEETING_OUTCOMES as readonly string[]).includes(before.status)) return null;
    const fieldRepId = i.fieldRepId ?? before.fieldRepId;
    const meetingAt = i.meetingAt ? new Date(i.meetingAt) : null;
    // A retried activity finds the new time already written.
    if (before.status !== 'awaiting_outcome' && before.meetingAt?.getTime() === meetingAt?.getTime() && before.fieldRepId === fieldRepId) return before;
    const [h] = await tx
      .update(handoffs)
      .set({
        meetingAt,
        fieldRepId,
        ...(i.location !== undefined ? { location: i.location } : {}),
        status: fieldRepId && meetingAt ? 'scheduled' : 'to_schedule',
        reschedules: before.meetingAt ? before.reschedules + 1 : before.reschedules,
        outcomeRequestedAt: null,
        remindedAt: null,
        managerAlertedAt: null,
        updatedAt: at,
      })
      .where(eq(handoffs.id, before.id))
      .returning();
    await closeHandoffTasks(tx, before, 'rescheduled', at);
    await appendEvent(tx, {
      ...eventBase(h!),
      type: 'handoff.rescheduled',
      payload: { handoffId: h!.id, previousMeetingAt: iso(before.meetingAt), meetingAt: iso(meetingAt), fieldRepId, reason: i.reason, byUserId: i.byUserId },
      dedupeKey: `handoff.rescheduled:${h!.id}:${h!.reschedules}:${iso(meetingAt)}`,
    });
    return h!;
  });
}
