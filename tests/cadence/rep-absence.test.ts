// A rep's absence (PLAYBOOK: capacity zero), through the API on the time-skipping server: time off
// declared ahead makes the cadence wait and resume on the return at the step's own time, with no
// call announced in it; declared while a step waits, it moves the step (and removing it brings it
// back); a covering rep chosen by the manager takes the announced call in their own queue; the
// public holidays of the rep's own country count as days away; bad requests name their field.
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addProspect, complete, dueOf, enroll, openTaskOf, seed, waitFor, type CadenceHarness, type Seed, withCadenceHarness } from '../support/cadence.js';
import { at, iso, nextLocal, ymd } from '../support/dates.js';
import { recordHistory } from '../support/histories.js';
import { enrollmentPath, expectProblem, queueOf, stopEnrollment } from '../support/cadence-api.js';
import { PARIS } from '../support/cadence-paths.js';
import { reservedSlots } from '../support/cadence-rows.js';
import { holidaysOn, isWorkingDay } from '../support/holidays.js';

let h: CadenceHarness;
withCadenceHarness((started) => (h = started));

const worksFR = (d: DateTime) => isWorkingDay('FR', undefined, ymd(d), d.weekday);
type Effects = { tasksToCover: number; callSlotsToCover: number; promisesAtRisk: Array<{ taskId: string; kind: string }>; cadencesNotified: number; cadencesNotReached: number };
type Written = { absence: { id: string; startsOn: string; endsOn: string; coveringUserId: string | null }; effects: Effects };

