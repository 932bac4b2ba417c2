// The sequence editor's API: a definition's steps in words, its templates rendered for a prospect
// by the sending engine and planned in the prospect's zone (nothing written), the diff between two
// versions, and the enrollments per version (a manager's key: theirs and their reps' only).
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { enrollments, repAbsences, sequenceVersions } from '../../db/schema.js';
import { withTestApi, type ApiWorld, type Problem } from '../support/api.js';

let w: ApiWorld;
withTestApi({}, (world) => (w = world));

type Def = { key: string; name: string; steps: Array<Record<string, any>> } & Record<string, unknown>;
type Preview = { version: number | null; timeZone: string | null; steps: Array<{ stepId: string; day: number; when: string; what: string; plannedAt: string | null; localTime: string | null; subject: string | null; body: string | null; variants: Array<{ key: string; weight: number; share: number; subject: string | null; body: string | null }> | null }> };

async function announcedCall(): Promise<{ sequenceId: string; definition: Def }> {
  const list = await w.ws.call<{ data: Array<{ sequenceId: string; key: string; definition: Def }> }>('GET', '/v1/sequences');
  const seq = list.body.data.find((s) => s.key === 'announced-call')!;
  return { sequenceId: seq.sequenceId, definition: seq.definition };
}

async function prospectIn(timeZone: string, email: string): Promise<string> {
  const account = await w.ws.call<{ id: string }>('POST', '/v1/accounts', { name: 'Wattle Pty', domain: email.replace('@', '.') });
  expect(account.status, JSON.stringify(account.body)).toBe(201);
  const p = await w.ws.call<{ id: string }>('POST', '/v1/prospects', { firstName: 'Olivia', lastName: 'Nguyen', title: 'CFO', email, timeZone, accountId: account.body.id });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  return p.body.id;
}

