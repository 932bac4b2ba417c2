// Small additions to the cadence harness for the outcome, exit, control and bad-input suites:
// raw API calls that keep the content type, the way to the announced call, workflow results
// and row snapshots (to prove a refused request changed nothing).
import { Client } from '@temporalio/client';
import { and, eq, inArray } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { expect } from 'vitest';
import { callSlots, enrollments, events, prospects, tasks, touches } from '../../db/schema.js';
import type { EnrollmentResult } from '../../workflows/enrollment/input.js';
import { addProspect, complete, dueOf, enroll, openTaskOf, type CadenceHarness, type Enrolled, type Seed } from './cadence.js';
import { at, iso, nextLocal } from './dates.js';

export const PARIS = 'Europe/Paris';

export type { Problem } from './api.js';
import type { Problem } from './api.js';

/** An API call that also returns the content type (problem+json checks). */
export async function call<T = any>(h: CadenceHarness, method: string, path: string, body?: unknown): Promise<{ status: number; contentType: string | null; body: T }> {
  const res = await h.request(path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as T };
}

/** Asserts a problem+json answer with this status and returns its body. */
export async function expectProblem(h: CadenceHarness, method: string, path: string, body: unknown, status: number): Promise<Problem> {
  const res = await call<Problem>(h, method, path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.contentType).toBe('application/problem+json');
  expect(res.body.status).toBe(status);
  return res.body;
}

/** The next Monday-to-Thursday (so the following day is a working day too) at `time`, Paris. */
export async function nextWorkday(h: CadenceHarness, time = '10:00'): Promise<DateTime> {
  return nextLocal(await h.now(), PARIS, time, (d) => d.weekday <= 4);
}

const plainClients = new WeakMap<CadenceHarness, Client>();

/**
 * The workflow's result once it has finished. Waits in real time (time does not skip) and reads
 * the result with a plain client: the test environment's `result()` unlocks time skipping, and
 * the test server then jumps years ahead once nothing is left to run.
 */
export async function resultOf(h: CadenceHarness, e: Enrolled): Promise<EnrollmentResult> {
  let client = plainClients.get(h);
  if (!client) {
    client = new Client({ connection: h.env.connection, ...(h.env.namespace ? { namespace: h.env.namespace } : {}) });
    plainClients.set(h, client);
  }
  const handle = client.workflow.getHandle(e.workflowId);
  for (let i = 0; i < 200; i++) {
    if ((await handle.describe()).status.name !== 'RUNNING') return (await handle.result()) as EnrollmentResult;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`workflow ${e.workflowId} still running after 10 s`);
}

export const enrollmentPath = (s: Seed, e: Enrolled, action?: string) =>
  `/v1/enrollments/${e.id}${action ? `/${action}` : ''}`;

export const eventsPath = (s: Seed, prospectId: string) => `/v1/prospects/${prospectId}/events`;

/**
 * A fresh prospect enrolled on the next working day at 10:00 Paris, LinkedIn note done, then
 * the next day at 08:01: the email went out and the announced call's task is open (09:15).
 */
export async function toAnnouncedCall(h: CadenceHarness, s: Seed, email: string) {
  h.actAs(s.workspaceId);
  const day = await nextWorkday(h);
  await h.advanceTo(iso(day));
  const prospectId = await addProspect(h, s, email);
  const e = await enroll(h, s, { prospectId });
  const note = await openTaskOf(h, e, 'linkedin-note');
  const done = await complete(h, s, note.taskId, { outcome: 'done' });
  expect(done.status).toBe(200);
  const callDay = day.plus({ days: 1 });
  await h.advanceTo(iso(at(callDay, '08:01')));
  const callTask = await openTaskOf(h, e, 'announced-call');
  expect(callTask.dueAt).toBe(iso(at(callDay, '09:15')));
  return { e, prospectId, day, callDay, note, call: callTask };
}

/** A fresh prospect (Paris) enrolled now, its LinkedIn note done: the 08:00 email is planned and waits. */
export async function toEmailPlanned(h: CadenceHarness, s: Seed, email: string, extra: Record<string, unknown> = {}): Promise<Enrolled> {
  const prospectId = await addProspect(h, s, email, extra);
  const e = await enroll(h, s, { prospectId });
  const note = await openTaskOf(h, e, 'linkedin-note');
  expect((await complete(h, s, note.taskId, { outcome: 'done' })).status).toBe(200);
  await dueOf(h, e, 'announce-email');
  return e;
}

/** Everything a refused request must leave untouched for one enrollment. */
export async function snapshot(h: CadenceHarness, e: Enrolled) {
  const db = h.db.db;
  const [enrollment] = await db.select().from(enrollments).where(eq(enrollments.id, e.id));
  return {
    enrollment,
    tasks: await db.select().from(tasks).where(eq(tasks.enrollmentId, e.id)).orderBy(tasks.createdAt),
    touches: await db.select().from(touches).where(eq(touches.enrollmentId, e.id)),
    slots: await db.select().from(callSlots).where(eq(callSlots.enrollmentId, e.id)),
    events: (await db.select({ id: events.id, type: events.type }).from(events).where(eq(events.enrollmentId, e.id)).orderBy(events.id)),
  };
}

export async function eventTypes(h: CadenceHarness, e: Enrolled): Promise<string[]> {
  return (await h.db.db.select({ type: events.type }).from(events).where(eq(events.enrollmentId, e.id)).orderBy(events.id)).map((x) => x.type);
}

export async function taskRow(h: CadenceHarness, taskId: string) {
  const [row] = await h.db.db.select().from(tasks).where(eq(tasks.id, taskId));
  return row!;
}

export async function enrollmentRow(h: CadenceHarness, e: Enrolled) {
  const [row] = await h.db.db.select().from(enrollments).where(eq(enrollments.id, e.id));
  return row!;
}

export async function prospectRow(h: CadenceHarness, prospectId: string) {
  const [row] = await h.db.db.select().from(prospects).where(eq(prospects.id, prospectId));
  return row!;
}

/** Touch and task rows of every enrollment of a prospect. */
export async function prospectActivity(h: CadenceHarness, prospectId: string) {
  const db = h.db.db;
  const ids = (await db.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.prospectId, prospectId))).map((r) => r.id);
  if (ids.length === 0) return { touches: 0, tasks: 0, openTasks: 0 };
  const t = await db.select().from(tasks).where(inArray(tasks.enrollmentId, ids));
  return {
    touches: (await db.select({ id: touches.id }).from(touches).where(eq(touches.prospectId, prospectId))).length,
    tasks: t.length,
    openTasks: t.filter((x) => x.status === 'open').length,
  };
}

export async function reservedSlots(h: CadenceHarness, e: Enrolled) {
  return h.db.db.select().from(callSlots).where(and(eq(callSlots.enrollmentId, e.id), eq(callSlots.status, 'reserved')));
}
