// The rep's call slots: the one an announcing email promises, reserved so the rep can keep it.
import { ApplicationFailure } from '@temporalio/activity';
import { and, asc, eq, gt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { callSlots, users } from '../db/schema.js';
import { callSlotCandidates, slotMinutes } from '../domain/cadence/call-capacity.js';
import { desiredAnnouncedCall } from '../domain/cadence/plan.js';
import type { Step } from '../domain/sequences/index.js';
import { localDateOf, parseInstant } from '../domain/timing/index.js';
import type { EnrollmentContext } from './enrollment-context.js';
import { upsertUpcomingCallTask } from './tasks.js';

/**
 * Reserves the rep's call slot an email leaving at `sendAt` announces, inside the caller's
 * transaction: the promised time is one the rep can keep, at least an hour after the email
 * actually leaves. Idempotent per (enrollment, step visit): a slot still reserved stands while it
 * fits the send time (the same day, not before the time it should announce; a slot reserved when
 * the email was planned moves when pacing or a reschedule sends it later), a released one (the
 * email was taken back) is booked again from `sendAt`. Serialized per rep with a row lock; the
 * rep's other reservations are read once, not once per candidate. With `callStep`, the call's
 * task is shown as upcoming at the slot.
 */
export async function reserveCallSlot(tx: DbOrTx, ctx: EnrollmentContext, i: { workspaceId: string; enrollmentId: string; stepKey: string; sendAt: string; at: string; callStep?: Step }): Promise<string> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, ctx.rep.id)).for('update');
  const [existing] = await tx.select().from(callSlots).where(and(eq(callSlots.enrollmentId, i.enrollmentId), eq(callSlots.stepKey, i.stepKey)));
  const desired = desiredAnnouncedCall(i.sendAt, i.at, ctx.place, ctx.rules);
  if (existing?.status === 'reserved' && fitsSendTime(existing.startsAt, desired, ctx)) return existing.startsAt.toISOString();
  const callAt = await bookSlot(tx, ctx, i, desired, existing);
  // Only a slot (re)booked changes the task: an 08:00 burst staging its emails drafts nothing.
  if (i.callStep) await upsertUpcomingCallTask(tx, ctx, { workspaceId: i.workspaceId, enrollmentId: i.enrollmentId, stepKey: i.stepKey, step: i.callStep, callAt, emailLeavesAt: i.sendAt });
  return callAt;
}

/** A reserved slot still fits when it is not before the desired call and on the same local day. */
function fitsSendTime(startsAt: Date, desired: string, ctx: EnrollmentContext): boolean {
  const day = (iso: string) => localDateOf(parseInstant(iso, 'slot'), ctx.place.timeZone);
  return startsAt.getTime() >= Date.parse(desired) && day(startsAt.toISOString()) === day(desired);
}

async function bookSlot(tx: DbOrTx, ctx: EnrollmentContext, i: { workspaceId: string; enrollmentId: string; stepKey: string }, desired: string, existing: typeof callSlots.$inferSelect | undefined): Promise<string> {
  const len = slotMinutes(ctx.capacity) * 60_000;
  const taken = await tx
    .select({ startsAt: callSlots.startsAt })
    .from(callSlots)
    .where(
      and(
        eq(callSlots.repId, ctx.rep.id),
        eq(callSlots.status, 'reserved'),
        gt(callSlots.startsAt, new Date(Date.parse(desired) - len)),
        // The slot this call already holds is being moved: it does not block its own new time.
        existing ? ne(callSlots.id, existing.id) : undefined,
      ),
    )
    .orderBy(asc(callSlots.startsAt));
  const times = taken.map((t) => t.startsAt.getTime());
  let j = 0;
  for (const candidate of callSlotCandidates(desired, ctx.capacity, ctx.place, ctx.rules)) {
    const start = Date.parse(candidate);
    // Candidates only move forward: slots ending before this one never matter again.
    while (j < times.length && times[j]! <= start - len) j++;
    if (j < times.length && times[j]! < start + len) continue;
    const slot = { startsAt: new Date(start), endsAt: new Date(start + len), status: 'reserved' as const };
    if (existing) await tx.update(callSlots).set(slot).where(eq(callSlots.id, existing.id));
    else await tx.insert(callSlots).values({ workspaceId: i.workspaceId, repId: ctx.rep.id, enrollmentId: i.enrollmentId, stepKey: i.stepKey, ...slot });
    return new Date(start).toISOString();
  }
  throw ApplicationFailure.nonRetryable(`rep ${ctx.rep.id} has no free call slot in the next weeks`, 'NoCallCapacity');
}
