// The manager's view and the objections report over a history built through the real cadences
// on the time-skipping server: two SDRs (Sam, Rita) reporting to Claire, two field reps reporting
// to Fiona; calls, objections, meetings held and a no-show, an announced call kept and one broken,
// a late task and an overdue one. Known counts first, then a brute-force recount of every figure
// and of its drill-down rows, then the objections.
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { handoffs, objections, prospects } from '../../db/schema.js';
import { rowsOf } from '../../db/rows.js';
import { ACTIVITY_FIGURES } from '../../api/services/reports/activity-figures.js';
import { complete, dueOf, enroll, openTaskOf, type CadenceHarness, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextWorkingMonday } from '../support/dates.js';
import { actingAs, addUser } from '../support/people.js';
import { expectFieldRefused } from '../support/cadence-api.js';
import { recountActivity, recountObjections } from '../support/report-recount.js';

const PARIS = 'Europe/Paris';
let h: CadenceHarness;
let s: Seed;
withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

type RepFigures = Record<(typeof ACTIVITY_FIGURES)[number], number> & { id: string; name: string; heldRate: number | null; oldestOverdueAt: string | null };
type Activity = { reps: RepFigures[]; team: Record<string, number | null> };
type Objection = { tag: string; count: number; examples: string[]; byRep: Array<{ repId: string; count: number }>; byStep: Array<{ stepId: string; count: number }>; weekly: Array<{ weekStart: string; count: number }> };

const people = { rita: '', fiona: '', ae1: '', ae2: '' };
let from = '';
let to = '';
let overdueDue = '';

async function prospect(email: string): Promise<string> {
  const p = await h.api<{ id: string }>('POST', '/v1/prospects', { email, firstName: email.split('@')[0], lastName: 'Test', timeZone: PARIS });
  return p.body.id;
}

/** An inbound lead's call for `repId`, logged with `outcome`. */
async function inboundCall(email: string, repId: string, outcome: Record<string, unknown>) {
  const prospectId = await prospect(email);
  const res = await h.api<{ id: string; workflowId: string }>('POST', '/v1/enrollments', { prospectId, sequenceId: s.sequences['expected-callback'], repId, context: 'inbound' });
  const task = await openTaskOf(h, res.body, 'inbound-call');
  const done = await complete(h, s, task.taskId, outcome);
  if (done.status !== 200) throw new Error(JSON.stringify(done.body));
  return { enrollment: res.body, taskId: task.taskId };
}

