// Sequence analytics counted again by brute force from the raw rows (touches, tasks, events), in
// plain TypeScript, independently of the SQL that serves them: the consistency test compares.
// Result: figure -> "version:stepId" -> sorted enrollment ids.
import { eq } from 'drizzle-orm';
import { enrollments, events, sequenceVersions, tasks, touches, workspaces } from '../../db/schema.js';
import type { TestDatabase } from './db.js';

const stepOf = (key: string) => key.split('#')[0]!;

export async function recountSequence(db: TestDatabase, workspaceId: string, sequenceId: string, p: { from: number; to: number }) {
  const ens = (await db.db.select().from(enrollments).where(eq(enrollments.workspaceId, workspaceId))).filter((e) => e.sequenceId === sequenceId);
  const ts = await db.db.select().from(tasks).where(eq(tasks.workspaceId, workspaceId));
  const tcs = await db.db.select().from(touches).where(eq(touches.workspaceId, workspaceId));
  const evs = await db.db.select().from(events).where(eq(events.workspaceId, workspaceId));
  const versions = (await db.db.select().from(sequenceVersions).where(eq(sequenceVersions.workspaceId, workspaceId))).filter((v) => v.sequenceId === sequenceId);
  const [ws] = await db.db.select({ clickTracking: workspaces.clickTracking }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const out: Record<string, Record<string, Set<string>>> = {};
  const add = (figure: string, version: number, step: string, enrollmentId: string) => {
    ((out[figure] ??= {})[`${version}:${step}`] ??= new Set()).add(enrollmentId);
  };
  // An enrollment whose prospect opted out or was logged "not interested" gave no positive reply.
  const saidNo = (enrollmentId: string, prospectId: string) =>
    evs.some((ev) => (ev.enrollmentId === enrollmentId || (ev.enrollmentId === null && ev.prospectId === prospectId)) && ev.type === 'prospect.opted_out') ||
    ts.some((t) => t.enrollmentId === enrollmentId && t.status === 'done' && (t.outcome as { outcome?: string } | null)?.outcome === 'not_interested');
  for (const e of ens) {
    // Each step's first touch: an email or action sent, a task done.
    const reached = new Map<string, number>();
    const touch = (key: string, at: Date | null) => {
      if (!at) return;
      const prev = reached.get(stepOf(key));
      if (prev === undefined || at.getTime() < prev) reached.set(stepOf(key), at.getTime());
    };
    for (const t of tcs) if (t.enrollmentId === e.id && t.status === 'sent') touch(t.stepKey, t.sentAt);
    for (const t of ts) if (t.enrollmentId === e.id && t.status === 'done') touch(t.stepKey, t.completedAt);
    if (reached.size === 0) continue;
    const first = Math.min(...reached.values());
    if (first < p.from || first >= p.to) continue;
    const ordered = [...reached.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const last = ordered[0]![0];
    for (const step of reached.keys()) add('reached', e.sequenceVersion, step, e.id);
    const steps = ((versions.find((v) => v.version === e.sequenceVersion)?.definition as { steps: Array<{ id: string }> }).steps ?? []).map((s) => s.id);
    steps.forEach((id, i) => {
      if (reached.has(id) && i + 1 < steps.length && reached.has(steps[i + 1]!)) add('continued', e.sequenceVersion, id, e.id);
    });
    for (const ev of evs) {
      if (!(ev.enrollmentId === e.id || (ev.enrollmentId === null && ev.prospectId === e.prospectId))) continue;
      const payload = ev.payload as Record<string, unknown>;
      const task = ts.find((t) => t.enrollmentId === e.id && t.id === payload.taskId);
      const sent = tcs.find((t) => t.enrollmentId === e.id && t.id === payload.touchId);
      const step = task ? stepOf(task.stepKey) : sent ? stepOf(sent.stepKey) : last;
      const figure =
        ev.type === 'prospect.replied' ? 'replied'
        : ev.type === 'prospect.auto_replied' ? 'outOfOffice'
        : ev.type === 'prospect.opted_out' ? 'optedOut'
        : ev.type === 'email.bounced' && (payload.kind ?? 'hard') === 'hard' ? 'bounced'
        : ev.type === 'meeting.booked' ? 'meetings'
        : ev.type === 'announcement.broken' ? 'brokenAnnouncements'
        : ev.type === 'task.completed' && payload.outcome === 'not_interested' ? 'notInterested'
        : ev.type === 'email.clicked' && ws!.clickTracking ? 'clicked'
        : null;
      if (figure) add(figure, e.sequenceVersion, step, e.id);
      if (ev.type === 'prospect.opted_out' && (payload.source === 'unsubscribe' || payload.complaint === true)) add('unsubscribed', e.sequenceVersion, step, e.id);
      if (ev.type === 'prospect.replied' && !saidNo(e.id, e.prospectId)) add('positiveReplies', e.sequenceVersion, step, e.id);
    }
  }
  const sorted: Record<string, Record<string, string[]>> = {};
  for (const [figure, byStep] of Object.entries(out)) sorted[figure] = Object.fromEntries(Object.entries(byStep).map(([k, v]) => [k, [...v].sort()]));
  return sorted;
}
