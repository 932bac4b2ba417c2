// The announced call's task is visible as soon as its slot is reserved (issue 16.9): when the
// announcing email is planned (the day before), the rep's queue lists the call as `upcoming`, not
// yet actionable, with its prep; once the email has left the same task is open. A pause gives the
// slot back and the task goes; resuming brings both back.
import { and, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { events } from '../../db/schema.js';
import { openTaskOf, type CadenceHarness, type Enrolled, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextLocal, ymd } from '../support/dates.js';
import { recordHistory } from '../support/histories.js';
import { enrollmentPath, expectProblem, queueOf, stopEnrollment } from '../support/cadence-api.js';
import { PARIS, toEmailPlanned } from '../support/cadence-paths.js';
import { reservedSlots } from '../support/cadence-rows.js';
import { isWorkingDay } from '../support/holidays.js';

let h: CadenceHarness;
let s: Seed;

withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));


async function mondayThenWorkingTuesday(): Promise<DateTime> {
  return nextLocal(await h.now(), PARIS, '10:00', (d) => d.weekday === 1 && [0, 1, 2].every((n) => isWorkingDay('FR', undefined, ymd(d.plus({ days: n })), n + 1)));
}


const upcomingCalls = async (e: Enrolled) => (await queueOf(h, s, s.repId, 'upcoming')).filter((t) => t.enrollmentId === e.id);

describe("the announced call's task, from its slot's reservation", () => {
  it('shows as upcoming the day before with its prep, and opens, the same task, once the email has left', async () => {
    const monday = await mondayThenWorkingTuesday();
    const tuesday = monday.plus({ days: 1 });
    await h.advanceTo(iso(monday));
    const e = await toEmailPlanned(h, s, 'paul@initech.test', { firstName: 'Paul', lastName: 'Durand' });

    const [task, ...more] = await upcomingCalls(e);
    expect(more).toEqual([]);
    expect(task).toMatchObject({ kind: 'call', stepKey: 'announced-call#1', status: 'upcoming', dueAt: iso(at(tuesday, '09:15')), overdue: false });
    expect(task!.prep).toMatchObject({
      decisionMaker: { name: 'Paul Durand' },
      announcedCallAt: iso(at(tuesday, '09:15')),
      announcement: null,
      announcementLeavesAt: iso(at(tuesday, '08:00')),
      context: 'your Series B',
    });
    expect(task!.prep.script).toContain('09:15');
    expect((await reservedSlots(h, e)).map((x) => x.startsAt.toISOString())).toEqual([iso(at(tuesday, '09:15'))]);
    // Visible, not actionable: not in the open queue, and it cannot be logged yet.
    expect((await queueOf(h, s, s.repId)).map((t) => t.id)).not.toContain(task!.id);
    const early = await expectProblem(h, 'POST', `/v1/tasks/${task!.id}/complete`, { outcome: 'no_answer' }, 409);
    expect(early.detail).toMatch(/not actionable yet/);

    await h.advanceTo(iso(at(tuesday, '08:01')));
    const open = await openTaskOf(h, e, 'announced-call');
    expect(open.taskId).toBe(task!.id);
    expect(await upcomingCalls(e)).toEqual([]);
    const [inQueue] = (await queueOf(h, s, s.repId)).filter((t) => t.id === task!.id);
    expect(inQueue).toMatchObject({ status: 'open', dueAt: iso(at(tuesday, '09:15')) });
    expect(inQueue!.prep.announcement).toMatchObject({ announcedCallAt: iso(at(tuesday, '09:15')) });
    const created = await h.db.db.select().from(events).where(and(eq(events.enrollmentId, e.id), eq(events.type, 'task.created')));
    expect(created.filter((x) => (x.payload as { taskId: string }).taskId === task!.id)).toHaveLength(1);
    await stopEnrollment(h, s, e);
  });

  it('a pause gives the slot back and the upcoming task goes; resumed, both come back', async () => {
    const monday = await mondayThenWorkingTuesday();
    const tuesday = monday.plus({ days: 1 });
    await h.advanceTo(iso(monday));
    const e = await toEmailPlanned(h, s, 'pause-call@initech.test', { firstName: 'Paul', lastName: 'Durand' });
    expect(await upcomingCalls(e)).toHaveLength(1);

    expect((await h.api('POST', enrollmentPath(s, e, 'pause'), { reason: 'prospect on leave' })).status).toBe(200);
    expect(await upcomingCalls(e)).toEqual([]);
    expect(await reservedSlots(h, e)).toEqual([]);

    expect((await h.api('POST', enrollmentPath(s, e, 'resume'), {})).status).toBe(200);
    const [back] = await upcomingCalls(e);
    expect(back).toMatchObject({ status: 'upcoming', dueAt: iso(at(tuesday, '09:15')) });
    expect((await reservedSlots(h, e)).map((x) => x.startsAt.toISOString())).toEqual([iso(at(tuesday, '09:15'))]);

    const stopped = await stopEnrollment(h, s, e);
    await recordHistory(h.env.client, e.workflowId, 'announced-call-task-paused-resumed');
    expect(stopped.status).toBe('stopped');
    expect(await upcomingCalls(e)).toEqual([]);
  });
});
