// The manager's view answers whole days from its rollup (rep_activity_days, kept by triggers on
// tasks) and the rest from the tasks: written through the real cadence and API, with tasks done
// late, out of order, days after they were due and across the rep's local midnight in a zone
// half an hour off UTC, every answer over periods cut at local midnights and at odd instants is a
// brute-force recount of the raw rows, and so is every rolled-up day itself.
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_FIGURES } from '../../api/services/reports/activity-figures.js';
import { enrollmentFirstTouches, enrollments, repActivityDays, tasks, touches } from '../../db/schema.js';
import { complete, openTaskOf, type CadenceHarness, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextWorkingMonday } from '../support/dates.js';
import { addUser } from '../support/people.js';
import { recountActivity } from '../support/report-recount.js';

// India is UTC+05:30: a rep's midnight is never a UTC day's edge.
const KOLKATA = 'Asia/Kolkata';
const DAY = 86_400_000;
let h: CadenceHarness;
let s: Seed;
withSeededHarness({ timeZone: KOLKATA }, (started) => ({ h, s } = started));

type Activity = { reps: Array<Record<(typeof ACTIVITY_FIGURES)[number], number> & { id: string; name: string }> };
let monday: DateTime;
let rita = '';
const dueAts: string[] = [];

async function inbound(email: string, repId: string) {
  const p = await h.api<{ id: string }>('POST', '/v1/prospects', { email, firstName: 'Lead', lastName: 'Test', timeZone: KOLKATA });
  const e = await h.api<{ id: string; workflowId: string }>('POST', '/v1/enrollments', { prospectId: p.body.id, sequenceId: s.sequences['expected-callback'], repId, context: 'inbound' });
  const task = await openTaskOf(h, e.body, 'inbound-call');
  dueAts.push(task.dueAt);
  return task.taskId;
}
const done = async (taskId: string) => expect((await complete(h, s, taskId, { outcome: 'not_interested' })).status).toBe(200);

beforeAll(async () => {
  rita = await addUser(h, { email: 'rita@acme.test', name: 'Rita Rep', managerId: s.managerId });
  monday = nextWorkingMonday(await h.now(), KOLKATA, 'IN');
  await h.advanceTo(iso(monday));
  const a = await inbound('a@initech.test', s.repId);
  const b = await inbound('b@initech.test', rita);
  const c = await inbound('c@initech.test', s.repId);
  const e = await inbound('e@initech.test', s.repId);
  await done(b); // on time
  await h.advanceTo(iso(at(monday, '23:50'))); // 18:20 UTC: late, the rep's Monday
  await done(c);
  await h.advanceTo(iso(at(monday.plus({ days: 1 }), '00:10'))); // 18:40 UTC: the rep's Tuesday, still Monday in UTC
  await done(a); // out of order: enrolled before c, done after it
  await inbound('d@initech.test', rita); // left open: overdue
  await h.advanceTo(iso(at(monday.plus({ days: 3 }), '12:00')));
  await done(e); // three days late: lands in a day already rolled up
});

const periodOf = (from: string, to: string) => ({ from: Date.parse(from), to: Date.parse(to) });

describe('the rollup of the manager\'s view', () => {
  it('answers every period cut at local midnights and odd instants as the recount of the raw tasks does', async () => {
    const midnights = [0, 1, 2, 3, 4].map((d) => iso(monday.plus({ days: d }).startOf('day')));
    const periods: Array<[string, string]> = [];
    for (let i = 0; i < midnights.length; i++) for (let j = i + 1; j < midnights.length; j++) periods.push([midnights[i]!, midnights[j]!]);
    // An instant a task is due at, at either end (from is inclusive, to exclusive), and a UTC midnight.
    const utcMonday = new Date(Math.ceil(Date.parse(midnights[0]!) / DAY) * DAY).toISOString();
    periods.push([dueAts[0]!, midnights[4]!], [midnights[0]!, dueAts[0]!], [utcMonday, midnights[4]!], [midnights[0]!, new Date(Date.parse(utcMonday) + 2 * DAY).toISOString()]);
    const now = await h.now();
    let checked = 0;
    for (const [from, to] of periods) {
      const res = await h.api<Activity>('GET', `/v1/reports/activity?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      expect(res.status).toBe(200);
      const recount = await recountActivity(h.db, s.workspaceId, res.body.reps.map((r) => r.id), { ...periodOf(from, to), now, escalationsSince: now - 90 * DAY });
      for (const rep of res.body.reps) {
        for (const figure of ACTIVITY_FIGURES) {
          expect([from, to, rep.name, figure, rep[figure]]).toEqual([from, to, rep.name, figure, recount[rep.id]![figure]!.length]);
          checked += rep[figure];
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    // The history holds what the test meant: late work, and work still overdue.
    const week = await recountActivity(h.db, s.workspaceId, [s.repId, rita], { ...periodOf(midnights[0]!, midnights[4]!), now, escalationsSince: now });
    expect(week[s.repId]!.doneLate).toHaveLength(3);
    expect(week[rita]!.doneOnTime).toHaveLength(1);
    expect(week[rita]!.overdue).toHaveLength(1);
  });

  it('holds, day by day, what the recount counts for that UTC day', async () => {
    const now = await h.now();
    const rows = await h.db.db.select().from(repActivityDays).where(and(eq(repActivityDays.workspaceId, s.workspaceId)));
    expect(rows.length).toBeGreaterThan(0);
    const column = { tasksDue: 'tasksDue', doneOnTime: 'doneOnTime', doneLate: 'doneLate', overdue: 'openTasks', skipped: 'skipped', missed: 'missed', announcedKept: 'announcedKept', announcedBroken: 'announcedBroken', callsMade: 'callsMade' } as const;
    for (const row of rows) {
      const from = Date.parse(`${row.day}T00:00:00Z`);
      if (from + DAY > now) continue; // a day still running holds its open tasks, not yet all overdue
      const recount = await recountActivity(h.db, s.workspaceId, [row.repId], { from, to: from + DAY, now, escalationsSince: now });
      for (const [figure, col] of Object.entries(column)) expect([row.day, figure, row[col]]).toEqual([row.day, figure, recount[row.repId]![figure]!.length]);
    }
  });

  it("holds each enrollment's first touch (a sequence cohort's key): the earliest of its tasks done and emails sent", async () => {
    const ws = s.workspaceId;
    const done = (await h.db.db.select().from(tasks).where(eq(tasks.workspaceId, ws))).filter((t) => t.status === 'done' && t.completedAt);
    const sent = (await h.db.db.select().from(touches).where(eq(touches.workspaceId, ws))).filter((t) => t.status === 'sent' && t.sentAt);
    const expected = new Map<string, number>();
    for (const [id, at] of [...done.map((t) => [t.enrollmentId, t.completedAt!] as const), ...sent.map((t) => [t.enrollmentId, t.sentAt!] as const)]) {
      if (id) expected.set(id, Math.min(expected.get(id) ?? Infinity, at.getTime()));
    }
    const ids = new Set((await h.db.db.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.workspaceId, ws))).map((e) => e.id));
    const rows = (await h.db.db.select().from(enrollmentFirstTouches).where(eq(enrollmentFirstTouches.workspaceId, ws))).filter((r) => ids.has(r.enrollmentId) && r.at);
    expect(expected.size).toBeGreaterThan(3);
    expect(new Map(rows.map((r) => [r.enrollmentId, r.at!.getTime()]))).toEqual(expected);
  });
});
