// The manager's view and the objections report counted again by brute force from the raw rows,
// in plain TypeScript, independently of the SQL that serves them: the consistency tests compare.
import { eq } from 'drizzle-orm';
import { enrollments, escalations, events, handoffs, tasks } from '../../db/schema.js';
import { objectionTag } from '../../domain/reports/objection-tag.js';
import type { TestDatabase } from './db.js';

type Period = { from: number; to: number; now: number; escalationsSince: number };
const inP = (d: Date | null, p: Period) => d !== null && d.getTime() >= p.from && d.getTime() < p.to;
const GRACE_MS = 60 * 60_000;

export async function recountActivity(db: TestDatabase, workspaceId: string, repIds: string[], p: Period) {
  const ts = await db.db.select().from(tasks).where(eq(tasks.workspaceId, workspaceId));
  const hs = await db.db.select().from(handoffs).where(eq(handoffs.workspaceId, workspaceId));
  const es = await db.db.select().from(escalations).where(eq(escalations.workspaceId, workspaceId));
  const out: Record<string, Record<string, string[]>> = {};
  for (const rep of repIds) {
    const mine = ts.filter((t) => t.repId === rep);
    const due = mine.filter((t) => inP(t.dueAt, p) && t.status !== 'upcoming');
    const announced = due.filter((t) => (t.prep as { announcedCallAt?: string | null }).announcedCallAt && ['call', 'callback'].includes(t.kind));
    const received = hs.filter((h) => h.fieldRepId === rep && inP(h.meetingAt, p));
    const ids = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id).sort();
    out[rep] = {
      tasksDue: ids(due),
      doneOnTime: ids(due.filter((t) => t.status === 'done' && t.completedAt!.getTime() <= t.dueAt.getTime() + GRACE_MS)),
      doneLate: ids(due.filter((t) => t.status === 'done' && t.completedAt!.getTime() > t.dueAt.getTime() + GRACE_MS)),
      overdue: ids(due.filter((t) => t.status === 'open' && t.dueAt.getTime() < p.now)),
      skipped: ids(due.filter((t) => t.status === 'cancelled')),
      missed: ids(due.filter((t) => t.status === 'missed')),
      callsMade: ids(mine.filter((t) => t.status === 'done' && ['call', 'callback', 'escalation_call'].includes(t.kind) && inP(t.completedAt, p))),
      announcedKept: ids(announced.filter((t) => t.status === 'done')),
      announcedBroken: ids(announced.filter((t) => t.status === 'missed')),
      meetingsSet: ids(hs.filter((h) => h.setterId === rep && inP(h.createdAt, p))),
      meetingsReceived: ids(received),
      meetingsHeld: ids(received.filter((h) => h.status === 'held')),
      meetingsNotHeld: ids(received.filter((h) => ['no_show', 'cancelled_by_prospect', 'cancelled_by_us'].includes(h.status))),
      escalationsUsed: ids(es.filter((e) => e.repId === rep && e.decision === 'allowed' && e.createdAt.getTime() >= p.escalationsSince)),
      overdueNow: ids(mine.filter((t) => t.status === 'open' && t.dueAt.getTime() < p.now)),
    };
  }
  return out;
}

/** Objections per tag: how many, and the call tasks they were heard on. */
export async function recountObjections(db: TestDatabase, workspaceId: string, p: { from: number; to: number }) {
  const heard = await db.db.select().from(events).where(eq(events.workspaceId, workspaceId));
  const ts = new Map((await db.db.select().from(tasks).where(eq(tasks.workspaceId, workspaceId))).map((t) => [t.id, t]));
  const seqs = new Map((await db.db.select().from(enrollments).where(eq(enrollments.workspaceId, workspaceId))).map((e) => [e.id, e.sequenceId]));
  const byTag = new Map<string, { count: number; taskIds: string[]; reps: Map<string, number>; steps: Map<string, number>; sequences: Map<string, number> }>();
  for (const e of heard.filter((x) => x.type === 'objection.heard')) {
    const { text, taskId } = e.payload as { text: string; taskId: string };
    const t = ts.get(taskId);
    const at = e.occurredAt.getTime();
    if (at < p.from || at >= p.to) continue;
    const tag = objectionTag(text);
    const entry = byTag.get(tag) ?? { count: 0, taskIds: [] as string[], reps: new Map<string, number>(), steps: new Map<string, number>(), sequences: new Map<string, number>() };
    byTag.set(tag, entry);
    entry.count++;
    entry.taskIds.push(taskId);
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    bump(entry.reps, t!.repId);
    bump(entry.steps, t!.stepKey.split('#')[0]!);
    bump(entry.sequences, seqs.get(e.enrollmentId!)!);
  }
  return byTag;
}
