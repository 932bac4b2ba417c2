// Ways through the announced-call cadence to the point a test starts from: the next working day,
// the LinkedIn note done, the 08:00 email planned, the announced call open; prospects with an
// explicit place.
import type { DateTime } from 'luxon';
import { expect } from 'vitest';
import { addProspect, complete, dueOf, enroll, openTaskOf, type CadenceHarness, type Enrolled, type Seed } from './cadence.js';
import { at, iso, nextLocal } from './dates.js';

export const PARIS = 'Europe/Paris';

/** The next Monday-to-Thursday (so the following day is a working day too) at `time`, Paris. */
export async function nextWorkday(h: CadenceHarness, time = '10:00'): Promise<DateTime> {
  return nextLocal(await h.now(), PARIS, time, (d) => d.weekday <= 4);
}

/** A fresh prospect enrolled on the next working day at 10:00 Paris: its LinkedIn note is open. */
export async function toLinkedInNote(h: CadenceHarness, s: Seed, email: string) {
  const day = await nextWorkday(h);
  await h.advanceTo(iso(day));
  const prospectId = await addProspect(h, s, email);
  const e = await enroll(h, s, { prospectId });
  const note = await openTaskOf(h, e, 'linkedin-note');
  return { day, prospectId, e, note };
}

/**
 * A fresh prospect enrolled on the next working day at 10:00 Paris, LinkedIn note done, then
 * the next day at 08:01: the email went out and the announced call's task is open (09:15).
 */
export async function toAnnouncedCall(h: CadenceHarness, s: Seed, email: string) {
  h.actAs(s.workspaceId);
  const { day, prospectId, e, note } = await toLinkedInNote(h, s, email);
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
