// A rep's time off: declared by the rep (waiting), given a covering rep by their manager or ops.
// Writing it hands the covering rep the tasks and call slots falling in it, lists the promises
// (announced calls, callbacks) nobody will keep, and tells the rep's running cadences, whose
// waiting steps are planned again around it. Every later step reads it when it is planned.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { and, asc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { appendEvent } from '../../application/timeline.js';
import { repCalendarOf } from '../../application/enrollment-context.js';
import type { Database } from '../../db/client.js';
import { callSlots, enrollments, prospects, repAbsences, tasks, users, workspaces } from '../../db/schema.js';
import { addDays, atLocalTime, localDateOf, parseInstant } from '../../domain/timing/index.js';
import type { Principal } from '../middleware/auth.js';
import { ProblemError } from '../problem.js';
import { requireUser } from './people.js';
import { signalRepChanged } from './rep-changed.js';

export type AbsenceRow = typeof repAbsences.$inferSelect;
export type AbsenceInput = { startsOn: string; endsOn: string; coveringUserId?: string | null | undefined; note?: string | null | undefined };

/** A task falling in the time off that a person must look at: a promise to a prospect nobody covers. */
export type PromiseAtRisk = { taskId: string; enrollmentId: string | null; kind: string; dueAt: string; prospectTimeZone: string | null; reason: string };

export type AbsenceEffects = {
  /** Open and upcoming tasks handed to the covering rep. */
  tasksToCover: number;
  /** Announced call slots moved to the covering rep's capacity. */
  callSlotsToCover: number;
  /** Promises made before the time off was known, that no one covers: a person decides. */
  promisesAtRisk: PromiseAtRisk[];
  /** Running cadences told to plan their waiting step again; `cadencesNotReached` will on their next step. */
  cadencesNotified: number;
  cadencesNotReached: number;
};

const invalid = (field: string, message: string) => new ProblemError('validation-failed', 422, `${field}: ${message}`, { errors: [{ field, message }] });
const noSuchUser = () => new ProblemError('not-found', 404, 'no such user in this workspace');
const noSuchAbsence = () => new ProblemError('not-found', 404, 'no such time off for this user');

/**
 * Who may see and write a user's time off: admin and ops anyone's; a key acting for a person their
 * own and their reports'. Only a manager (or ops) chooses a covering rep.
 */
async function authorize(db: Database, who: Principal, userId: string, write?: { coveringUserId?: string | null | undefined }) {
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.workspaceId, who.workspaceId)));
  if (!user) throw noSuchUser();
  if (who.role === 'admin' || who.role === 'ops') return user;
  const own = who.userId !== null && who.userId === userId;
  const manages = who.userId !== null && user.managerId === who.userId;
  if (!own && !manages) throw noSuchUser();
  if (write?.coveringUserId && !manages) throw new ProblemError('forbidden', 403, "choosing a covering rep needs the ops role, or to be the rep's manager");
  return user;
}

/** The zone the rep's days are counted in: theirs, else the workspace's. */
async function repZoneOf(db: Database, user: typeof users.$inferSelect): Promise<string> {
  const [ws] = await db.select({ timeZone: workspaces.timeZone }).from(workspaces).where(eq(workspaces.id, user.workspaceId));
  return repCalendarOf(user, ws!.timeZone, []).timeZone;
}

/** Today in the rep's zone, on the API's clock. */
const todayIn = (zone: string, nowMs: number): string => localDateOf(parseInstant(new Date(nowMs).toISOString(), 'now'), zone);

