// A/B variants of an email step through the real cadence on the time-skipping server: a sequence
// whose first email has two variants, then a call. Each enrollment's variant is what the pure
// assignment says (checked on the touches), and known outcomes per variant (a meeting, replies, a
// "remove me" reply, an out-of-office, a "not interested", clicks) come back in the A/B report, in
// the sequence analytics and in a brute-force recount. Click tracking: the links of a staged email
// become signed redirects while the workspace's setting is on; a genuine one records a click and
// redirects, a tampered one records nothing; off, the links are left alone.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, touches } from '../../db/schema.js';
import { variantFor } from '../../domain/sequences/index.js';
import { SEQUENCE_FIGURES } from '../../api/services/reports/sequence-facts.js';
import { VARIANT_FIGURES } from '../../api/services/reports/sequence-variants.js';
import { complete, openTaskOf, type CadenceHarness, type Enrolled, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextWorkingMonday } from '../support/dates.js';
import { recountSequence } from '../support/sequence-recount.js';

const PARIS = 'Europe/Paris';
const VARIANTS = [
  { key: 'short', weight: 1, subject: 'Quick question, {{prospect.firstName}}', body: 'Hi {{prospect.firstName}}, our prices: https://acme.test/pricing.' },
  { key: 'story', weight: 1, subject: 'How Initech did it', body: 'Hi {{prospect.firstName}}, the story: https://acme.test/story?from=email' },
];
const DEFINITION = {
  schemaVersion: 1,
  key: 'ab-intro',
  name: 'A/B intro',
  coldCallReason: 'a test of the first email: the call only books what a variant started',
  steps: [
    { id: 'intro', type: 'email', timing: { kind: 'immediately' }, variants: VARIANTS },
    { id: 'call', type: 'call', timing: { kind: 'after', minutes: 60 } },
  ],
};

let h: CadenceHarness;
let s: Seed;
withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

type VariantRow = Record<(typeof VARIANT_FIGURES)[number], number> & { variant: string; meetingRate: { rate: number; low: number; high: number } };
type VariantsReport = { minSample: number; steps: Array<{ version: number; stepId: string; winner: string | null; reason: string; variants: VariantRow[] }> };
type Problem = { errors: Array<{ field: string; message: string }> };

let sequenceId = '';
let from = '';
let to = '';
const byVariant: Record<string, Array<{ e: Enrolled; prospectId: string }>> = { short: [], story: [] };
const all: Array<{ e: Enrolled; prospectId: string; variant: string }> = [];

