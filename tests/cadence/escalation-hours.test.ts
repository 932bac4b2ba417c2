// Escalation tasks fall due in their assignees' working hours (issue 16.8), through the API on the
// time-skipping server: a blocker logged on a Saturday evening for a prospect in Sydney is decided
// at once; the rep's task to tell the champion is due at the rep's next working moment (Monday
// 09:00 in Paris), the manager's call at the manager's (Monday 09:00 in New York), neither created
// overdue, and `upcoming` shows the pending escalation meanwhile.
import { describe, expect, it } from 'vitest';
import { complete, enroll, openTaskOf, seed, waitFor, type CadenceHarness, withCadenceHarness } from '../support/cadence.js';
import { at, iso, nextLocal, ymd } from '../support/dates.js';
import { recordHistory } from '../support/histories.js';
import { enrollmentPath, expectProblem, queueOf, stopEnrollment } from '../support/cadence-api.js';
import { PARIS } from '../support/cadence-paths.js';
import { isWorkingDay } from '../support/holidays.js';

const SYDNEY = 'Australia/Sydney';
const NY = 'America/New_York';
let h: CadenceHarness;

withCadenceHarness((started) => (h = started));


describe('escalation tasks in working hours', () => {
  it('a blocker logged on a Saturday night: the champion task is due Monday 09:00 for the rep, the manager call Monday 09:00 in New York', async () => {
    const s = await seed(h, { timeZone: SYDNEY });
    expect((await h.api('PATCH', `/v1/users/${s.managerId}`, { timeZone: NY })).status).toBe(200);
    // A working Friday in Sydney whose Monday is a working day in Paris and New York.
    const friday = nextLocal(await h.now(), SYDNEY, '10:00', (d) => {
      const monday = d.plus({ days: 3 });
      return d.weekday === 5 && isWorkingDay('AU', undefined, ymd(d), 5) && isWorkingDay('FR', undefined, ymd(monday), 1) && isWorkingDay('US', undefined, ymd(monday), 1);
    });
    await h.advanceTo(iso(friday));
    const e = await enroll(h, s, { sequence: 'expected-callback' });
    const call = await openTaskOf(h, e, 'inbound-call');

    // Saturday 13:24 in Paris, 23:24 in Sydney: the rep logs the call late.
    const saturdayParis = friday.setZone(PARIS).plus({ days: 1 }).set({ hour: 13, minute: 24, second: 0, millisecond: 0 });
    await h.advanceTo(iso(saturdayParis));
    const blocked = await complete(h, s, call.taskId, { outcome: 'blocker', blockerKind: 'champion_lacks_authority', note: 'her CFO has not heard of it' });
    expect(blocked.status, JSON.stringify(blocked.body)).toBe(200);
    expect(blocked.body.next?.stepId).toBe('escalation');

    const mondayParis = at(saturdayParis.plus({ days: 2 }), '09:00');
    const tell = await waitFor(h, e, (v) => v.phase === 'task_open' && v.currentTask?.stepId === 'escalation', 'the tell-champion task');
    expect(tell.currentTask!.dueAt).toBe(iso(mondayParis));
    const [repTask] = (await queueOf(h, s, s.repId)).filter((t) => t.kind === 'tell_champion');
    expect(repTask).toMatchObject({ dueAt: iso(mondayParis), overdue: false });
    const pending = await h.api<{ data: Array<{ stepId: string; dueAt: string | null }> }>('GET', `${enrollmentPath(s, e)}/upcoming`);
    expect(pending.body.data).toEqual([{ stepId: 'escalation', type: 'escalation', dueAt: iso(mondayParis) }]);
    // Its tasks keep the team's hours: an escalation is not rescheduled.
    await expectProblem(h, 'POST', enrollmentPath(s, e, 'reschedule'), { at: iso(mondayParis.plus({ hours: 2 })), reason: 'later' }, 409);

    // Monday 09:05 Paris: the champion is told; the manager's call falls in the manager's morning.
    await h.advanceTo(iso(mondayParis.plus({ minutes: 5 })));
    expect((await complete(h, s, tell.currentTask!.taskId, { outcome: 'done' })).status).toBe(200);
    const mondayNy = at(mondayParis.setZone(NY), '09:00');
    const managerCall = await waitFor(h, e, (v) => v.phase === 'task_open' && v.currentTask?.taskId !== tell.currentTask!.taskId, 'the manager call');
    expect(managerCall.currentTask!.dueAt).toBe(iso(mondayNy));
    expect(await queueOf(h, s, s.managerId)).toEqual([expect.objectContaining({ kind: 'escalation_call', dueAt: iso(mondayNy), overdue: false })]);
    const next = await h.api<{ data: Array<{ stepId: string; dueAt: string | null }> }>('GET', `${enrollmentPath(s, e)}/upcoming`);
    expect(next.body.data).toEqual([{ stepId: 'escalation', type: 'escalation', dueAt: iso(mondayNy) }]);
    await stopEnrollment(h, s, e);
    await recordHistory(h.env.client, e.workflowId, 'escalation-working-hours');
  });

  it("working hours are the person's own: set through the API, checked", async () => {
    const s = await seed(h, { timeZone: SYDNEY });
    const ok = await h.api<{ workingHours: unknown }>('PATCH', `/v1/users/${s.repId}`, { workingHours: { days: [1, 2, 3, 4], start: '08:30', end: '17:00' } });
    expect(ok.status).toBe(200);
    expect(ok.body.workingHours).toEqual({ days: [1, 2, 3, 4], start: '08:30', end: '17:00' });
    const bad = await expectProblem(h, 'PATCH', `/v1/users/${s.repId}`, { workingHours: { start: '18:00', end: '09:00' } }, 422);
    expect(bad.errors?.map((x) => x.field)).toEqual(['body.workingHours.end']);
    const cleared = await h.api<{ workingHours: unknown }>('PATCH', `/v1/users/${s.repId}`, { workingHours: null });
    expect(cleared.body.workingHours).toBeNull();
  });
});
