// Who the rep calls first (PLAYBOOK §6, §1), over the API on the time-skipping server with the
// default cadences: an inbound lead's expected callback tops the queue, then an announced call
// due now, then the rest by due time; a lead arriving at night tops it when the call window
// opens; pages keep the order drawn on the first page while tasks cross the "due now" line.
import { describe, expect, it } from 'vitest';
import { addProspect, complete, dueOf, enroll, local, openTaskOf, type CadenceHarness, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextWorkingMonday } from '../support/dates.js';

const PARIS = 'Europe/Paris';
let h: CadenceHarness;
let s: Seed;

type QueueTask = { id: string; kind: string; dueAt: string; priority: string | null; overdue: boolean };
type Page = { data: QueueTask[]; nextCursor: string | null };

withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

const queue = async (query = '') => {
  h.actAs(s.workspaceId);
  const res = await h.api<Page>('GET', `/v1/reps/${s.repId}/tasks${query}`);
  expect(res.status).toBe(200);
  return res.body;
};
const order = (p: Page) => p.data.map((t) => [t.id, t.priority]);

describe("the rep's queue puts the calls people expect first", () => {
  it('inbound call before an earlier LinkedIn note; a night lead and an announced call top it when due; pages span the buckets', async () => {
    const monday = nextWorkingMonday(await h.now(), PARIS, 'FR');
    const tuesday = monday.plus({ days: 1 });
    await h.advanceTo(iso(monday));
    // A: a LinkedIn note left open (overdue from Tuesday on). C: its note done, so its email
    // announces a call at 09:15 on Tuesday.
    const a = await enroll(h, s);
    const note = await openTaskOf(h, a, 'linkedin-note');
    const c = await enroll(h, s, { prospectId: await addProspect(h, s, 'carla@initech.test') });
    expect((await complete(h, s, (await openTaskOf(h, c, 'linkedin-note')).taskId, { outcome: 'done' })).status).toBe(200);

    // 10:20: an inbound lead, to be called within 5 minutes; the note was due 20 minutes earlier.
    await h.advanceTo(iso(at(monday, '10:20')));
    const b = await enroll(h, s, { sequence: 'expected-callback', prospectId: await addProspect(h, s, 'bruno@hooli.test'), context: 'pricing for 50 seats' });
    const inbound = await openTaskOf(h, b, 'inbound-call');
    expect(Date.parse(inbound.dueAt)).toBeGreaterThan(Date.parse(note.dueAt));
    expect(order(await queue())).toEqual([
      [inbound.taskId, 'expected_callback'],
      [note.taskId, 'due'],
    ]);

    // 22:00: a lead at night is due when the call window opens, among the upcoming tasks meanwhile.
    await h.advanceTo(iso(at(monday, '22:00')));
    const d = await enroll(h, s, { sequence: 'expected-callback', prospectId: await addProspect(h, s, 'dora@pied.test') });
    const night = await openTaskOf(h, d, 'inbound-call');
    expect(local(night.dueAt, PARIS)).toBe(`${tuesday.toFormat('yyyy-MM-dd')} 08:00 (Tue)`);
    expect(order(await queue())).toEqual([
      [inbound.taskId, 'expected_callback'],
      [note.taskId, 'due'],
      [night.taskId, 'upcoming'],
    ]);

    // Tuesday 09:04: the email left at 08:00 announcing 09:15; the call is not yet due now (10 min).
    await h.advanceTo(iso(at(tuesday, '09:04')));
    const callDue = await dueOf(h, c, 'announced-call');
    expect(local(callDue, PARIS)).toBe(`${tuesday.toFormat('yyyy-MM-dd')} 09:15 (Tue)`);
    const call = await openTaskOf(h, c, 'announced-call');
    const before = [
      [inbound.taskId, 'expected_callback'],
      [night.taskId, 'expected_callback'],
      [note.taskId, 'due'],
      [call.taskId, 'upcoming'],
    ];
    expect(order(await queue())).toEqual(before);

    // Pages of one cross every bucket without gaps or repeats.
    const seen: (string | null)[][] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await queue(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.data).toHaveLength(1);
      seen.push(...order(page));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(before);

    // A page drawn at 09:04 is continued at 09:06, when the call has become due now: the
    // cursor keeps the first page's instant, so the call is neither skipped nor repeated.
    const first = await queue('?limit=3');
    expect(order(first)).toEqual(before.slice(0, 3));
    await h.advanceTo(iso(at(tuesday, '09:06')));
    expect(order(await queue(`?limit=3&cursor=${first.nextCursor}`))).toEqual([[call.taskId, 'upcoming']]);

    // Drawn afresh at 09:06: the announced call is due now, ahead of the older overdue note.
    expect(order(await queue())).toEqual([
      [inbound.taskId, 'expected_callback'],
      [night.taskId, 'expected_callback'],
      [call.taskId, 'announced_call'],
      [note.taskId, 'due'],
    ]);
    const single = await h.api<QueueTask>('GET', `/v1/tasks/${call.taskId}`);
    expect(single.body.priority).toBe('announced_call');

    for (const e of [a, b, c, d]) expect((await h.api('POST', `/v1/enrollments/${e.id}/stop`, { reason: 'end of test' })).status).toBe(200);
  }, 120_000);
});
