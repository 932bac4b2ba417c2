// Planning activities: when a step is due, and the call slot an announcing email reserves.
import { ApplicationFailure } from '@temporalio/activity';
import { and, asc, eq, gt, gte, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { callSlots, repAbsences, users } from '../db/schema.js';
import { CallBlockSchema, callTimes, slotMinutes, type RepCapacity } from '../domain/cadence/call-capacity.js';
import { desiredAnnouncedCall } from '../domain/cadence/plan.js';
import { callTakerAt, planStepDueForRep, type CallTaker } from '../domain/cadence/rep-absence.js';
import { projectUpcoming, type Hold, type UpcomingStep } from '../domain/cadence/projection.js';
import type { SequenceDefinition, Step } from '../domain/sequences/index.js';
import { localDateOf, parseInstant, TimingError } from '../domain/timing/index.js';
import { releaseCallHolds } from './calendar-holds.js';
import { dropUpcomingCallTasks, upsertUpcomingCallTask } from './tasks.js';
import { loadEnrollmentContext, repCalendarOf, type EnrollmentContext } from './context.js';
import { writeCurrentStep } from './current-step.js';

export type PlanStepInput = {
  workspaceId: string;
  enrollmentId: string;
  definition: SequenceDefinition;
  stepId: string;
  now: string;
  touches: string[];
  callbackAt?: string | null;
  announcedCallAt?: string | null;
  /** The pause the cadence is under: the projection shows the steps after it (or without times). */
  hold?: Hold | null;
  /** The step's task opens with the plan: its due time stands whatever the pause. */
  firstFixed?: boolean;
};
export type PlanStepResult = { dueAt: string; timeZone: string; upcoming: UpcomingStep[] };

export type ReserveCallInput = {
  workspaceId: string;
  enrollmentId: string;
  definition: SequenceDefinition;
  /** Key of the call step visit the slot is for. */
  stepKey: string;
  sendAt: string;
  at: string;
  /** The announced call's step: its task is shown as upcoming from the reservation on. */
  callStepId?: string;
};

export function createPlanningActivities({ db }: { db: Database }) {
  return {
    async planStep(i: PlanStepInput): Promise<PlanStepResult> {
      const ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId, i.definition.timing);
      const planned = planWithContext(ctx, i);
      if (ctx.enrollment.currentStepId !== i.stepId) await writeCurrentStep(db, i);
      return planned;
    },

    /**
     * Reserves the rep's call slot before the announcing email leaves: the promised time is one
     * the rep can keep. Idempotent per (enrollment, step visit); serialized per rep with a row lock.
     */
    async reserveAnnouncedCall(i: ReserveCallInput): Promise<{ callAt: string }> {
      const ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId, i.definition.timing);
      const callStep = i.callStepId ? stepOf(i.definition, i.callStepId) : undefined;
      return db.transaction(async (tx) => ({ callAt: await reserveCallSlot(tx as unknown as Database, ctx, { ...i, ...(callStep ? { callStep } : {}) }) }));
    },

    /** Frees the slots an enrollment still holds (stop, completion, rescheduled call), and their calendar holds. */
    async releaseCallSlots(i: { enrollmentId: string; stepKey?: string }): Promise<number> {
      return db.transaction(async (tx) => {
        const rows = await tx
          .update(callSlots)
          .set({ status: 'released' })
          .where(and(eq(callSlots.enrollmentId, i.enrollmentId), eq(callSlots.status, 'reserved'), i.stepKey ? eq(callSlots.stepKey, i.stepKey) : sql`true`))
          .returning({ id: callSlots.id });
        await releaseCallHolds(tx as unknown as Database, { enrollmentId: i.enrollmentId, stepKey: i.stepKey });
        await dropUpcomingCallTasks(tx as unknown as Database, i);
        return rows.length;
      });
    },
  };
}

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
export async function reserveCallSlot(tx: Database, ctx: EnrollmentContext, i: { workspaceId: string; enrollmentId: string; stepKey: string; sendAt: string; at: string; callStep?: Step }): Promise<string> {
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
async function callTakers(tx: Database, ctx: EnrollmentContext): Promise<CallTakers> {
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
async function bookSlot(tx: Database, ctx: EnrollmentContext, i: { workspaceId: string; enrollmentId: string; stepKey: string }, desired: string, existing: typeof callSlots.$inferSelect | undefined, takers: CallTakers): Promise<string> {
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

/** When the step is due and what comes after it, for an enrollment whose context is loaded. */
export function planWithContext(ctx: EnrollmentContext, i: PlanStepInput): PlanStepResult {
  const step = stepOf(i.definition, i.stepId);
  try {
    const dueAt = planStepDueForRep({ step, now: i.now, place: ctx.place, rules: ctx.rules, touches: i.touches, callbackAt: i.callbackAt ?? null, announcedCallAt: i.announcedCallAt ?? null }, ctx.repCalendar);
    const upcoming = projectUpcoming({ definition: i.definition, fromStepId: i.stepId, firstDueAt: dueAt, place: ctx.place, rules: ctx.rules, touches: i.touches, hold: i.hold ?? null, firstFixed: i.firstFixed ?? false, callbackAt: i.callbackAt ?? null, announcedCallAt: i.announcedCallAt ?? null, rep: ctx.repCalendar });
    return { dueAt, timeZone: ctx.place.timeZone, upcoming };
  } catch (err) {
    if (err instanceof TimingError) throw ApplicationFailure.nonRetryable(err.message, 'InvalidTiming');
    throw err;
  }
}

export function stepOf(def: SequenceDefinition, id: string): Step {
  const step = def.steps.find((s) => s.id === id);
  if (!step) throw ApplicationFailure.nonRetryable(`unknown step ${id}`, 'UnknownStep');
  return step;
}
