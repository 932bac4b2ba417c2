// Sequence analytics over a history built through the real announced-call cadence on the
// time-skipping server: eight prospects, each taking a different way out (a meeting, a broken
// announcement, a reply, "not interested", an opt-out, an out-of-office, a hard bounce, the
// unsubscribe link of the email received). Known
// counts first, then a brute-force recount of every figure and of its drill-down rows.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { touches } from '../../db/schema.js';
import postgres from 'postgres';
import { rowsOf } from '../../db/rows.js';
import { onPglite } from '../support/db.js';
import { until } from '../support/until.js';
import { SEQUENCE_FIGURES } from '../../api/services/reports/sequence-facts.js';
import { complete, dueOf, enroll, openTaskOf, type CadenceHarness, type Enrolled, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextLocal, nextWorkingMonday } from '../support/dates.js';
import { testSecurity } from '../support/security.js';
import { expectFieldRefused } from '../support/cadence-api.js';
import { recountSequence } from '../support/sequence-recount.js';

const PARIS = 'Europe/Paris';
let h: CadenceHarness;
let s: Seed;
withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

type Step = Record<(typeof SEQUENCE_FIGURES)[number], number> & { stepId: string; conversionToNext: number | null; nextStepId: string | null };
type Report = { sequenceId: string; versions: Array<{ version: number; enrollments: number; steps: Step[] }> };
type Row = { figure: string; version: number; stepId: string; enrollmentId: string; prospectId: string; prospectName: string | null; prospectTimeZone: string | null };

let from = '';
let to = '';
const who: Record<string, Enrolled> = {};
const prospects: Record<string, string> = {};

async function prospect(name: string): Promise<string> {
  const p = await h.api<{ id: string }>('POST', '/v1/prospects', { email: `${name}@globex.test`, firstName: name, lastName: 'Test', timeZone: PARIS });
  prospects[name] = p.body.id;
  return p.body.id;
}

const report = (query = '') => h.api<Report>('GET', `/v1/reports/sequences/${s.sequences['announced-call']}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${query}`);
const stepOf = (r: Report, id: string) => r.versions[0]!.steps.find((x) => x.stepId === id)!;
const event = async (name: string, body: Record<string, unknown>) => {
  const res = await h.api('POST', `/v1/prospects/${prospects[name]}/events`, body);
  expect([name, res.status]).toEqual([name, 202]);
};

