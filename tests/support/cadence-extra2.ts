// Extra helpers for the escalation, zones/holidays and versions cadence tests: prospects with an
// explicit place (no default zone), a rep's queue, an enrollment's rows, holiday look-ups
// straight from the date-holidays data (independent of the engine's own timing code).
import { Client } from '@temporalio/client';
import Holidays from 'date-holidays';
import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { events, tasks } from '../../db/schema.js';
import type { EnrollmentResult } from '../../workflows/enrollment/input.js';
import type { CadenceHarness, Enrolled, Seed } from './cadence.js';

type Json = Record<string, unknown>;

/** A prospect with exactly the place fields given (timeZone and/or country/region) and an account. */
export async function addProspectAt(
  h: CadenceHarness,
  s: Seed,
  email: string,
  fields: { timeZone?: string; country?: string; region?: string; firstName?: string; lastName?: string; account?: { name: string; domain?: string } },
): Promise<{ id: string; accountId: string | null; timeZone: string | null }> {
  const { account, ...rest } = fields;
  const res = await h.api<{ id: string; accountId: string | null; timeZone: string | null }>('POST', `/v1/prospects`, {
    email,
    firstName: 'Alex',
    lastName: 'Martin',
    title: 'Head of Sales',
    phone: '+1 212 555 0100',
    ...rest,
    ...(account ? { account } : {}),
  });
  if (res.status !== 201) throw new Error(`prospect: ${JSON.stringify(res.body)}`);
  return res.body;
}

export type QueueTask = {
  id: string;
  enrollmentId: string | null;
  repId: string;
  stepKey: string;
  kind: string;
  title: string;
  dueAt: string;
  overdue: boolean;
  status: string;
  prep: Record<string, any>;
  outcome: Json | null;
};

/** GET /v1/reps/{userId}/tasks (open tasks by default). */
export async function queueOf(h: CadenceHarness, s: Seed, userId: string, status = 'open'): Promise<QueueTask[]> {
  h.actAs(s.workspaceId);
  const res = await h.api<{ data: QueueTask[] }>('GET', `/v1/reps/${userId}/tasks?status=${status}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

export async function taskRows(h: CadenceHarness, enrollmentId: string) {
  return h.db.db.select().from(tasks).where(eq(tasks.enrollmentId, enrollmentId)).orderBy(asc(tasks.createdAt));
}

export async function eventRows(h: CadenceHarness, enrollmentId: string) {
  return h.db.db.select().from(events).where(eq(events.enrollmentId, enrollmentId)).orderBy(asc(events.id));
}

/** Stops an enrollment through the API and returns its workflow's result. */
export async function stopEnrollment(h: CadenceHarness, s: Seed, e: Enrolled): Promise<EnrollmentResult> {
  h.actAs(s.workspaceId);
  const res = await h.api('POST', `/v1/enrollments/${e.id}/stop`, { reason: 'end of test' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return resultOf(h, e);
}

/**
 * The result of a workflow that finishes without time moving (it only waits for its last
 * activities). Not `h.env.client...result()`: the time-skipping client unlocks skipping while it
 * waits, and the server then jumps to the next timer of ANY workflow (years ahead when the only
 * one left is a run timeout), which ends the other enrollments of the file.
 */
export async function resultOf(h: CadenceHarness, e: Enrolled): Promise<EnrollmentResult> {
  const handle = h.env.client.workflow.getHandle(e.workflowId);
  for (let i = 0; i < 200; i++) {
    const d = await handle.describe();
    if (d.status.name !== 'RUNNING') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  let client = plainClients.get(h);
  if (!client) plainClients.set(h, (client = new Client({ connection: h.env.connection, namespace: h.env.namespace ?? 'default' })));
  return (await client.workflow.getHandle(e.workflowId).result()) as EnrollmentResult;
}
const plainClients = new WeakMap<CadenceHarness, Client>();

const calendars = new Map<string, Holidays>();

/** Holidays of a local date ("YYYY-MM-DD") in a country/region, straight from date-holidays. */
export function holidaysOn(country: string, region: string | undefined, localDate: string): Array<{ name: string; type: string }> {
  const key = `${country}|${region ?? ''}`;
  let cal = calendars.get(key);
  if (!cal) {
    cal = region ? new Holidays(country, region) : new Holidays(country);
    calendars.set(key, cal);
  }
  const year = Number(localDate.slice(0, 4));
  return cal
    .getHolidays(year)
    .filter((x) => x.date.slice(0, 10) === localDate)
    .map((x) => ({ name: x.name, type: x.type }));
}

/** Mon-Fri and no `public` holiday in the data: the engine's default business day. */
export function isWorkingDay(country: string, region: string | undefined, localDate: string, weekday: number): boolean {
  return weekday <= 5 && !holidaysOn(country, region, localDate).some((x) => x.type === 'public');
}