beforeAll(async () => {
  people.rita = await addUser(h, { email: 'rita@acme.test', name: 'Rita Rep', managerId: s.managerId });
  people.fiona = await addUser(h, { email: 'fiona@acme.test', name: 'Fiona Field Manager', role: 'manager' });
  people.ae1 = await addUser(h, { email: 'ae1@acme.test', name: 'Anna Exec', fieldRep: true, managerId: people.fiona });
  people.ae2 = await addUser(h, { email: 'ae2@acme.test', name: 'Bruno Exec', fieldRep: true, managerId: people.fiona });
  const monday = nextWorkingMonday(await h.now(), PARIS, 'FR');
  from = iso(at(monday, '00:00'));
  to = iso(at(monday.plus({ days: 7 }), '00:00'));
  await h.advanceTo(iso(monday));
  const meeting = (fieldRepId: string, day: number) => ({ fieldRepId, startsAt: iso(at(monday.plus({ days: day }), '15:00')) });

  // The announced call, kept: note Monday, email Tuesday 08:00, the call logged at 09:15.
  const kept = await enroll(h, s, { prospectId: await prospect('kept@globex.test') });
  const broken = await enroll(h, s, { prospectId: await prospect('broken@globex.test') });
  for (const e of [kept, broken]) await complete(h, s, (await openTaskOf(h, e, 'linkedin-note')).taskId, { outcome: 'done' });

  // Sam: two meetings with objections, one not interested (logged two hours late: done late).
  await inboundCall('p1@initech.test', s.repId, { outcome: 'meeting_booked', objections: ['Price: too expensive', 'timing: next quarter'], meeting: meeting(people.ae1, 2) });
  await inboundCall('p3@initech.test', s.repId, { outcome: 'meeting_booked', objections: ['We already have a vendor.'], meeting: meeting(people.ae2, 2) });
  // Rita: one meeting; an unanswered lead whose voicemail task stays open (overdue).
  await inboundCall('p4@initech.test', people.rita, { outcome: 'meeting_booked', objections: ['price:  no budget this year'], meeting: meeting(people.ae1, 3) });
  const unanswered = await inboundCall('p5@initech.test', people.rita, { outcome: 'no_answer', objections: ['PRICE'] });
  overdueDue = (await openTaskOf(h, unanswered.enrollment, 'voicemail')).dueAt;
  const prospect2 = await prospect('p2@initech.test');
  const late = await h.api<{ id: string; workflowId: string }>('POST', '/v1/enrollments', { prospectId: prospect2, sequenceId: s.sequences['expected-callback'], repId: s.repId });
  const lateTask = await openTaskOf(h, late.body, 'inbound-call');
  await h.advanceTo(iso(monday.plus({ hours: 2, minutes: 30 })));
  await complete(h, s, lateTask.taskId, { outcome: 'not_interested', objections: ['Price - way too high'] });

  // Tuesday 09:15: one announced call made on time, the other never logged.
  await h.advanceTo(iso(at(monday.plus({ days: 1 }), '08:01')));
  const callAt = await dueOf(h, kept, 'announced-call');
  await h.advanceTo(new Date(Date.parse(callAt) - 60_000).toISOString());
  const keptCall = await openTaskOf(h, kept, 'announced-call');
  await h.advanceTo(callAt);
  expect((await complete(h, s, keptCall.taskId, { outcome: 'connected', objections: ['timing: next quarter'] })).status).toBe(200);
  await dueOf(h, broken, 'announced-call');
  await h.advanceTo(iso(at(monday.plus({ days: 1 }), '11:00')));
  await dueOf(h, broken, 'callback');

  // The meetings: Anna holds one and records a no-show; Bruno holds his.
  await h.advanceTo(iso(at(monday.plus({ days: 3 }), '17:00')));
  const rows = await h.db.db.select().from(handoffs).where(eq(handoffs.workspaceId, s.workspaceId));
  const answer = async (fieldRepId: string, outcome: string, day: number) => {
    const row = rows.find((r) => r.fieldRepId === fieldRepId && r.meetingAt!.toISOString() === meeting(fieldRepId, day).startsAt)!;
    const res = await h.api('POST', `/v1/handoffs/${row.id}/outcome`, { outcome });
    expect(res.status).toBe(200);
  };
  await answer(people.ae1, 'held', 2);
  await answer(people.ae1, 'no_show', 3);
  await answer(people.ae2, 'held', 2);
});

const activity = async (query = '') => h.api<Activity>('GET', `/v1/reports/activity?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${query}`);
const repOf = (r: Activity, id: string) => r.reps.find((x) => x.id === id)!;