async function declare(s: Seed, userId: string, body: Record<string, unknown>) {
  h.actAs(s.workspaceId);
  const res = await h.api<Written>('POST', `/v1/users/${userId}/absences`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A Thursday 10:00 in Paris from which the next six calendar days' weekdays are all French working days. */
async function thursdayBeforeAWorkingWeek(): Promise<DateTime> {
  return nextLocal(await h.now(), PARIS, '10:00', (d) => d.weekday === 4 && [0, 1, 4, 5, 6, 7].every((n) => worksFR(d.plus({ days: n }))));
}

describe("a rep's time off", () => {
  it('declared ahead: the 08:00 email waits for the return and leaves then at 08:00, its call announced after the return', async () => {
    const s = await seed(h, { timeZone: PARIS });
    const thursday = await thursdayBeforeAWorkingWeek();
    await h.advanceTo(iso(thursday));
    // Away Friday to Tuesday: back on Wednesday.
    const written = await declare(s, s.repId, { startsOn: ymd(thursday.plus({ days: 1 })), endsOn: ymd(thursday.plus({ days: 5 })), note: 'ski week' });
    expect(written.effects).toEqual({ tasksToCover: 0, callSlotsToCover: 0, promisesAtRisk: [], cadencesNotified: 0, cadencesNotReached: 0 });

    const e = await enroll(h, s);
    const note = await openTaskOf(h, e, 'linkedin-note');
    expect((await complete(h, s, note.taskId, { outcome: 'done' })).status).toBe(200);
    const wednesday = thursday.plus({ days: 6 });
    expect(await dueOf(h, e, 'announce-email')).toBe(iso(at(wednesday, '08:00')));
    // The call it announces falls after the return: no slot in the time off.
    const [slot] = await reservedSlots(h, e);
    expect(slot!.startsAt.toISOString()).toBe(iso(at(wednesday, '09:15')));
    expect(slot!.repId).toBe(s.repId);
    const upcoming = await h.api<{ data: Array<{ stepId: string; dueAt: string | null }> }>('GET', `${enrollmentPath(s, e)}/upcoming`);
    expect(upcoming.body.data.slice(0, 2)).toEqual([
      { stepId: 'announce-email', type: 'email', dueAt: iso(at(wednesday, '08:00')) },
      { stepId: 'announced-call', type: 'call', dueAt: iso(at(wednesday, '09:15')) },
    ]);

    await h.advanceTo(iso(at(wednesday, '08:01')));
    const call = await openTaskOf(h, e, 'announced-call');
    expect(call.dueAt).toBe(iso(at(wednesday, '09:15')));
    expect((await queueOf(h, s, s.repId)).map((t) => t.kind)).toContain('call');
    await stopEnrollment(h, s, e);
    await recordHistory(h.env.client, e.workflowId, 'rep-absence-declared-ahead');
  });

  it('declared while the email waits: the email and its call move to the return; removing the time off brings them back', async () => {
    const s = await seed(h, { timeZone: PARIS });
    const thursday = await thursdayBeforeAWorkingWeek();
    await h.advanceTo(iso(thursday));
    const e = await enroll(h, s);
    const note = await openTaskOf(h, e, 'linkedin-note');
    expect((await complete(h, s, note.taskId, { outcome: 'done' })).status).toBe(200);
    const friday = thursday.plus({ days: 1 });
    expect(await dueOf(h, e, 'announce-email')).toBe(iso(at(friday, '08:00')));

    // Away Friday and Monday: the email leaves Tuesday 08:00, its call at 09:15 that day.
    const written = await declare(s, s.repId, { startsOn: ymd(friday), endsOn: ymd(friday.plus({ days: 3 })) });
    expect(written.effects.cadencesNotified).toBe(1);
    const tuesday = friday.plus({ days: 4 });
    await waitFor(h, e, (v) => v.stepId === 'announce-email' && v.dueAt === iso(at(tuesday, '08:00')), 'the email moved to the return');
    await expect.poll(async () => (await reservedSlots(h, e)).map((x) => x.startsAt.toISOString())).toEqual([iso(at(tuesday, '09:15'))]);

    h.actAs(s.workspaceId);
    expect((await h.request(`/v1/users/${s.repId}/absences/${written.absence.id}`, { method: 'DELETE' })).status).toBe(204);
    await waitFor(h, e, (v) => v.stepId === 'announce-email' && v.dueAt === iso(at(friday, '08:00')), 'the email back on Friday');
    await expect.poll(async () => (await reservedSlots(h, e)).map((x) => x.startsAt.toISOString())).toEqual([iso(at(friday, '09:15'))]);
    await stopEnrollment(h, s, e);
    await recordHistory(h.env.client, e.workflowId, 'rep-absence-declared-while-waiting');
  });

  it("covered by a rep the manager chose: nothing waits, the announced call is on the covering rep's capacity and in their queue", async () => {
    const s = await seed(h, { timeZone: PARIS });
    const cover = await h.api<{ id: string }>('POST', '/v1/users', { email: 'lea@acme.test', name: 'Léa Cover', managerId: s.managerId });
    const thursday = await thursdayBeforeAWorkingWeek();
    await h.advanceTo(iso(thursday));
    const friday = thursday.plus({ days: 1 });
    const written = await declare(s, s.repId, { startsOn: ymd(friday), endsOn: ymd(friday), coveringUserId: cover.body.id });
    expect(written.absence.coveringUserId).toBe(cover.body.id);

    const e = await enroll(h, s);
    const note = await openTaskOf(h, e, 'linkedin-note');
    expect((await complete(h, s, note.taskId, { outcome: 'done' })).status).toBe(200);
    expect(await dueOf(h, e, 'announce-email')).toBe(iso(at(friday, '08:00')));
    const [slot] = await reservedSlots(h, e);
    expect({ repId: slot!.repId, at: slot!.startsAt.toISOString() }).toEqual({ repId: cover.body.id, at: iso(at(friday, '09:15')) });
    expect((await queueOf(h, s, cover.body.id, 'upcoming')).map((t) => t.enrollmentId)).toEqual([e.id]);
    expect(await queueOf(h, s, s.repId, 'upcoming')).toEqual([]);

    await h.advanceTo(iso(at(friday, '08:01')));
    const call = await openTaskOf(h, e, 'announced-call');
    expect(call.dueAt).toBe(iso(at(friday, '09:15')));
    expect((await queueOf(h, s, cover.body.id)).map((t) => t.id)).toEqual([call.taskId]);
    // The covering rep logs the call; the rest of the cadence is the rep's again after the return.
    expect((await complete(h, s, call.taskId, { outcome: 'no_answer' })).status).toBe(200);
    const voicemail = await openTaskOf(h, e, 'voicemail');
    expect((await queueOf(h, s, cover.body.id)).map((t) => t.id)).toContain(voicemail.taskId);
    await stopEnrollment(h, s, e);
  });

  it("the public holidays of the rep's own country are days away: an Italian rep's cadence skips 8 December (or the next Italian-only holiday)", async () => {
    const s = await seed(h, { timeZone: PARIS });
    expect((await h.api('PATCH', `/v1/users/${s.repId}`, { timeZone: 'Europe/Rome', country: 'it' })).body).toMatchObject({ country: 'IT', timeZone: 'Europe/Rome' });
    // A French working day whose next day is an Italian public holiday but a French working day.
    const eve = nextLocal(await h.now(), PARIS, '10:00', (d) => {
      const next = d.plus({ days: 1 });
      return worksFR(d) && worksFR(next) && worksFR(next.plus({ days: 1 })) && holidaysOn('IT', undefined, ymd(next)).some((x) => x.type === 'public');
    });
    await h.advanceTo(iso(eve));
    const prospectId = await addProspect(h, s, 'luca@globex.test');
    const e = await enroll(h, s, { prospectId });
    const note = await openTaskOf(h, e, 'linkedin-note');
    expect((await complete(h, s, note.taskId, { outcome: 'done' })).status).toBe(200);
    const dayAfter = eve.plus({ days: 2 });
    expect(await dueOf(h, e, 'announce-email')).toBe(iso(at(dayAfter, '08:00')));
    expect((await reservedSlots(h, e))[0]!.startsAt.toISOString()).toBe(iso(at(dayAfter, '09:15')));
    await stopEnrollment(h, s, e);
  });

  it('refuses what cannot be: each error names its field; a rep declares only its own time off, without a cover', async () => {
    const s = await seed(h, { timeZone: PARIS });
    const tomorrow = nextLocal(await h.now(), PARIS, '10:00', () => true);
    const later = (n: number) => ymd(tomorrow.plus({ days: n }));
    const p1 = await expectProblem(h, 'POST', `/v1/users/${s.repId}/absences`, { startsOn: later(5), endsOn: later(3) }, 422);
    expect(p1.errors?.map((x) => x.field)).toEqual(['body.endsOn']);
    const p2 = await expectProblem(h, 'POST', `/v1/users/${s.repId}/absences`, { startsOn: later(3), endsOn: later(5), coveringUserId: s.repId }, 422);
    expect(p2.errors?.map((x) => x.field)).toEqual(['body.coveringUserId']);
    const p3 = await expectProblem(h, 'POST', `/v1/users/${s.repId}/absences`, { startsOn: later(3), endsOn: later(5), coveringUserId: '00000000-0000-4000-8000-000000000000' }, 404);
    expect(p3.errors?.map((x) => x.field)).toEqual(['body.coveringUserId']);
    const p4 = await expectProblem(h, 'POST', `/v1/users/${s.repId}/absences`, { startsOn: '2020-01-01', endsOn: '2020-01-03' }, 422);
    expect(p4.detail).toMatch(/already over/);
    const p5 = await expectProblem(h, 'POST', `/v1/users/${s.repId}/absences`, { startsOn: 'soon', endsOn: later(3) }, 422);
    expect(p5.errors?.map((x) => x.field)).toEqual(['body.startsOn']);
    await declare(s, s.repId, { startsOn: later(3), endsOn: later(5) });
    const p6 = await expectProblem(h, 'POST', `/v1/users/${s.repId}/absences`, { startsOn: later(5), endsOn: later(8) }, 409);
    expect(p6.errors?.map((x) => x.field)).toEqual(['body.startsOn']);

    // A rep key acts as the rep: its own time off, no cover, nobody else's.
    const key = await h.api<{ key: string }>('POST', '/v1/api-keys', { name: 'sam', role: 'rep', userId: s.repId });
    const asRep = (method: string, path: string, body?: unknown) =>
      h.app.request(path, { method, headers: { authorization: `Bearer ${key.body.key}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    expect((await asRep('POST', `/v1/users/${s.repId}/absences`, { startsOn: later(10), endsOn: later(11) })).status).toBe(201);
    expect((await asRep('POST', `/v1/users/${s.repId}/absences`, { startsOn: later(20), endsOn: later(21), coveringUserId: s.managerId })).status).toBe(403);
    expect((await asRep('GET', `/v1/users/${s.managerId}/absences`)).status).toBe(404);
    const mine = (await (await asRep('GET', `/v1/users/${s.repId}/absences`)).json()) as { data: Array<{ startsOn: string }> };
    expect(mine.data.map((a) => a.startsOn)).toEqual([later(3), later(10)]);
  });
});