async function checkInput(db: Database, who: Principal, user: typeof users.$inferSelect, i: AbsenceInput, today: string, except?: string) {
  if (i.endsOn < i.startsOn) throw invalid('body.endsOn', `the last day away (${i.endsOn}) is before the first (${i.startsOn})`);
  if (i.endsOn < today) throw invalid('body.endsOn', `this time off is already over (today is ${today} in the rep's zone)`);
  if (addDays(i.startsOn, 366) <= i.endsOn) throw invalid('body.endsOn', 'a time off lasts a year at most');
  if (i.coveringUserId) {
    if (i.coveringUserId === user.id) throw invalid('body.coveringUserId', 'a rep cannot cover for themselves');
    await requireUser(db, who.workspaceId, i.coveringUserId, 'body.coveringUserId');
  }
  const [overlap] = await db
    .select({ id: repAbsences.id, startsOn: repAbsences.startsOn, endsOn: repAbsences.endsOn })
    .from(repAbsences)
    .where(and(eq(repAbsences.userId, user.id), sql`${repAbsences.startsOn} <= ${i.endsOn} and ${repAbsences.endsOn} >= ${i.startsOn}`, except ? ne(repAbsences.id, except) : undefined));
  if (overlap) throw new ProblemError('conflict', 409, `body.startsOn: overlaps the time off from ${overlap.startsOn} to ${overlap.endsOn}`, { errors: [{ field: 'body.startsOn', message: `overlaps the time off ${overlap.id}` }] });
}

export async function listAbsences(db: Database, who: Principal, userId: string): Promise<AbsenceRow[]> {
  await authorize(db, who, userId);
  return db.select().from(repAbsences).where(and(eq(repAbsences.userId, userId), eq(repAbsences.workspaceId, who.workspaceId))).orderBy(asc(repAbsences.startsOn));
}

export async function createAbsence(deps: { db: Database; temporal: Client; nowMs: number }, who: Principal, userId: string, i: AbsenceInput) {
  const { db } = deps;
  const user = await authorize(db, who, userId, i);
  const zone = await repZoneOf(db, user);
  await checkInput(db, who, user, i, todayIn(zone, deps.nowMs));
  const [absence] = await db.insert(repAbsences).values({ workspaceId: who.workspaceId, userId, startsOn: i.startsOn, endsOn: i.endsOn, coveringUserId: i.coveringUserId ?? null, note: i.note ?? null }).returning();
  return { absence: absence!, effects: await applyAbsence(deps, who, user, absence!, zone) };
}

export async function updateAbsence(deps: { db: Database; temporal: Client; nowMs: number }, who: Principal, userId: string, absenceId: string, patch: Partial<AbsenceInput>) {
  const { db } = deps;
  const user = await authorize(db, who, userId, patch);
  const [current] = await db.select().from(repAbsences).where(and(eq(repAbsences.id, absenceId), eq(repAbsences.userId, userId), eq(repAbsences.workspaceId, who.workspaceId)));
  if (!current) throw noSuchAbsence();
  const next: AbsenceInput = { startsOn: patch.startsOn ?? current.startsOn, endsOn: patch.endsOn ?? current.endsOn, coveringUserId: patch.coveringUserId === undefined ? current.coveringUserId : patch.coveringUserId, note: patch.note === undefined ? current.note : patch.note };
  const zone = await repZoneOf(db, user);
  await checkInput(db, who, user, next, todayIn(zone, deps.nowMs), absenceId);
  const [absence] = await db.update(repAbsences).set({ startsOn: next.startsOn, endsOn: next.endsOn, coveringUserId: next.coveringUserId ?? null, note: next.note ?? null }).where(eq(repAbsences.id, absenceId)).returning();
  return { absence: absence!, effects: await applyAbsence(deps, who, user, absence!, zone) };
}

export async function deleteAbsence(deps: { db: Database; temporal: Client }, who: Principal, userId: string, absenceId: string): Promise<void> {
  const { db } = deps;
  await authorize(db, who, userId);
  const [gone] = await db.delete(repAbsences).where(and(eq(repAbsences.id, absenceId), eq(repAbsences.userId, userId), eq(repAbsences.workspaceId, who.workspaceId))).returning();
  if (!gone) throw noSuchAbsence();
  // The rep is there after all: waiting steps are planned again, earlier if they can.
  await notifyCadences(deps, who.workspaceId, userId, 'time off removed');
}

/** The time off's instants: from the first day's 00:00 to the day after the last, in the rep's zone. */
function spanOf(zone: string, a: AbsenceRow) {
  return { from: atLocalTime(a.startsOn, '00:00', zone).toJSDate(), to: atLocalTime(addDays(a.endsOn, 1), '00:00', zone).toJSDate() };
}