describe('the sequence editor API', () => {
  it('without a prospect: each step of the latest version in words, nothing rendered', async () => {
    const { sequenceId } = await announcedCall();
    const res = await w.ws.call<Preview>('POST', `/v1/sequences/${sequenceId}/preview`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.timeZone).toBeNull();
    const email = res.body.steps.find((s) => s.stepId === 'announce-email')!;
    expect(email).toMatchObject({ day: 2, when: "day 2 at 08:00 in the prospect's zone", what: 'email announcing the 09:15 call', plannedAt: null, subject: null });
    expect(res.body.steps.find((s) => s.stepId === 'announced-call')!.when).toBe("day 2 at 09:15 in the prospect's zone, the time the email announced");
  });

  it("a draft definition rendered for a Sydney prospect: the sending engine's text, the email at 08:00 and the call at the announced time, Sydney time", async () => {
    const { sequenceId, definition } = await announcedCall();
    const prospectId = await prospectIn('Australia/Sydney', 'olivia@wattle.test');
    const draft = structuredClone(definition);
    const email = draft.steps.find((s) => s.id === 'announce-email')!;
    email.template.subject = 'Hello {{prospect.firstName}} of {{account.name}}: {{announcedCall.time}} call';
    email.announce.at = '10:30';
    const res = await w.ws.call<Preview>('POST', `/v1/sequences/${sequenceId}/preview`, { definition: draft, prospectId, context: 'your Series B' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: null, timeZone: 'Australia/Sydney' });
    const sent = res.body.steps.find((s) => s.stepId === 'announce-email')!;
    expect(sent.subject).toBe('Hello Olivia of Wattle Pty: 10:30 call');
    expect(sent.body).toContain('I will call you at 10:30 sharp about your Series B.');
    const local = DateTime.fromISO(sent.plannedAt!).setZone('Australia/Sydney');
    expect(local.toFormat('HH:mm')).toBe('08:00');
    expect(sent.localTime).toBe(local.setLocale('en-GB').toFormat('ccc d LLL HH:mm'));
    const call = res.body.steps.find((s) => s.stepId === 'announced-call')!;
    expect(DateTime.fromISO(call.plannedAt!).setZone('Australia/Sydney').toFormat('yyyy-MM-dd HH:mm')).toBe(`${local.toFormat('yyyy-MM-dd')} 10:30`);
    // The call script says when the email left, as the rep will say it: that morning at 8:00.
    expect(call.body).toContain('as announced in the email that left at 8:00 am today (their time)');
    // A preview writes nothing: the sequence has no draft.
    const rows = await w.db.db.select().from(sequenceVersions).where(eq(sequenceVersions.sequenceId, sequenceId));
    expect(rows.every((r) => r.publishedAt !== null)).toBe(true);
  });

  it("an A/B step: each variant rendered for the prospect with its share; without a prospect, the variants named but not rendered", async () => {
    const { sequenceId, definition } = await announcedCall();
    const prospectId = await prospectIn('Australia/Sydney', 'jack@wattle.test');
    const draft = structuredClone(definition);
    const email = draft.steps.find((s) => s.id === 'announce-email')!;
    email.variants = [
      { key: 'a', weight: 1, subject: email.template.subject, body: email.template.body },
      { key: 'b', weight: 3, subject: '{{prospect.firstName}}, {{announcedCall.time}} works?', body: 'Short one, {{prospect.firstName}}: I call at {{announcedCall.time}}.' },
    ];
    delete email.template;
    const res = await w.ws.call<Preview>('POST', `/v1/sequences/${sequenceId}/preview`, { definition: draft, prospectId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sent = res.body.steps.find((s) => s.stepId === 'announce-email')!;
    expect([sent.subject, sent.body]).toEqual([null, null]);
    expect(sent.variants!.map((v) => [v.key, v.weight, v.share])).toEqual([['a', 1, 0.25], ['b', 3, 0.75]]);
    expect(sent.variants![0]!.body).toContain('I will call you at 09:15 sharp');
    expect(sent.variants![1]).toMatchObject({ subject: 'Olivia, 09:15 works?', body: 'Short one, Olivia: I call at 09:15.' });
    // Steps with one template have no variants.
    expect(res.body.steps.find((s) => s.stepId === 'announced-call')!.variants).toBeNull();
    const unrendered = await w.ws.call<Preview>('POST', `/v1/sequences/${sequenceId}/preview`, { definition: draft });
    expect(unrendered.body.steps.find((s) => s.stepId === 'announce-email')!.variants).toEqual([
      { key: 'a', weight: 1, share: 0.25, subject: null, body: null },
      { key: 'b', weight: 3, share: 0.75, subject: null, body: null },
    ]);
  });

  it("the rep's time off moves the plan as the cadence would: nothing before their return", async () => {
    const { sequenceId } = await announcedCall();
    const prospectId = await prospectIn('Europe/Paris', 'zoe@away.test');
    const rep = await w.ws.call<{ id: string }>('POST', '/v1/users', { email: 'ana@acme.test', name: 'Ana Away', role: 'rep', timeZone: 'Europe/Paris' });
    const today = DateTime.now().setZone('Europe/Paris');
    const endsOn = today.plus({ days: 10 }).toISODate()!;
    await w.db.db.insert(repAbsences).values({ workspaceId: w.ws.workspaceId, userId: rep.body.id, startsOn: today.minus({ days: 1 }).toISODate()!, endsOn });
    const away = await w.ws.call<Preview>('POST', `/v1/sequences/${sequenceId}/preview`, { prospectId, repId: rep.body.id });
    expect(away.status, JSON.stringify(away.body)).toBe(200);
    const note = away.body.steps.find((s) => s.stepId === 'linkedin-note')!;
    expect(DateTime.fromISO(note.plannedAt!).setZone('Europe/Paris').toISODate()! > endsOn).toBe(true);
    expect(away.body.steps.find((s) => s.stepId === 'announce-email')!.body).toContain('Ana Away');
    // Without a rep (an admin key is no one): planned within the next days.
    const anyone = await w.ws.call<Preview>('POST', `/v1/sequences/${sequenceId}/preview`, { prospectId });
    expect(DateTime.fromISO(anyone.body.steps[0]!.plannedAt!).setZone('Europe/Paris').toISODate()! <= today.plus({ days: 4 }).toISODate()!).toBe(true);
  });

  it('bad input is a problem naming the field: an invalid draft (422), an unknown prospect (404), a definition and a version (422)', async () => {
    const { sequenceId, definition } = await announcedCall();
    const draft = structuredClone(definition);
    draft.steps[1]!.timing = { kind: 'next_business_day_at', at: '25:00' };
    draft.steps[1]!.template.body = 'Hi {{prospect.nickname}}';
    const bad = await w.ws.call<Problem>('POST', `/v1/sequences/${sequenceId}/preview`, { definition: draft });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['body.definition.steps.1.template.body', 'body.definition.steps.1.timing.at']);
    const unknown = await w.ws.call<Problem>('POST', `/v1/sequences/${sequenceId}/preview`, { prospectId: crypto.randomUUID() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors.map((e) => e.field)).toEqual(['body.prospectId']);
    const both = await w.ws.call<Problem>('POST', `/v1/sequences/${sequenceId}/preview`, { definition, version: 1 });
    expect(both.status).toBe(422);
    expect(both.body.errors.map((e) => e.field)).toEqual(['body.version']);
    const noVersion = await w.ws.call<Problem>('POST', `/v1/sequences/${sequenceId}/preview`, { version: 9 });
    expect(noVersion.status).toBe(404);
    expect(noVersion.body.errors.map((e) => e.field)).toEqual(['body.version']);
  });

  it('the diff between two versions: a step added, one removed, a field changed, per field', async () => {
    const { sequenceId, definition } = await announcedCall();
    const v2 = structuredClone(definition);
    v2.steps.find((s) => s.id === 'announce-email')!.template.subject = 'New subject {{prospect.firstName}}';
    const last = v2.steps.at(-1)!;
    v2.steps = v2.steps.filter((s) => s.id !== last.id);
    for (const s of v2.steps) {
      for (const [k, t] of Object.entries(s.on ?? {})) if (t === last.id) s.on[k] = 'end';
      if (s.next === last.id) s.next = 'end';
      if (s.onBroken === last.id) s.onBroken = 'end';
    }
    v2.steps.push({ id: 'break-up', type: 'email', timing: { kind: 'business_days_after', days: 3, at: '09:00' }, template: { subject: 'Closing the loop', body: 'Hello {{prospect.firstName}}' } });
    const published = await w.ws.call<{ version: number }>('POST', `/v1/sequences/${sequenceId}/versions`, { definition: v2 });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const diff = await w.ws.call<{ added: string[]; removed: string[]; changed: Array<{ stepId: string; changes: Array<{ field: string; before: unknown; after: unknown }> }> }>('GET', `/v1/sequences/${sequenceId}/diff?from=1&to=2`);
    expect(diff.status, JSON.stringify(diff.body)).toBe(200);
    expect(diff.body.added).toEqual(['break-up']);
    expect(diff.body.removed).toEqual([last.id]);
    expect(diff.body.changed.find((c) => c.stepId === 'announce-email')!.changes).toEqual([
      { field: 'template.subject', before: definition.steps.find((s) => s.id === 'announce-email')!.template.subject, after: 'New subject {{prospect.firstName}}' },
    ]);
    // Without versions named: the latest against the one before.
    const latest = await w.ws.call<{ from: number; to: number; added: string[] }>('GET', `/v1/sequences/${sequenceId}/diff`);
    expect(latest.body).toMatchObject({ from: 1, to: 2, added: ['break-up'] });
    const missing = await w.ws.call<Problem>('GET', `/v1/sequences/${sequenceId}/diff?from=1&to=7`);
    expect(missing.status).toBe(404);
    expect(missing.body.errors.map((e) => e.field)).toEqual(['query.to']);
  });

  it('enrollments per version, by status; a manager counts only theirs and their reps\', and lists a version\'s', async () => {
    const { sequenceId } = await announcedCall();
    const manager = await w.ws.call<{ id: string }>('POST', '/v1/users', { email: 'mia@acme.test', name: 'Mia Manager', role: 'manager' });
    const rep = await w.ws.call<{ id: string }>('POST', '/v1/users', { email: 'raj@acme.test', name: 'Raj Rep', role: 'rep', managerId: manager.body.id });
    const other = await w.ws.call<{ id: string }>('POST', '/v1/users', { email: 'oscar@acme.test', name: 'Oscar Other', role: 'rep' });
    const prospects = await Promise.all(['a', 'b', 'c'].map((x) => prospectIn('Europe/Paris', `${x}@count.test`)));
    const row = (prospectId: string, repId: string, version: number, status: 'active' | 'completed') => ({ workspaceId: w.ws.workspaceId, prospectId, sequenceId, sequenceVersion: version, repId, workflowId: `enrollment:${prospectId}`, status });
    await w.db.db.insert(enrollments).values([row(prospects[0]!, rep.body.id, 1, 'active'), row(prospects[1]!, rep.body.id, 2, 'completed'), row(prospects[2]!, other.body.id, 2, 'active')]);
    type Counts = { versions: Array<{ version: number; total: number; byStatus: Record<string, number> }> };
    const all = await w.ws.call<Counts>('GET', `/v1/sequences/${sequenceId}/enrollment-counts`);
    expect(all.status).toBe(200);
    expect(all.body.versions.map((v) => [v.version, v.total, v.byStatus.active, v.byStatus.completed])).toEqual([[2, 2, 1, 1], [1, 1, 1, 0]]);
    const key = await w.ws.call<{ key: string }>('POST', '/v1/api-keys', { name: 'mia', role: 'rep', userId: manager.body.id });
    const mine = await w.ws.as(key.body.key)<Counts>('GET', `/v1/sequences/${sequenceId}/enrollment-counts`);
    expect(mine.body.versions.map((v) => [v.version, v.total])).toEqual([[2, 1], [1, 1]]);
    const listed = await w.ws.call<{ data: Array<{ prospectId: string; sequenceVersion: number }> }>('GET', `/v1/enrollments?sequenceId=${sequenceId}&sequenceVersion=2`);
    expect(listed.body.data.map((e) => e.prospectId).sort()).toEqual([prospects[1], prospects[2]].sort());
    // The manager's key lists what it counts: their rep's enrollments on v2, not Oscar's; it reads
    // their rep's enrollment, not Oscar's (404), and Oscar's own key sees only his.
    const asMia = w.ws.as(key.body.key);
    const miaListed = await asMia<{ data: Array<{ id: string; prospectId: string }> }>('GET', `/v1/enrollments?sequenceId=${sequenceId}&sequenceVersion=2`);
    expect(miaListed.body.data.map((e) => e.prospectId)).toEqual([prospects[1]]);
    expect((await asMia<{ data: unknown[] }>('GET', `/v1/enrollments?repId=${other.body.id}`)).body.data).toEqual([]);
    expect((await asMia('GET', `/v1/enrollments/${miaListed.body.data[0]!.id}`)).status).toBe(200);
    const oscars = await w.db.db.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.repId, other.body.id));
    expect((await asMia('GET', `/v1/enrollments/${oscars[0]!.id}`)).status).toBe(404);
    const oscarKey = await w.ws.call<{ key: string }>('POST', '/v1/api-keys', { name: 'oscar', role: 'rep', userId: other.body.id });
    const oscarListed = await w.ws.as(oscarKey.body.key)<{ data: Array<{ prospectId: string }> }>('GET', `/v1/enrollments?sequenceId=${sequenceId}`);
    expect(oscarListed.body.data.map((e) => e.prospectId)).toEqual([prospects[2]]);
    const elsewhere = await w.ws.call<Problem>('GET', `/v1/sequences/${crypto.randomUUID()}/enrollment-counts`);
    expect(elsewhere.status).toBe(404);
  });
});
