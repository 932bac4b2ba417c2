// The suppression list applies to every channel, before the next step: adding an entry stops the
// running cadences it covers (an address, a domain and its subdomains) and a suppressed prospect
// cannot be enrolled. Also the enrollment's optional mailbox: one of the enrolling rep's own.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollments, mailboxes } from '../../db/schema.js';
import { startMailWorld, type MailWorld } from './world.js';
import type { Problem } from '../support/api.js';

let w: MailWorld;
beforeAll(async () => {
  w = await startMailWorld();
});
afterAll(async () => w?.stop());

const statusOf = async (id: string) => (await w.db.db.select().from(enrollments).where(eq(enrollments.id, id)))[0]!;

async function running(email: string) {
  const p = await w.addProspect(email);
  const e = await w.enroll(p.id);
  await w.enrollmentWhen(e, 'active');
  return { prospectId: p.id, enrollmentId: e };
}

describe('suppression list effects', () => {
  it('a domain entry stops the cadences at the domain and its subdomains, before their next step; nothing else', async () => {
    const hq = await running('ceo@umbrella.test');
    const eu = await running('sales@eu.umbrella.test');
    const lookalike = await running('ceo@notumbrella.test');

    const res = await w.ws.call<{ value: string; kind: string; enrollmentsStopped: number }>('POST', '/v1/suppressions', { value: 'Umbrella.test', reason: 'competitor' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ value: 'umbrella.test', kind: 'domain', enrollmentsStopped: 2 });
    // The stop Update returns once the cadence has ended: the rows already say so.
    for (const e of [hq, eu]) expect(await statusOf(e.enrollmentId)).toMatchObject({ status: 'stopped', stopReason: 'stopped: suppressed' });
    expect((await statusOf(lookalike.enrollmentId)).status).toBe('active');

    const again = await w.ws.call<{ enrollmentsStopped: number }>('POST', '/v1/suppressions', { value: 'umbrella.test' });
    expect([again.status, again.body.enrollmentsStopped]).toEqual([200, 0]);
  });

  it('an address entry stops that prospect only', async () => {
    const one = await running('Pat@Soylent.test');
    const colleague = await running('kim@soylent.test');
    const res = await w.ws.call<{ enrollmentsStopped: number }>('POST', '/v1/suppressions', { value: 'pat@soylent.test' });
    expect([res.status, res.body.enrollmentsStopped]).toEqual([201, 1]);
    expect(await statusOf(one.enrollmentId)).toMatchObject({ status: 'stopped', stopReason: 'stopped: suppressed' });
    expect((await statusOf(colleague.enrollmentId)).status).toBe('active');
  });

  it('refuses to enroll a suppressed prospect (422 naming the field), alone and per item in bulk', async () => {
    expect((await w.ws.call('POST', '/v1/suppressions', { value: 'tyrell.test' })).status).toBe(201);
    const banned = await w.addProspect('roy@tyrell.test');
    const fine = await w.addProspect('rachael@wallace.test');
    const single = await w.ws.call<Problem>('POST', '/v1/enrollments', { prospectId: banned.id, sequenceId: w.sequences.later, repId: w.repId });
    expect(single.status).toBe(422);
    expect(single.body.errors).toEqual([{ field: 'body.prospectId', message: expect.stringContaining('suppressed: tyrell.test') }]);

    const bulk = await w.ws.call<{ created: number; failed: number; results: Array<{ status: number; error?: Problem }> }>('POST', '/v1/enrollments/bulk', {
      items: [
        { prospectId: banned.id, sequenceId: w.sequences.later, repId: w.repId },
        { prospectId: fine.id, sequenceId: w.sequences.later, repId: w.repId },
      ],
    });
    expect(bulk.body).toMatchObject({ created: 1, failed: 1 });
    expect(bulk.body.results[0]).toMatchObject({ status: 422, error: { errors: [{ field: 'body.items.0.prospectId' }] } });
    expect(await w.db.db.select().from(enrollments).where(eq(enrollments.prospectId, banned.id))).toEqual([]);
  });
});

describe('the mailbox an enrollment sends from', () => {
  it("must be one of the enrolling rep's mailboxes in the workspace, not disabled; it is stored on the enrollment", async () => {
    const other = await w.ws.call<{ id: string }>('POST', '/v1/users', { email: 'lee@acme.test', name: 'Lee Rep' });
    const box = (userId: string, address: string, status: 'connected' | 'disabled' = 'connected') =>
      w.db.db.insert(mailboxes).values({ workspaceId: w.ws.workspaceId, userId, address, provider: 'smtp', status }).returning().then((r) => r[0]!.id);
    const own = await box(w.repId, 'sam.sales@acme.test');
    const disabled = await box(w.repId, 'sam.old@acme.test', 'disabled');
    const theirs = await box(other.body.id, 'lee@acme.test');

    for (const [mailboxId, why] of [[theirs, "another rep's"], [disabled, 'disabled'], [randomUUID(), 'unknown'], ['not-a-uuid', 'malformed']] as const) {
      const p = await w.addProspect(`${why.replace(/\W/g, '')}@cyberdyne.test`);
      const res = await w.ws.call<Problem>('POST', '/v1/enrollments', { prospectId: p.id, sequenceId: w.sequences.later, repId: w.repId, mailboxId });
      expect([why, res.status, res.body.errors?.[0]?.field]).toEqual([why, 422, 'body.mailboxId']);
      expect(await w.db.db.select().from(enrollments).where(eq(enrollments.prospectId, p.id))).toEqual([]);
    }

    const p = await w.addProspect('miles@cyberdyne.test');
    const res = await w.ws.call<{ id: string }>('POST', '/v1/enrollments', { prospectId: p.id, sequenceId: w.sequences.later, repId: w.repId, mailboxId: own });
    expect(res.status).toBe(201);
    expect((await statusOf(res.body.id)).mailboxId).toBe(own);
  });
});
