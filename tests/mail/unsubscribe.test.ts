// One-click unsubscribe (RFC 8058) over the real API and a real worker: the page changes
// nothing, the POST opts the prospect out for good (suppression entry, every cadence stopped),
// again and again without doing anything twice; forged tokens are a plain 404.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollments, events, prospects, suppressions } from '../../db/schema.js';
import { createUnsubscribeSigner } from '../../security/unsubscribe-token.js';
import { startMailWorld, type MailWorld } from './world.js';
import { testSecurity } from '../support/security.js';

let w: MailWorld;
beforeAll(async () => {
  w = await startMailWorld();
});
afterAll(async () => w?.stop());

const signer = testSecurity.unsubscribe;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const request = (method: string, token: string, headers: Record<string, string> = {}, body?: string) => w.app.request(`/v1/unsubscribe/${token}`, { method, headers, ...(body === undefined ? {} : { body }) });

async function enrolledProspect(email: string) {
  const p = await w.addProspect(email);
  const e = await w.enroll(p.id);
  await w.enrollmentWhen(e, 'active');
  return { prospectId: p.id, enrollmentId: e, token: signer.sign({ workspaceId: w.ws.workspaceId, prospectId: p.id, touchId: randomUUID() }) };
}
const prospectStatus = async (id: string) => (await w.db.db.select().from(prospects).where(eq(prospects.id, id)))[0]!.status;
const suppressionsOf = (value: string) => w.db.db.select().from(suppressions).where(and(eq(suppressions.workspaceId, w.ws.workspaceId), eq(suppressions.value, value)));

describe('one-click unsubscribe', () => {
  it('the page only shows a button posting the one-click form: nothing changes on GET', async () => {
    const { prospectId, enrollmentId, token } = await enrolledProspect('reader@globex.test');
    const res = await request('GET', token, { accept: 'text/html' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).toMatch(/<form method="post">/);
    expect(html).toMatch(/name="List-Unsubscribe" value="One-Click"/);
    expect(html).not.toMatch(/reader@globex\.test/);
    expect(await prospectStatus(prospectId)).toBe('active');
    expect(await suppressionsOf('reader@globex.test')).toEqual([]);
    expect((await w.db.db.select().from(enrollments).where(eq(enrollments.id, enrollmentId)))[0]!.status).toBe('active');
  });

  it('POST opts the prospect out, suppresses the address and stops the cadence; posting again changes nothing', async () => {
    const { prospectId, enrollmentId, token } = await enrolledProspect('Leaver@Globex.test');
    const res = await request('POST', token, FORM, 'List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unsubscribed: true });
    expect(await prospectStatus(prospectId)).toBe('opted_out');
    expect(await suppressionsOf('leaver@globex.test')).toEqual([expect.objectContaining({ kind: 'email', reason: 'unsubscribe' })]);
    expect(await w.enrollmentWhen(enrollmentId, 'stopped')).toMatchObject({ stopReason: 'opted_out' });

    // A browser posting the page's form (or an empty body) again: the confirmation, nothing new.
    const again = await request('POST', token, { accept: 'text/html,application/xhtml+xml' });
    expect(again.status).toBe(200);
    expect(await again.text()).toMatch(/You are unsubscribed/);
    expect(await suppressionsOf('leaver@globex.test')).toHaveLength(1);
    const optedOut = await w.db.db.select().from(events).where(and(eq(events.prospectId, prospectId), eq(events.type, 'prospect.opted_out')));
    expect(optedOut).toEqual([expect.objectContaining({ payload: expect.objectContaining({ source: 'unsubscribe' }) })]);

    // Enrolling them again is refused.
    const seq = await w.ws.call('POST', '/v1/enrollments', { prospectId, sequenceId: w.sequences['later-account'], repId: w.repId });
    expect(seq.status).toBe(409);
  });

  it('a forged, edited or foreign token is a plain 404 that changes nothing', async () => {
    const { prospectId, token } = await enrolledProspect('target@globex.test');
    const forged = createUnsubscribeSigner(randomBytes(32)).sign({ workspaceId: w.ws.workspaceId, prospectId, touchId: randomUUID() });
    const [body, sig] = token.split('.');
    const edited = `${Buffer.from(Buffer.from(body!, 'base64url').toString().replace(/.$/, (c) => (c === '0' ? '1' : '0'))).toString('base64url')}.${sig}`;
    const otherWorkspace = signer.sign({ workspaceId: randomUUID(), prospectId, touchId: randomUUID() });
    for (const bad of [forged, edited, otherWorkspace, 'garbage', 'a.b']) {
      for (const method of ['GET', 'POST']) {
        const json = await request(method, bad);
        expect([method, json.status, json.headers.get('content-type')]).toEqual([method, 404, 'application/problem+json']);
        const html = await request(method, bad, { accept: 'text/html' });
        expect(html.status).toBe(404);
        expect(await html.text()).not.toMatch(/target@|globex/);
      }
    }
    expect(await prospectStatus(prospectId)).toBe('active');
    expect(await suppressionsOf('target@globex.test')).toEqual([]);
  });

  it('is documented as public (no API key)', async () => {
    const doc = (await (await w.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const path = doc.paths['/v1/unsubscribe/{token}']!;
    expect(path.get!.security).toEqual([]);
    expect(path.post!.security).toEqual([]);
  });
});