describe("the manager's view", () => {
  it('counts what the history holds: calls, announced calls kept and broken, meetings set, received and held', async () => {
    const res = await activity();
    expect(res.status).toBe(200);
    const sam = repOf(res.body, s.repId);
    const rita = repOf(res.body, people.rita);
    expect(sam).toMatchObject({ callsMade: 4, announcedKept: 1, announcedBroken: 1, missed: 1, meetingsSet: 2, doneLate: 1, meetingsReceived: 0, heldRate: null });
    expect(rita).toMatchObject({ callsMade: 2, meetingsSet: 1, overdue: 1, overdueNow: 1, oldestOverdueAt: overdueDue, announcedKept: 0 });
    expect(repOf(res.body, people.ae1)).toMatchObject({ meetingsReceived: 2, meetingsHeld: 1, meetingsNotHeld: 1, heldRate: 0.5 });
    expect(repOf(res.body, people.ae2)).toMatchObject({ meetingsReceived: 1, meetingsHeld: 1, meetingsNotHeld: 0, heldRate: 1 });
    expect(res.body.team).toMatchObject({ meetingsSet: 3, meetingsReceived: 3, meetingsHeld: 2, heldRate: 0.667, escalationsUsed: 0 });
  });

  it('agrees with a brute-force recount of the raw rows, figure by figure, and each figure with its drill-down rows', async () => {
    const res = await activity();
    const ids = res.body.reps.map((r) => r.id);
    const now = await h.now();
    const recount = await recountActivity(h.db, s.workspaceId, ids, { from: Date.parse(from), to: Date.parse(to), now, escalationsSince: now - 90 * 86_400_000 });
    for (const rep of res.body.reps) {
      for (const figure of ACTIVITY_FIGURES) expect([rep.name, figure, rep[figure]]).toEqual([rep.name, figure, recount[rep.id]![figure]!.length]);
    }
    // The rows behind each of Sam's figures, paged two at a time, are the recount's rows.
    for (const figure of ACTIVITY_FIGURES) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { data: Array<{ id: string; repId: string }>; nextCursor: string | null } } = await h.api(
          'GET',
          `/v1/reports/activity/rows?figure=${figure}&repId=${s.repId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        seen.push(...page.body.data.map((r) => r.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect([figure, seen.sort()]).toEqual([figure, recount[s.repId]![figure]]);
    }
  });

  it("shows a manager their team only, and downloads as CSV", async () => {
    const asClaire = await actingAs(h, s.managerId);
    const mine = await asClaire<Activity>('GET', `/v1/reports/activity?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(mine.status).toBe(200);
    expect(mine.body.reps.map((r) => r.id).sort()).toEqual([s.managerId, s.repId, people.rita].sort());
    const team = await asClaire<Activity>('GET', `/v1/reports/activity?managerId=${s.managerId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(team.body.reps.map((r) => r.name)).toEqual(['Rita Rep', 'Sam Rep']);
    const other = await asClaire<{ errors: Array<{ field: string }> }>('GET', `/v1/reports/activity?repId=${people.ae1}`);
    expect(other.status).toBe(404);
    expect(other.body.errors[0]!.field).toBe('query.repId');
    const rows = await asClaire<{ status: number }>('GET', `/v1/reports/activity/rows?figure=meetingsReceived&repId=${people.ae1}`);
    expect(rows.status).toBe(404);

    const csv = await h.request(`/v1/reports/activity?managerId=${people.fiona}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { headers: { accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toContain('meetingsHeld');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['Anna Exec', 'Bruno Exec', 'Team']);
    const header = lines[0]!.split(',');
    expect(lines[1]!.split(',')[header.indexOf('heldRate')]).toBe('0.5');
    const drill = await h.request(`/v1/reports/activity/rows?figure=meetingsHeld&managerId=${people.fiona}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&format=csv`);
    const drilled = (await drill.text()).trim().split('\n');
    expect(drilled).toHaveLength(3);
    expect(drilled[0]).toBe('source,id,repId,at,status,kind,title,prospectId,prospectName,prospectTimeZone,enrollmentId');
  });

  it('refuses a bad period or figure with a 400 naming the field', async () => {
    await expectFieldRefused(h, `/v1/reports/activity?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`, 'query.to');
    await expectFieldRefused(h, '/v1/reports/activity/rows?figure=revenue', 'query.figure');
    const cursor = await h.api<{ errors: Array<{ field: string }> }>('GET', '/v1/reports/activity/rows?figure=tasksDue&cursor=nope');
    expect(cursor.status).toBe(400);
  });
});

describe('the objections report', () => {
  it('ranks tags (free text after a colon), with where they were heard, their trend and their calls', async () => {
    const res = await h.api<{ total: number; objections: Objection[] }>('GET', `/v1/reports/objections?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(7);
    expect(res.body.objections.map((o) => [o.tag, o.count])).toEqual([
      ['price', 3],
      ['timing', 2],
      ['price - way too high', 1],
      ['we already have a vendor', 1],
    ]);
    const price = res.body.objections[0]!;
    expect(price.examples).toEqual(['PRICE', 'Price: too expensive', 'price:  no budget this year']);
    expect(price.byRep.sort((a, b) => a.repId.localeCompare(b.repId))).toEqual(
      [{ repId: s.repId, count: 1 }, { repId: people.rita, count: 2 }].sort((a, b) => a.repId.localeCompare(b.repId)),
    );
    expect(price.byStep).toEqual([{ stepId: 'inbound-call', count: 3 }]);
    expect(price.weekly.reduce((n, w) => n + w.count, 0)).toBe(3);
    const timing = res.body.objections[1]!;
    expect(timing.byStep.map((x) => x.stepId).sort()).toEqual(['announced-call', 'inbound-call']);

    const onlyRita = await h.api<{ objections: Objection[] }>('GET', `/v1/reports/objections?repId=${people.rita}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(onlyRita.body.objections.map((o) => [o.tag, o.count])).toEqual([['price', 2]]);

    const recount = await recountObjections(h.db, s.workspaceId, { from: Date.parse(from), to: Date.parse(to) });
    for (const o of res.body.objections) {
      expect([o.tag, o.count]).toEqual([o.tag, recount.get(o.tag)!.count]);
      const calls = await h.api<{ data: Array<{ taskId: string }> }>('GET', `/v1/reports/objections/calls?tag=${encodeURIComponent(o.tag)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=1`);
      expect(calls.status).toBe(200);
      const all: string[] = [];
      let page = calls.body as { data: Array<{ taskId: string }>; nextCursor?: string | null };
      all.push(...page.data.map((c) => c.taskId));
      while (page.nextCursor) {
        page = (await h.api<typeof page>('GET', `/v1/reports/objections/calls?tag=${encodeURIComponent(o.tag)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=1&cursor=${page.nextCursor}`)).body;
        all.push(...page.data.map((c) => c.taskId));
      }
      expect(all.sort()).toEqual(recount.get(o.tag)!.taskIds.sort());
    }
    // Each call names its prospect as the prospects table has them, in their zone.
    const named = await h.api<{ data: Array<{ prospectId: string | null; prospectName: string | null; prospectTimeZone: string | null }> }>('GET', `/v1/reports/objections/calls?tag=price&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    const ids = named.body.data.map((c) => c.prospectId!);
    expect(ids.length).toBeGreaterThan(0);
    const stored = new Map((await h.db.db.select().from(prospects).where(inArray(prospects.id, ids))).map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
    expect(named.body.data.map((c) => [c.prospectName, c.prospectTimeZone])).toEqual(ids.map((id) => [stored.get(id), PARIS]));
    const csv = await h.request(`/v1/reports/objections?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&format=csv`);
    expect((await csv.text()).split('\n')[1]).toMatch(/^price,3,/);
  });

  it('answers periods cut at odd instants as the recount of the timeline does; its day counts are the objections counted by day', async () => {
    const heardAt = (await h.db.db.select({ at: objections.heardAt }).from(objections).where(eq(objections.workspaceId, s.workspaceId))).map((r) => r.at.getTime());
    expect(heardAt.length).toBe(7);
    const f = Date.parse(from);
    const t = Date.parse(to);
    const midnight = Math.ceil(f / 86_400_000) * 86_400_000;
    const cuts: Array<[number, number]> = [[f, t], [midnight, t], [f, midnight + 86_400_000]];
    for (const at of heardAt) cuts.push([at, t], [at + 1, t], [f, at], [f, at + 1], [at - 60_000, at + 60_000]);
    for (const [a, b] of cuts) {
      const res = await h.api<{ total: number; objections: Objection[] }>('GET', `/v1/reports/objections?from=${new Date(a).toISOString()}&to=${new Date(b).toISOString()}`);
      expect(res.status).toBe(200);
      const recount = await recountObjections(h.db, s.workspaceId, { from: a, to: b });
      const got = res.body.objections.map((o) => [o.tag, o.count, Object.fromEntries(o.byRep.map((r) => [r.repId, r.count])), Object.fromEntries(o.byStep.map((x) => [x.stepId, x.count]))]);
      const expected = [...recount].map(([tag, r]) => [tag, r.count, Object.fromEntries(r.reps), Object.fromEntries(r.steps)]);
      const byTag = (x: unknown[], y: unknown[]) => String(x[0]).localeCompare(String(y[0]));
      expect([a, b, got.sort(byTag)]).toEqual([a, b, expected.sort(byTag)]);
    }
    const dayCounts = async () =>
      rowsOf<{ k: string; n: number; last: string | null }>(
        await h.db.db.execute(sql`select concat_ws('|', day, tag, sequence_id, step_id, rep_id) as k, n, last_heard_at as last from objection_days where workspace_id = ${s.workspaceId}::uuid and n <> 0 order by 1`),
      ).map((r) => [r.k, Number(r.n), r.last && new Date(r.last).toISOString()]);
    const recounted = async () =>
      rowsOf<{ k: string; n: number; last: string }>(
        await h.db.db.execute(sql`select concat_ws('|', (heard_at at time zone 'UTC')::date, tag, sequence_id, step_id, rep_id) as k, count(*)::int as n, max(heard_at) as last
          from objections where workspace_id = ${s.workspaceId}::uuid group by 1 order by 1`),
      ).map((r) => [r.k, Number(r.n), new Date(r.last).toISOString()]);
    expect(await dayCounts()).toEqual(await recounted());
    // An objection gone (its call deleted with its enrollment) leaves its day: the count and the last instant follow.
    const [latest] = await h.db.db.select().from(objections).where(eq(objections.workspaceId, s.workspaceId)).orderBy(desc(objections.heardAt)).limit(1);
    await h.db.db.delete(objections).where(eq(objections.id, latest!.id));
    expect(await dayCounts()).toEqual(await recounted());
    await h.db.db.insert(objections).values(latest!);
    expect(await dayCounts()).toEqual(await recounted());
  });
});
