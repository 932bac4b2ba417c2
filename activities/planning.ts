// Planning activities: when a step is due, and the call slot an announcing email reserves.
import { ApplicationFailure } from '@temporalio/activity';
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { callSlots, users } from '../db/schema.js';
import { callSlotCandidates, slotMinutes } from '../domain/cadence/call-capacity.js';
import { desiredAnnouncedCall, planStepDue } from '../domain/cadence/plan.js';
import { projectUpcoming, type Hold, type UpcomingStep } from '../domain/cadence/projection.js';
import type { SequenceDefinition, Step } from '../domain/sequences/index.js';
import { localDateOf, parseInstant, TimingError } from '../domain/timing/index.js';
import { releaseCallHolds } from './calendar-holds.js';
import { dropUpcomingCallTasks, upsertUpcomingCallTask } from './tasks.js';
import { loadEnrollmentContext, type EnrollmentContext } from './context.js';
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

async function bookSlot(tx: Database, ctx: EnrollmentContext, i: { workspaceId: string; enrollmentId: string; stepKey: string }, desired: string, existing: typeof callSlots.$inferSelect | undefined): Promise<string> {
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

/** When the step is due and what comes after it, for an enrollment whose context is loaded. */
export function planWithContext(ctx: EnrollmentContext, i: PlanStepInput): PlanStepResult {
  const step = stepOf(i.definition, i.stepId);
  try {
    const dueAt = planStepDue({ step, now: i.now, place: ctx.place, rules: ctx.rules, touches: i.touches, callbackAt: i.callbackAt ?? null, announcedCallAt: i.announcedCallAt ?? null });
    const upcoming = projectUpcoming({ definition: i.definition, fromStepId: i.stepId, firstDueAt: dueAt, place: ctx.place, rules: ctx.rules, touches: i.touches, hold: i.hold ?? null, firstFixed: i.firstFixed ?? false, callbackAt: i.callbackAt ?? null, announcedCallAt: i.announcedCallAt ?? null });
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