beforeAll(async () => {
  const monday = nextWorkingMonday(await h.now(), PARIS, 'FR');
  from = iso(at(monday, '00:00'));
  to = iso(at(monday.plus({ days: 7 }), '00:00'));
  await h.advanceTo(iso(monday));
  const names = ['meeting', 'broken', 'replied', 'negative', 'optout', 'away', 'bounce', 'unsub'];
  for (const name of names) who[name] = await enroll(h, s, { prospectId: await prospect(name) });
  // Monday: every LinkedIn note sent, one answered "not interested" (the cadence stops there),
  // one prospect opting out right after it.
  for (const name of names) {
    const task = await openTaskOf(h, who[name]!, 'linkedin-note');
    expect((await complete(h, s, task.taskId, { outcome: name === 'negative' ? 'not_interested' : 'done' })).status).toBe(200);
  }
  await event('optout', { type: 'opt_out' });
  // Tuesday 08:00: the five announcing emails leave; then a reply, an out-of-office and a hard bounce.
  const going = ['meeting', 'broken', 'replied', 'away', 'bounce', 'unsub'];
  for (const name of going) await dueOf(h, who[name]!, 'announce-email');
  await h.advanceTo(iso(at(monday.plus({ days: 1 }), '08:01')));
  const callAt = await dueOf(h, who.meeting!, 'announced-call');
  for (const name of going) await dueOf(h, who[name]!, 'announced-call');
  await event('replied', { type: 'reply' });
  await event('away', { type: 'auto_reply' });
  await event('bounce', { type: 'bounce', bounceKind: 'hard' });
  // One-click unsubscribe from the link of the email that left (RFC 8058), as a mail client sends it.
  const [email] = await h.db.db.select().from(touches).where(and(eq(touches.enrollmentId, who.unsub!.id), eq(touches.status, 'sent')));
  const token = testSecurity.unsubscribe.sign({ workspaceId: s.workspaceId, prospectId: prospects.unsub!, touchId: email!.id });
  const unsub = await h.app.request(`/v1/unsubscribe/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
  expect(unsub.status).toBe(200);
  // 09:15: one announced call made and a meeting booked; the other never logged (a broken announcement).
  await h.advanceTo(new Date(Date.parse(callAt) - 60_000).toISOString());
  const call = await openTaskOf(h, who.meeting!, 'announced-call');
  await h.advanceTo(callAt);
  expect((await complete(h, s, call.taskId, { outcome: 'meeting_booked' })).status).toBe(200);
  await h.advanceTo(iso(at(monday.plus({ days: 1 }), '11:00')));
  await dueOf(h, who.broken!, 'callback');
});

describe('sequence analytics', () => {
  it('counts what the history holds, per step, with the conversion to the next step', async () => {
    const res = await report();
    expect(res.status).toBe(200);
    expect(res.body.versions.map((v) => [v.version, v.enrollments])).toEqual([[1, 8]]);
    expect(stepOf(res.body, 'linkedin-note')).toMatchObject({ reached: 8, notInterested: 1, optedOut: 1, unsubscribed: 0, continued: 6, conversionToNext: 0.75, nextStepId: 'announce-email' });
    expect(stepOf(res.body, 'announce-email')).toMatchObject({ reached: 6, replied: 1, outOfOffice: 1, bounced: 1, unsubscribed: 1, optedOut: 1, meetings: 0, continued: 1, conversionToNext: 0.167 });
    // The out-of-office paused its cadence with the 09:15 call announced: the call is void (the
    // prospect is away), not a broken announcement; only the call nobody logged is.
    const broken = await h.api<{ data: Row[] }>('GET', `/v1/reports/sequences/${s.sequences['announced-call']}/rows?figure=brokenAnnouncements&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(broken.body.data.map((r) => r.prospectId)).toEqual([prospects.broken]);
    expect(stepOf(res.body, 'announced-call')).toMatchObject({ reached: 1, meetings: 1, brokenAnnouncements: 1, continued: 0, conversionToNext: 0 });
    expect(stepOf(res.body, 'voicemail')).toMatchObject({ reached: 0, conversionToNext: null });
    // A period before any first touch: nobody in it.
    const before = await h.api<Report>('GET', `/v1/reports/sequences/${s.sequences['announced-call']}?from=${encodeURIComponent(iso(at(nextLocal(Date.parse(from) - 30 * 86_400_000, PARIS, '00:00', () => true), '00:00')))}&to=${encodeURIComponent(from)}`);
    expect(before.body.versions).toEqual([]);
    // From Tuesday on: every enrollment had its first touch on Monday, so none is in it.
    const tuesday = await h.api<Report>('GET', `/v1/reports/sequences/${s.sequences['announced-call']}?from=${encodeURIComponent(new Date(Date.parse(from) + 86_400_000).toISOString())}&to=${encodeURIComponent(to)}`);
    expect(tuesday.body.versions).toEqual([]);
  });

  it('agrees with a brute-force recount of the raw rows, figure by figure and step by step, and with its drill-down rows', async () => {
    const res = await report();
    const recount = await recountSequence(h.db, s.workspaceId, s.sequences['announced-call']!, { from: Date.parse(from), to: Date.parse(to) });
    for (const step of res.body.versions[0]!.steps) {
      for (const figure of SEQUENCE_FIGURES) expect([step.stepId, figure, step[figure]]).toEqual([step.stepId, figure, recount[figure]?.[`1:${step.stepId}`]?.length ?? 0]);
    }
    for (const figure of SEQUENCE_FIGURES) {
      for (const [key, ids] of Object.entries(recount[figure] ?? {})) {
        const [version, stepId] = key.split(':') as [string, string];
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { status: number; body: { data: Row[]; nextCursor: string | null } } = await h.api(
            'GET',
            `/v1/reports/sequences/${s.sequences['announced-call']}/rows?figure=${figure}&version=${version}&stepId=${stepId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          );
          expect(page.status).toBe(200);
          seen.push(...page.body.data.map((r) => r.enrollmentId));
          cursor = page.body.nextCursor;
        } while (cursor);
        expect([figure, key, seen.sort()]).toEqual([figure, key, ids]);
      }
    }
    // The drill-down names the prospects: the meeting is the meeting prospect's.
    const meetings = await h.api<{ data: Row[] }>('GET', `/v1/reports/sequences/${s.sequences['announced-call']}/rows?figure=meetings&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(meetings.body.data.map((r) => [r.prospectId, r.stepId])).toEqual([[prospects.meeting, 'announced-call']]);
    // ... by name, with the zone their local time is read in.
    expect(meetings.body.data.map((r) => [r.prospectName, r.prospectTimeZone])).toEqual([['meeting Test', PARIS]]);
  });

  it("holds in its rollup, enrollment by enrollment, the facts its rows give now (every write refreshed them)", async () => {
    // The triggers' table against the same rules run afresh over today's rows: a write path that
    // forgot to refresh would leave a stale or missing fact here.
    const kept = rowsOf<{ enrollment_id: string; figure: string; step_id: string; variant: string | null; at: string }>(
      await h.db.db.execute(sql`select enrollment_id, figure, step_id, variant, at from enrollment_facts where workspace_id = ${s.workspaceId}::uuid order by 1, 2, 3`),
    );
    const fresh = rowsOf<{ enrollment_id: string; figure: string; step_id: string; variant: string | null; at: string }>(
      await h.db.db.execute(sql`select f.* from enrollment_facts_of((select array_agg(id) from enrollments where workspace_id = ${s.workspaceId}::uuid)) f
        where exists (select 1 from enrollment_facts_of(array[f.enrollment_id]) r where r.figure = 'reached') order by 1, 2, 3`),
    );
    const shape = (r: { enrollment_id: string; figure: string; step_id: string; variant: string | null; at: string }) => [r.enrollment_id, r.figure, r.step_id, r.variant, new Date(r.at).toISOString()];
    expect(kept.length).toBeGreaterThan(20);
    expect(kept.map(shape)).toEqual(fresh.map(shape));
    // The day counts are the facts counted by their cohort's UTC day.
    const days = rowsOf<{ k: string; n: number }>(
      await h.db.db.execute(sql`select concat_ws('|', sequence_id, day, version, step_id, figure) as k, n from sequence_fact_days where workspace_id = ${s.workspaceId}::uuid and n <> 0 order by 1`),
    );
    const counted = rowsOf<{ k: string; n: number }>(
      await h.db.db.execute(sql`select concat_ws('|', sequence_id, (cohort_at at time zone 'UTC')::date, version, step_id, figure) as k, count(*)::int as n
        from enrollment_facts where workspace_id = ${s.workspaceId}::uuid group by 1 order by 1`),
    );
    expect(days.map((d) => [d.k, Number(d.n)])).toEqual(counted.map((d) => [d.k, Number(d.n)]));
  });

  it('answers periods cut at odd instants (a first touch, either side of it, UTC midnights) as the recount does', async () => {
    const firsts = rowsOf<{ at: string }>(await h.db.db.execute(sql`select distinct cohort_at as at from enrollment_facts where workspace_id = ${s.workspaceId}::uuid`)).map((r) => Date.parse(r.at));
    expect(firsts.length).toBeGreaterThan(0);
    const f = Date.parse(from);
    const t = Date.parse(to);
    const utcMidnight = Math.ceil(f / 86_400_000) * 86_400_000;
    const cuts: Array<[number, number]> = [[utcMidnight, t], [f, utcMidnight + 86_400_000], [utcMidnight, utcMidnight + 3 * 86_400_000]];
    for (const at of firsts) cuts.push([at, t], [at + 1, t], [f, at], [f, at + 1], [at - 3_600_000, at + 3_600_000]);
    let seen = 0;
    for (const [a, b] of cuts) {
      const res = await h.api<Report>('GET', `/v1/reports/sequences/${s.sequences['announced-call']}?from=${new Date(a).toISOString()}&to=${new Date(b).toISOString()}`);
      expect(res.status).toBe(200);
      const recount = await recountSequence(h.db, s.workspaceId, s.sequences['announced-call']!, { from: a, to: b });
      const steps = res.body.versions[0]?.steps ?? [];
      for (const figure of SEQUENCE_FIGURES) {
        const expected = Object.entries(recount[figure] ?? {}).map(([key, ids]) => [key, ids.length]).sort();
        const got = steps.filter((x) => x[figure] > 0).map((x) => [`1:${x.stepId}`, x[figure]]).sort();
        expect([a, b, figure, got]).toEqual([a, b, figure, expected]);
        seen += got.length;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("lists every sequence with its totals, each outcome once per enrollment, as the recount has them", async () => {
    const res = await h.api<{ sequences: Array<Record<string, number | string>> }>('GET', `/v1/reports/sequences?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    const mine = res.body.sequences.find((x) => x.sequenceId === s.sequences['announced-call'])!;
    expect(mine).toMatchObject({ key: 'announced-call', enrollments: 8, replied: 1, notInterested: 1, outOfOffice: 1, unsubscribed: 1, optedOut: 2, bounced: 1, meetings: 1, brokenAnnouncements: 1 });
    expect(res.body.sequences.find((x) => x.key === 'expected-callback')).toMatchObject({ enrollments: 0, meetings: 0 });
    const recount = await recountSequence(h.db, s.workspaceId, s.sequences['announced-call']!, { from: Date.parse(from), to: Date.parse(to) });
    for (const figure of ['replied', 'notInterested', 'outOfOffice', 'unsubscribed', 'optedOut', 'bounced', 'meetings', 'brokenAnnouncements']) {
      expect([figure, mine[figure]]).toEqual([figure, new Set(Object.values(recount[figure] ?? {}).flat()).size]);
    }
    const csv = await h.request(`/v1/reports/sequences?format=csv&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect((await csv.text()).trim().split('\n')).toHaveLength(1 + res.body.sequences.length);
  });

  it('downloads as CSV, the report and a drill-down', async () => {
    const csv = await h.request(`/v1/reports/sequences/${s.sequences['announced-call']}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { headers: { accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    const header = lines[0]!.split(',');
    const email = lines.find((l) => l.split(',')[header.indexOf('stepId')] === 'announce-email')!.split(',');
    expect([email[header.indexOf('reached')], email[header.indexOf('replied')], email[header.indexOf('conversionToNext')]]).toEqual(['6', '1', '0.167']);
    const drill = await h.request(`/v1/reports/sequences/${s.sequences['announced-call']}/rows?figure=reached&stepId=linkedin-note&format=csv&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    const drilled = (await drill.text()).trim().split('\n');
    expect(drilled).toHaveLength(9);
    expect(drilled[0]).toBe('figure,version,stepId,enrollmentId,prospectId,prospectName,prospectTimeZone,repId,at');
    expect(drilled.slice(1).every((line) => line.includes(`,${PARIS},`))).toBe(true);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const seq = s.sequences['announced-call'];
    await expectFieldRefused(h, `/v1/reports/sequences/${seq}?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`, 'query.to');
    await expectFieldRefused(h, `/v1/reports/sequences/${seq}/rows?figure=opens`, 'query.figure');
    for (const bad of ['0', '3092167783426']) {
      // A version PostgreSQL's integer cannot hold (the fuzzer's) is a 400 too, not a cast error.
      await expectFieldRefused(h, `/v1/reports/sequences/${seq}/rows?version=${bad}`, 'query.version');
    }
    await expectFieldRefused(h, '/v1/reports/sequences/not-a-uuid', 'param.sequenceId');
    const unknown = await h.api<{ errors: Array<{ field: string }> }>('GET', '/v1/reports/sequences/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]!.field).toBe('param.sequenceId');
    const cursor = await h.api('GET', `/v1/reports/sequences/${seq}/rows?figure=reached&cursor=nope`);
    expect(cursor.status).toBe(400);
    await expectFieldRefused(h, `/v1/reports/sequences/${seq}/rows?stepId=a%00b`, 'query.stepId');
    await expectFieldRefused(h, '/v1/reports/sequences?from=yesterday', 'query.from');
  });

  // PGlite has one connection: two writers at once exist on PostgreSQL only.
  it.skipIf(onPglite())('two writers of one enrollment at once: the second waits for the first, and the facts hold both writes', async () => {
    const [pair] = rowsOf<{ enrollment_id: string; touch_id: string; task_id: string }>(
      await h.db.db.execute(sql`select t.enrollment_id, t.id as touch_id, k.id as task_id from touches t join tasks k on k.enrollment_id = t.enrollment_id and k.status = 'done'
        where t.workspace_id = ${s.workspaceId}::uuid and t.status = 'sent' order by t.enrollment_id limit 1`),
    );
    expect(pair).toBeDefined();
    const a = postgres(h.db.url, { max: 1, onnotice: () => {} });
    const b = postgres(h.db.url, { max: 1, onnotice: () => {} });
    try {
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      let firstWrote = () => {};
      const wrote = new Promise<void>((r) => (firstWrote = r));
      // The first writer moves the email an hour earlier and holds its transaction open...
      const first = a.begin(async (tx) => {
        await tx`update touches set sent_at = sent_at - interval '1 hour' where id = ${pair!.touch_id}`;
        firstWrote();
        await held;
      });
      await wrote;
      // ... while the second moves the task done an hour earlier: its refresh waits for the first.
      const second = b.begin(async (tx) => {
        await tx`update tasks set completed_at = completed_at - interval '1 hour' where id = ${pair!.task_id}`;
      });
      await until(
        'the second writer waiting on a lock',
        async () => rowsOf<{ n: number }>(await h.db.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)),
        (rows) => Number(rows[0]!.n) > 0,
      );
      release();
      await Promise.all([first, second]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    const shape = (r: { figure: string; step_id: string; at: string }) => [r.figure, r.step_id, new Date(r.at).toISOString()];
    const kept = rowsOf<{ figure: string; step_id: string; at: string }>(await h.db.db.execute(sql`select figure, step_id, at from enrollment_facts where enrollment_id = ${pair!.enrollment_id}::uuid order by 1, 2`));
    const fresh = rowsOf<{ figure: string; step_id: string; at: string }>(await h.db.db.execute(sql`select figure, step_id, at from enrollment_facts_of(array[${pair!.enrollment_id}::uuid]) order by 1, 2`));
    expect(kept.map(shape)).toEqual(fresh.map(shape));
  });
});
