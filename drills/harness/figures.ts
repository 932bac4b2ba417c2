// What a drill reports about the emails of its workspace, from the database and the SMTP sink:
// sent (recorded), received (by the server, distinct), duplicates (received more than once),
// uncertain (and how many of those still have their rep's task open), lost (neither recorded
// sent and received, nor uncertain with an open task: nobody would ever know).
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { enrollments, tasks, touches } from '../../db/schema.js';
import type { TestSmtpServer } from '../../tests/support/smtp.js';

export type EmailFigures = { emails: number; sent: number; received: number; duplicates: number; uncertain: number; uncertain_with_task: number; lost: number; not_final: number };

const FINAL = new Set(['sent', 'uncertain', 'failed', 'suppressed', 'cancelled']);

export async function emailFigures(db: Database, workspaceId: string, smtp: TestSmtpServer): Promise<EmailFigures> {
  const rows = await db.select().from(touches).where(and(eq(touches.workspaceId, workspaceId), eq(touches.channel, 'email')));
  const ours = new Set(rows.map((r) => r.messageId));
  const counts = new Map<string, number>();
  for (const m of smtp.received) if (m.messageId && ours.has(m.messageId)) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  const open = await db
    .select({ touchId: tasks.prep })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.kind, 'email_uncertain'), eq(tasks.status, 'open')));
  const withTask = new Set(open.map((t) => (t.touchId as { touchId?: string } | null)?.touchId));
  const sentReceived = rows.filter((r) => r.status === 'sent' && counts.has(r.messageId!)).length;
  const uncertain = rows.filter((r) => r.status === 'uncertain');
  const uncertainWithTask = uncertain.filter((r) => withTask.has(r.id)).length;
  return {
    emails: rows.length,
    sent: rows.filter((r) => r.status === 'sent').length,
    received: counts.size,
    duplicates: [...counts.values()].reduce((a, c) => a + c - 1, 0),
    uncertain: uncertain.length,
    uncertain_with_task: uncertainWithTask,
    lost: rows.length - sentReceived - uncertainWithTask,
    not_final: rows.filter((r) => !FINAL.has(r.status)).length,
  };
}

/** Enrollments of the workspace by status. */
export async function enrollmentStatuses(db: Database, workspaceId: string): Promise<Record<string, number>> {
  const rows = await db.select({ status: enrollments.status }).from(enrollments).where(eq(enrollments.workspaceId, workspaceId));
  const out: Record<string, number> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

/** Polls `done` every half second until it holds or `timeoutMs` passes; returns the seconds it took, or null. */
export async function secondsUntil(done: () => Promise<boolean>, timeoutMs: number, from = performance.now()): Promise<number | null> {
  const deadline = from + timeoutMs;
  for (;;) {
    if (await done().catch(() => false)) return Math.round((performance.now() - from) / 100) / 10;
    if (performance.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 500));
  }
}