const period = () => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
const variantsReport = (query = '') => h.api<VariantsReport>('GET', `/v1/reports/sequences/${sequenceId}/variants?${period()}${query}`);
const sentIntro = async (e: Enrolled) => {
  for (let i = 0; i < 200; i++) {
    const [t] = await h.db.db.select().from(touches).where(and(eq(touches.enrollmentId, e.id), eq(touches.status, 'sent')));
    if (t) return t;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the intro email of ${e.id} never left`);
};
const clickLinkOf = (body: string) => /http:\/\/relance\.test(\/v1\/clicks\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(body)?.[1];
const event = async (prospectId: string, body: Record<string, unknown>) => expect((await h.api('POST', `/v1/prospects/${prospectId}/events`, body)).status).toBe(202);

async function enrollOne(i: number): Promise<{ e: Enrolled; prospectId: string; variant: string }> {
  const p = await h.api<{ id: string }>('POST', '/v1/prospects', { email: `ab${i}@globex.test`, firstName: `Ab${i}`, lastName: 'Test', timeZone: PARIS });
  const res = await h.api<Enrolled>('POST', '/v1/enrollments', { prospectId: p.body.id, sequenceId, repId: s.repId, context: 'your Series B', pretext: 'We helped Initech.' });
  expect(res.status).toBe(201);
  return { e: res.body, prospectId: p.body.id, variant: variantFor(res.body.id, 'intro', VARIANTS).key };
}

beforeAll(async () => {
  const created = await h.api<{ sequenceId: string }>('POST', '/v1/sequences', { definition: DEFINITION });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  sequenceId = created.body.sequenceId;
  expect((await h.api('PUT', '/v1/click-tracking', { enabled: true })).body).toEqual({ enabled: true });
  const monday = nextWorkingMonday(await h.now(), PARIS, 'FR');
  from = iso(at(monday, '00:00'));
  to = iso(at(monday.plus({ days: 7 }), '00:00'));
  await h.advanceTo(iso(monday));
  // Enough enrollments for three of each variant; which one gets which is the hash's, not ours.
  for (let i = 0; all.length < 30 && (all.length < 10 || byVariant.short!.length < 3 || byVariant.story!.length < 3); i++) {
    const one = await enrollOne(i);
    all.push(one);
    byVariant[one.variant]!.push(one);
  }
  for (const one of all) await sentIntro(one.e);
  const [shortMeeting, shortReply, shortRemoveMe] = byVariant.short!;
  const [storyReply, storyAway, storyNo] = byVariant.story!;
  await event(shortReply!.prospectId, { type: 'reply' });
  // "Remove me": a reply, then the rep records the opt-out it asked for.
  await event(shortRemoveMe!.prospectId, { type: 'reply' });
  await event(shortRemoveMe!.prospectId, { type: 'opt_out' });
  await event(storyReply!.prospectId, { type: 'reply' });
  await event(storyAway!.prospectId, { type: 'auto_reply' });
  // Clicks: one on a short email, two on the same story link (counted once).
  for (const one of [shortMeeting!, storyReply!, storyReply!]) {
    const body = (await sentIntro(one.e)).body!;
    const res = await h.app.request(clickLinkOf(body)!);
    expect(res.status).toBe(302);
  }
  await h.advanceTo(iso(at(monday, '11:10')));
  expect((await complete(h, s, (await openTaskOf(h, shortMeeting!.e, 'call')).taskId, { outcome: 'meeting_booked' })).status).toBe(200);
  expect((await complete(h, s, (await openTaskOf(h, storyNo!.e, 'call')).taskId, { outcome: 'not_interested' })).status).toBe(200);
});

describe('A/B variants of an email step', () => {
  it('sends each enrollment the variant the pure assignment gives it, rendered, and records it on the touch and the email.sent event', async () => {
    for (const one of all) {
      const t = await sentIntro(one.e);
      expect([one.e.id, t.variant]).toEqual([one.e.id, one.variant]);
      expect(t.subject).toBe(one.variant === 'short' ? `Quick question, Ab${all.indexOf(one)}` : 'How Initech did it');
      const [sent] = await h.db.db.select().from(events).where(and(eq(events.enrollmentId, one.e.id), eq(events.type, 'email.sent')));
      expect((sent!.payload as { variant?: string }).variant).toBe(one.variant);
    }
  });

  it('counts each variant\'s sample and outcomes as the history holds them, with intervals and no winner below the minimum sample', async () => {
    const res = await variantsReport();
    expect(res.status).toBe(200);
    expect(res.body.minSample).toBe(100);
    expect(res.body.steps.map((st) => [st.version, st.stepId, st.winner, st.reason])).toEqual([[1, 'intro', null, 'below_minimum_sample']]);
    const [short, story] = res.body.steps[0]!.variants;
    expect(short).toMatchObject({ variant: 'short', reached: byVariant.short!.length, replied: 2, positiveReplies: 1, optedOut: 1, outOfOffice: 0, notInterested: 0, meetings: 1, clicked: 1 });
    expect(story).toMatchObject({ variant: 'story', reached: byVariant.story!.length, replied: 1, positiveReplies: 1, optedOut: 0, outOfOffice: 1, notInterested: 1, meetings: 0, clicked: 1 });
    expect(short!.meetingRate.rate).toBeCloseTo(1 / byVariant.short!.length, 6);
    expect(short!.meetingRate.low).toBeGreaterThanOrEqual(0);
    expect(short!.meetingRate.high).toBeGreaterThan(short!.meetingRate.rate);
    // A sample of one per variant: meeting intervals still overlap, so nobody wins on so little.
    const low = await variantsReport('&minSample=1');
    expect(low.body.steps[0]).toMatchObject({ winner: null, reason: 'no_clear_difference' });
  });

  it('agrees with a brute-force recount: the variant of each touch crossed with the recounted figures', async () => {
    const recount = await recountSequence(h.db, s.workspaceId, sequenceId, { from: Date.parse(from), to: Date.parse(to) });
    const res = await variantsReport();
    for (const row of res.body.steps[0]!.variants) {
      const mine = new Set(all.filter((a) => a.variant === row.variant).map((a) => a.e.id));
      for (const figure of VARIANT_FIGURES) {
        const steps = figure === 'reached' || figure === 'clicked' ? ['1:intro'] : Object.keys(recount[figure] ?? {});
        const ids = new Set(steps.flatMap((k) => recount[figure]?.[k] ?? []).filter((id) => mine.has(id)));
        expect([row.variant, figure, row[figure]]).toEqual([row.variant, figure, ids.size]);
      }
    }
    // And the sequence analytics' own figures, positive replies and clicks among them, per step.
    const seq = await h.api<{ versions: Array<{ steps: Array<Record<string, number | string>> }> }>('GET', `/v1/reports/sequences/${sequenceId}?${period()}`);
    for (const step of seq.body.versions[0]!.steps) {
      for (const figure of SEQUENCE_FIGURES) expect([step.stepId, figure, step[figure]]).toEqual([step.stepId, figure, recount[figure]?.[`1:${step.stepId}`]?.length ?? 0]);
    }
    expect(seq.body.versions[0]!.steps[0]).toMatchObject({ stepId: 'intro', replied: 3, positiveReplies: 2, clicked: 2 });
  });

  it('downloads as CSV, one line per variant, and refuses bad input naming the field', async () => {
    const csv = await h.request(`/v1/reports/sequences/${sequenceId}/variants?${period()}&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    const header = lines[0]!.split(',');
    expect(lines).toHaveLength(3);
    const story = lines.find((l) => l.includes(',story,'))!.split(',');
    expect([story[header.indexOf('positiveReplies')], story[header.indexOf('notInterested')], story[header.indexOf('reason')]]).toEqual(['1', '1', 'below_minimum_sample']);
    const bad = await h.api<Problem>('GET', `/v1/reports/sequences/${sequenceId}/variants?minSample=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toContain('query.minSample');
  });

  it('refuses a sequence whose variants are wrong with a 422 naming each field', async () => {
    const steps = [{ ...DEFINITION.steps[0], variants: [VARIANTS[0], { ...VARIANTS[1], key: 'short', weight: 0 }] }, DEFINITION.steps[1]];
    const res = await h.api<Problem>('POST', '/v1/sequences', { definition: { ...DEFINITION, key: 'ab-bad', steps } });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.field).sort()).toEqual(['body.definition.steps.0.variants.1.key', 'body.definition.steps.0.variants.1.weight']);
    const one = await h.api<Problem>('POST', '/v1/sequences', { definition: { ...DEFINITION, key: 'ab-one', steps: [{ ...DEFINITION.steps[0], variants: [VARIANTS[0]] }, DEFINITION.steps[1]] } });
    expect(one.status).toBe(422);
    expect(one.body.errors.map((e) => e.field)).toEqual(['body.definition.steps.0.variants']);
  });
});

describe('click tracking', () => {
  it('redirects a genuine link to its signed target only, recording one click per link; a tampered link is a 404 that records nothing', async () => {
    const one = byVariant.short![0]!;
    const body = (await sentIntro(one.e)).body!;
    // The sentence's full stop stays outside the link; the original URL is no longer in the email.
    expect(body).toMatch(/our prices: http:\/\/relance\.test\/v1\/clicks\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.$/);
    expect(body).not.toContain('acme.test');
    const link = clickLinkOf(body)!;
    const res = await h.app.request(link);
    expect([res.status, res.headers.get('location')]).toEqual([302, 'https://acme.test/pricing']);
    const clicks = async () => (await h.db.db.select().from(events).where(and(eq(events.workspaceId, s.workspaceId), eq(events.type, 'email.clicked')))).length;
    const before = await clicks();
    expect(before).toBe(2);
    const [payload, sig] = link.slice('/v1/clicks/'.length).split('.') as [string, string];
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString('utf8').replace('https://acme.test/pricing', 'https://evil.test/')).toString('base64url');
    const flipped = `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [`/v1/clicks/${forged}.${sig}`, `/v1/clicks/${payload}.${flipped}`, `/v1/clicks/${payload}`, '/v1/clicks/nope']) {
      const r = await h.app.request(bad);
      expect([bad, r.status, r.headers.get('location')]).toEqual([bad, 404, null]);
    }
    expect(await clicks()).toBe(before);
  });

  it('off: reports count no clicks, and the links of emails staged from then on are left as written', async () => {
    expect((await h.api('PUT', '/v1/click-tracking', { enabled: false })).status).toBe(200);
    expect((await h.api('GET', '/v1/click-tracking')).body).toEqual({ enabled: false });
    const res = await variantsReport();
    expect(res.body.steps[0]!.variants.map((v) => v.clicked)).toEqual([0, 0]);
    const bad = await h.api<Problem>('PUT', '/v1/click-tracking', { enabled: 'yes' });
    expect(bad.status).toBe(422);
    const one = await enrollOne(100);
    const t = await sentIntro(one.e);
    expect(t.body).toContain(one.variant === 'short' ? 'https://acme.test/pricing.' : 'https://acme.test/story?from=email');
    expect(t.body).not.toContain('/v1/clicks/');
  });
});