async function applyAbsence(deps: { db: Database; temporal: Client }, who: Principal, user: typeof users.$inferSelect, absence: AbsenceRow, zone: string): Promise<AbsenceEffects> {
  const { db } = deps;
  const { from, to } = spanOf(zone, absence);
  const inSpan = (col: typeof tasks.dueAt | typeof callSlots.startsAt) => and(gte(col, from), lt(col, to));
  const cover = absence.coveringUserId;
  let tasksToCover = 0;
  let callSlotsToCover = 0;
  if (cover) {
    await db.transaction(async (tx) => {
      const moved = await tx
        .update(tasks)
        .set({ repId: cover })
        .where(and(eq(tasks.workspaceId, who.workspaceId), eq(tasks.repId, user.id), inArray(tasks.status, ['open', 'upcoming']), inSpan(tasks.dueAt)))
        .returning({ id: tasks.id, enrollmentId: tasks.enrollmentId, stepKey: tasks.stepKey });
      tasksToCover = moved.length;
      // A call slot moves to the covering rep unless they already have a call at that time.
      const slots = await tx
        .update(callSlots)
        .set({ repId: cover })
        .where(
          and(
            eq(callSlots.repId, user.id),
            eq(callSlots.status, 'reserved'),
            inSpan(callSlots.startsAt),
            sql`not exists (select 1 from ${callSlots} c where c.rep_id = ${cover} and c.status = 'reserved' and c.starts_at = ${callSlots.startsAt})`,
          ),
        )
        .returning({ id: callSlots.id });
      callSlotsToCover = slots.length;
      for (const m of moved) {
        const [e] = m.enrollmentId ? await tx.select({ prospectId: enrollments.prospectId }).from(enrollments).where(eq(enrollments.id, m.enrollmentId)) : [];
        await appendEvent(tx, {
          workspaceId: who.workspaceId,
          prospectId: e?.prospectId ?? null,
          enrollmentId: m.enrollmentId,
          type: 'task.reassigned',
          payload: { taskId: m.id, stepId: m.stepKey, fromRepId: user.id, toRepId: cover, reason: `covering ${absence.startsOn} to ${absence.endsOn}`, byKeyId: who.keyId },
          dedupeKey: `task.reassigned:${m.id}:${randomUUID()}`,
        });
      }
    });
  }
  // Promises nobody keeps: announced calls and callbacks still the rep's in the time off.
  const atRisk = await db
    .select({ id: tasks.id, enrollmentId: tasks.enrollmentId, kind: tasks.kind, dueAt: tasks.dueAt, prep: tasks.prep, timeZone: prospects.timeZone })
    .from(tasks)
    .leftJoin(enrollments, eq(enrollments.id, tasks.enrollmentId))
    .leftJoin(prospects, eq(prospects.id, enrollments.prospectId))
    .where(and(eq(tasks.workspaceId, who.workspaceId), eq(tasks.repId, user.id), inArray(tasks.status, ['open', 'upcoming']), inSpan(tasks.dueAt), sql`(${tasks.kind} = 'callback' or ${tasks.prep} ->> 'announcedCallAt' is not null)`))
    .orderBy(asc(tasks.dueAt));
  const promisesAtRisk = atRisk.map((r) => ({
    taskId: r.id,
    enrollmentId: r.enrollmentId,
    kind: r.kind,
    dueAt: r.dueAt.toISOString(),
    prospectTimeZone: r.timeZone ?? (r.prep as { timeZone?: string }).timeZone ?? null,
    reason: r.kind === 'callback' ? 'a callback at the time the prospect gave' : 'a call announced to the prospect',
  }));
  const reached = await notifyCadences(deps, who.workspaceId, user.id, `time off ${absence.startsOn} to ${absence.endsOn}`);
  return { tasksToCover, callSlotsToCover, promisesAtRisk, ...reached };
}

/**
 * Tells the rep's running cadences that the rep's days away changed. A cadence not reached
 * (Temporal briefly away) still reads the time off when it plans its next step.
 */
async function notifyCadences(deps: { db: Database; temporal: Client }, workspaceId: string, repId: string, reason: string) {
  const running = await deps.db
    .select({ workflowId: enrollments.workflowId })
    .from(enrollments)
    .where(and(eq(enrollments.workspaceId, workspaceId), eq(enrollments.repId, repId), inArray(enrollments.status, ['active', 'paused'])));
  return signalRepChanged(deps.temporal, running.map((e) => e.workflowId), reason);
}
