// Rep tasks that are not cadence steps: the system asks the rep to act on something it cannot
// settle alone (an email that may or may not have left, a mailbox to reconnect, no mailbox at
// all). They sit in the rep's queue like any task; completing one does not involve the workflow.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { tasks } from '../db/schema.js';
import { appendEvent } from './timeline.js';

export const SYSTEM_TASK_KINDS = ['email_uncertain', 'mailbox_disconnected', 'mailbox_paused', 'mailbox_dns', 'no_mailbox'] as const;
export type SystemTaskKind = (typeof SYSTEM_TASK_KINDS)[number];
export const isSystemTaskKind = (kind: string): kind is SystemTaskKind => (SYSTEM_TASK_KINDS as readonly string[]).includes(kind);
/** Tasks the end of their enrollment does not cancel: whether an uncertain email left is for a person to settle. */
export const TASKS_OUTLIVING_THE_CADENCE: SystemTaskKind[] = ['email_uncertain'];

type TaskRow = typeof tasks.$inferSelect;

export type SystemTask = {
  workspaceId: string;
  repId: string;
  /** Set when the task is about one enrollment's touch; null for a mailbox's. */
  enrollmentId: string | null;
  prospectId?: string | null;
  /** Unique per enrollment, or per workspace when there is no enrollment: the insert is idempotent. */
  stepKey: string;
  kind: SystemTaskKind;
  title: string;
  dueAt: Date;
  prep: Record<string, unknown>;
};

/** Inserts the task unless it exists; returns its id when it was created now. */
export async function openSystemTask(db: Database, t: SystemTask): Promise<string | null> {
  const [row] = await db
    .insert(tasks)
    .values({ workspaceId: t.workspaceId, enrollmentId: t.enrollmentId, repId: t.repId, stepKey: t.stepKey, kind: t.kind, title: t.title, dueAt: t.dueAt, prep: t.prep })
    .onConflictDoNothing()
    .returning({ id: tasks.id });
  if (!row) return null;
  await appendEvent(db, {
    workspaceId: t.workspaceId,
    prospectId: t.prospectId ?? null,
    enrollmentId: t.enrollmentId,
    type: 'task.created',
    payload: { taskId: row.id, stepKey: t.stepKey, kind: t.kind, dueAt: t.dueAt.toISOString(), assigneeId: t.repId },
    dedupeKey: `task.created:${row.id}`,
  });
  return row.id;
}

export type UncertainTouch = {
  id: string;
  workspaceId: string;
  enrollmentId: string;
  prospectId: string;
  stepKey: string;
  subject: string | null;
  toAddress: string | null;
  messageId: string | null;
  detail: string | null;
};

/** A send that may have reached the prospect: the rep checks the Sent folder, never the system resends. */
export function uncertainDeliveryTask(t: UncertainTouch, repId: string, prospectName: string, at: Date): SystemTask {
  const to = prospectName || t.toAddress || 'the prospect';
  return {
    workspaceId: t.workspaceId,
    repId,
    enrollmentId: t.enrollmentId,
    prospectId: t.prospectId,
    stepKey: `${t.stepKey}~uncertain`,
    kind: 'email_uncertain',
    title: `Delivery uncertain: check your Sent folder for '${t.subject ?? ''}' to ${to}; if it is not there, send it by hand`,
    dueAt: at,
    prep: { touchId: t.id, subject: t.subject, to: t.toAddress, messageId: t.messageId, reason: t.detail },
  };
}

export type DisconnectedMailbox = { id: string; workspaceId: string; userId: string; address: string; provider: string; statusDetail: string | null; statusChangedAt: Date };

type OwnedMailbox = { id: string; workspaceId: string; userId: string; address: string };

/**
 * A task to the rep about one of their mailboxes, one per event (`at`; `key` tells apart the kinds
 * sharing a moment): its step key `mailbox:<id>:[key:]<ms>` is what closing code looks for.
 */
export function mailboxTask(m: OwnedMailbox, t: { kind: SystemTaskKind; at: Date; title: string; prep: Record<string, unknown>; key?: string }): SystemTask {
  return {
    workspaceId: m.workspaceId,
    repId: m.userId,
    enrollmentId: null,
    stepKey: `mailbox:${m.id}:${t.key ? `${t.key}:` : ''}${t.at.getTime()}`,
    kind: t.kind,
    title: t.title,
    dueAt: t.at,
    prep: { mailboxId: m.id, address: m.address, ...t.prep },
  };
}

/** One task per disconnection (the reconnect endpoint closes those of the mailbox). */
export const mailboxDisconnectedTask = (m: DisconnectedMailbox): SystemTask =>
  mailboxTask(m, { kind: 'mailbox_disconnected', at: m.statusChangedAt, title: `Reconnect your mailbox ${m.address}: its emails are waiting`, prep: { provider: m.provider, reason: m.statusDetail } });

/** The rep has no mailbox to send from (and the deployment keeps no local outbox): at most one a day. */
export function noMailboxTask(i: { workspaceId: string; repId: string; at: Date }): SystemTask {
  return {
    workspaceId: i.workspaceId,
    repId: i.repId,
    enrollmentId: null,
    stepKey: `no_mailbox:${i.repId}:${i.at.toISOString().slice(0, 10)}`,
    kind: 'no_mailbox',
    title: 'Connect a mailbox: your cadence emails are waiting to be sent',
    dueAt: i.at,
    prep: { reason: 'the rep has no mailbox' },
  };
}

/**
 * Completes a system task (outcome done, with an optional note). Null when it is not open any
 * more (completed concurrently). Scoped to the workspace.
 */
export async function completeSystemTask(db: Database, i: { workspaceId: string; taskId: string; note?: string | undefined }): Promise<TaskRow | null> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(tasks)
      .set({ status: 'done', outcome: { outcome: 'done', ...(i.note ? { note: i.note } : {}) }, completedAt: new Date() })
      .where(and(eq(tasks.id, i.taskId), eq(tasks.workspaceId, i.workspaceId), eq(tasks.status, 'open')))
      .returning();
    if (!done) return null;
    await appendEvent(tx, {
      workspaceId: i.workspaceId,
      enrollmentId: done.enrollmentId,
      type: 'task.completed',
      payload: { taskId: done.id, kind: done.kind, outcome: 'done', note: i.note ?? null },
      dedupeKey: `task.closed:${done.id}`,
    });
    return done;
  });
}
