// Desired state of the rep's calendar holds (Google Calendar, Outlook) for announced calls. Callers write it (in
// their own transaction when they have one); the calendar sync (runtime/calendar-sync.ts)
// reconciles it with Google. Each change bumps `version`; writing the same state again does
// not, so repeated calls cost nothing downstream.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { holdDescription, holdSummary } from '../channels/google/hold-text.js';
import type { Database } from '../db/client.js';
import { calendarHolds, callSlots, mailboxes, tasks, touches } from '../db/schema.js';
import { loadEnrollmentContext } from './enrollment-context.js';

/** Google event ids are base32hex ([a-v0-9], 5-1024 chars): a hash of (enrollment, step) is one. */
export function holdEventId(enrollmentId: string, stepKey: string): string {
  return `rl${createHash('sha256').update(`${enrollmentId}:${stepKey}`).digest('hex')}`;
}

/** A change of the desired state: the sync picks the row up now. */
const changed = { version: sql`${calendarHolds.version} + 1`, nextAttemptAt: sql`now()`, updatedAt: sql`now()` };

/** An email announcing a call has left (sent or uncertain): hold the announced slot. */
export async function holdAnnouncedCall(db: Database, i: { touchId: string }): Promise<void> {
  const [touch] = await db.select().from(touches).where(eq(touches.id, i.touchId));
  if (!touch?.announcedCallAt) return;
  const [slot] = await db
    .select()
    .from(callSlots)
    .where(and(eq(callSlots.workspaceId, touch.workspaceId), eq(callSlots.enrollmentId, touch.enrollmentId), eq(callSlots.startsAt, touch.announcedCallAt), eq(callSlots.status, 'reserved')));
  if (!slot) return; // released since: nothing to hold
  const ctx = await loadEnrollmentContext(db, touch.workspaceId, touch.enrollmentId);
  const calendarBoxes = await db
    .select()
    .from(mailboxes)
    .where(and(eq(mailboxes.workspaceId, touch.workspaceId), eq(mailboxes.userId, ctx.rep.id), inArray(mailboxes.provider, ['gmail', 'microsoft'])))
    .orderBy(desc(mailboxes.isDefault), asc(mailboxes.createdAt));
  // The calendar of the mailbox the email left from, else the rep's default Gmail or Microsoft 365 account.
  const mailbox = calendarBoxes.find((m) => m.id === touch.mailboxId) ?? calendarBoxes[0];
  if (!mailbox || !mailbox.calendarHolds || mailbox.status === 'disabled') return;

  const [task] = await db.select({ prep: tasks.prep }).from(tasks).where(and(eq(tasks.enrollmentId, touch.enrollmentId), eq(tasks.stepKey, slot.stepKey)));
  const prep = (task?.prep ?? {}) as { script?: string | null; objectionsHeard?: string[] };
  const p = ctx.prospect;
  const facts = {
    prospect: { name: [p.firstName, p.lastName].filter(Boolean).join(' '), title: p.title, phone: p.phone, email: p.email, timeZone: ctx.place.timeZone },
    account: ctx.account?.name ?? null,
    context: ctx.enrollment.context,
    pretext: ctx.enrollment.pretext,
    announcement: { subject: touch.subject, body: touch.body },
    script: prep.script ?? null,
    objectionsHeard: prep.objectionsHeard ?? [],
  };
  const state = { desired: 'present' as const, startsAt: slot.startsAt, endsAt: slot.endsAt, summary: holdSummary(facts), description: holdDescription(facts) };
  await db
    .insert(calendarHolds)
    .values({ workspaceId: touch.workspaceId, enrollmentId: touch.enrollmentId, stepKey: slot.stepKey, mailboxId: mailbox.id, googleEventId: holdEventId(touch.enrollmentId, slot.stepKey), ...state })
    .onConflictDoUpdate({
      target: [calendarHolds.enrollmentId, calendarHolds.stepKey],
      set: { ...state, ...changed },
      setWhere: sql`(${calendarHolds.desired}, ${calendarHolds.startsAt}, ${calendarHolds.endsAt}, ${calendarHolds.summary}, ${calendarHolds.description})
        is distinct from (excluded.desired, excluded.starts_at, excluded.ends_at, excluded.summary, excluded.description)`,
    });
}

/** The announced call moved (task rescheduled): move its hold, keeping its length. */
export async function moveCallHold(db: Database, i: { enrollmentId: string; stepKey: string; startsAt: Date }): Promise<void> {
  await db
    .update(calendarHolds)
    .set({ startsAt: i.startsAt, endsAt: sql`${i.startsAt.toISOString()}::timestamptz + (${calendarHolds.endsAt} - ${calendarHolds.startsAt})`, ...changed })
    .where(and(eq(calendarHolds.enrollmentId, i.enrollmentId), eq(calendarHolds.stepKey, i.stepKey), eq(calendarHolds.desired, 'present'), sql`${calendarHolds.startsAt} <> ${i.startsAt.toISOString()}::timestamptz`));
}

/** The slot was released (cadence stopped, call re-planned): remove the hold(s). */
export async function releaseCallHolds(db: Database, i: { enrollmentId: string; stepKey?: string | undefined }): Promise<void> {
  await db
    .update(calendarHolds)
    .set({ desired: 'absent', ...changed })
    .where(and(eq(calendarHolds.enrollmentId, i.enrollmentId), eq(calendarHolds.desired, 'present'), i.stepKey ? eq(calendarHolds.stepKey, i.stepKey) : sql`true`));
}
