// The rep's call slots: the one an announcing email promises, reserved so the rep (or the rep
// covering their time off) can keep it.
import { ApplicationFailure } from '@temporalio/activity';
import { and, asc, eq, gt, gte, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { callSlots, repAbsences, users } from '../db/schema.js';
import { CallBlockSchema, callTimes, slotMinutes, type RepCapacity } from '../domain/cadence/call-capacity.js';
import { desiredAnnouncedCall } from '../domain/cadence/plan.js';
import { callTakerAt, type CallTaker } from '../domain/cadence/rep-absence.js';
import type { Step } from '../domain/sequences/index.js';
import { localDateOf, parseInstant } from '../domain/timing/index.js';
import { repCalendarOf, type EnrollmentContext } from './enrollment-context.js';
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
  const takers = await callTakers(tx, ctx);
  // Locked in id order: two reps covering for each other never wait on each other's lock.
  await tx.select({ id: users.id }).from(users).where(inArray(users.id, [ctx.rep.id, ...takers.covers.keys()].sort())).orderBy(asc(users.id)).for('update');
  const [existing] = await tx.select().from(callSlots).where(and(eq(callSlots.enrollmentId, i.enrollmentId), eq(callSlots.stepKey, i.stepKey)));
  const desired = desiredAnnouncedCall(i.sendAt, i.at, ctx.place, ctx.rules);
  if (existing?.status === 'reserved' && fitsSendTime(existing, desired, ctx, takers)) return existing.startsAt.toISOString();
  const callAt = await bookSlot(tx, ctx, i, desired, existing, takers);
  // Only a slot (re)booked changes the task: an 08:00 burst staging its emails drafts nothing.
  if (i.callStep) await upsertUpcomingCallTask(tx, ctx, { workspaceId: i.workspaceId, enrollmentId: i.enrollmentId, stepKey: i.stepKey, step: i.callStep, callAt, emailLeavesAt: i.sendAt });
  return callAt;
}

type CallTakers = { rep: CallTaker; covers: Map<string, CallTaker> };

/** The rep and the covering reps of their time off, with their capacity and days away. */
async function callTakers(tx: DbOrTx, ctx: EnrollmentContext): Promise<CallTakers> {
  const rep: CallTaker = { id: ctx.rep.id, capacity: ctx.capacity, calendar: ctx.repCalendar };
  const coverIds = [...new Set(ctx.repCalendar.absences.map((a) => a.coveringUserId).filter((id): id is string => id !== null))];
  const covers = new Map<string, CallTaker>();
  if (coverIds.length === 0) return { rep, covers };
  const rows = await tx.select().from(users).where(and(inArray(users.id, coverIds), eq(users.workspaceId, ctx.workspace.id)));
  const absences = await tx
    .select({ userId: repAbsences.userId, startsOn: repAbsences.startsOn, endsOn: repAbsences.endsOn, coveringUserId: repAbsences.coveringUserId })
    .from(repAbsences)
    .where(and(inArray(repAbsences.userId, coverIds), gte(repAbsences.endsOn, sql`current_date - 1`)));
  for (const u of rows) {
    const capacity: RepCapacity = { callsPerHour: u.callsPerHour, callBlocks: CallBlockSchema.array().parse(u.callBlocks), timeZone: u.timeZone ?? ctx.workspace.timeZone };
    covers.set(u.id, { id: u.id, capacity, calendar: repCalendarOf(u, ctx.workspace.timeZone, absences.filter((a) => a.userId === u.id)) });
  }
  return { rep, covers };
}

/** A reserved slot still fits when it is not before the desired call, on the same local day, with the rep who takes calls then. */
function fitsSendTime(slot: typeof callSlots.$inferSelect, desired: string, ctx: EnrollmentContext, takers: CallTakers): boolean {
  const day = (iso: string) => localDateOf(parseInstant(iso, 'slot'), ctx.place.timeZone);
  const startsAt = slot.startsAt.toISOString();
  return slot.startsAt.getTime() >= Date.parse(desired) && day(startsAt) === day(desired) && callTakerAt(startsAt, takers.rep, takers.covers, ctx.rules)?.id === slot.repId;
}

/**
 * The first candidate time someone can take: the rep, or on the days of their covered time off
 * the covering rep, each inside their call blocks and free of their other reservations.
 */
async function bookSlot(tx: DbOrTx, ctx: EnrollmentContext, i: { workspaceId: string; enrollmentId: string; stepKey: string }, desired: string, existing: typeof callSlots.$inferSelect | undefined, takers: CallTakers): Promise<string> {
  const step = slotMinutes(ctx.capacity);
  const all = [takers.rep, ...takers.covers.values()];
  const longest = Math.max(...all.map((t) => slotMinutes(t.capacity))) * 60_000;
  const taken = await tx
    .select({ repId: callSlots.repId, startsAt: callSlots.startsAt })
    .from(callSlots)
    .where(
      and(
        inArray(callSlots.repId, all.map((t) => t.id)),
        eq(callSlots.status, 'reserved'),
        gt(callSlots.startsAt, new Date(Date.parse(desired) - longest)),
        // The slot this call already holds is being moved: it does not block its own new time.
        existing ? ne(callSlots.id, existing.id) : undefined,
      ),
    )
    .orderBy(asc(callSlots.startsAt));
  const busy = new Map(all.map((t) => [t.id, { times: taken.filter((r) => r.repId === t.id).map((r) => r.startsAt.getTime()), j: 0 }]));
  for (const candidate of callTimes(desired, step, ctx.place, ctx.rules)) {
    const taker = callTakerAt(candidate, takers.rep, takers.covers, ctx.rules);
    if (!taker) continue;
    const start = Date.parse(candidate);
    const len = slotMinutes(taker.capacity) * 60_000;
    const b = busy.get(taker.id)!;
    // Candidates only move forward: slots ending before this one never matter again.
    while (b.j < b.times.length && b.times[b.j]! <= start - len) b.j++;
    if (b.j < b.times.length && b.times[b.j]! < start + len) continue;
    const slot = { repId: taker.id, startsAt: new Date(start), endsAt: new Date(start + len), status: 'reserved' as const };
    if (existing) await tx.update(callSlots).set(slot).where(eq(callSlots.id, existing.id));
    else await tx.insert(callSlots).values({ workspaceId: i.workspaceId, enrollmentId: i.enrollmentId, stepKey: i.stepKey, ...slot });
    return new Date(start).toISOString();
  }
  throw ApplicationFailure.nonRetryable(`rep ${ctx.rep.id} has no free call slot in the next weeks`, 'NoCallCapacity');
}
