// Inbound webhooks over real HTTP: source secrets, Standard Webhooks signatures computed here
// with node:crypto (independent of the library the API uses), replays, and workspace isolation.
import { createHmac, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../api/server.js';
import { events, inboundReceipts } from '../../db/schema.js';
import { createKeyedWorkspace, type KeyedWorkspace, createTestApp } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestWorker, type TestTemporal } from '../support/temporal.js';

let db: TestDatabase;
let temporal: TestTemporal;
let server: RunningServer;
let a: KeyedWorkspace;
let b: KeyedWorkspace;
let secretA: string;
let prospectA: string;

const overHttp = () => ({ request: (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init) }) as never;

function sign(secret: string, id: string, ts: number, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64')}`;
}

type Delivery = { id?: string; ts?: number; secret?: string; signedBody?: string; headers?: Record<string, string | null> };
async function deliver(workspaceId: string, source: string, body: unknown, d: Delivery = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const id = d.id ?? `msg_${randomUUID()}`;
  const ts = d.ts ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string | null> = {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(ts),
    'webhook-signature': sign(d.secret ?? secretA, id, ts, d.signedBody ?? raw),
    ...d.headers,
  };
  const res = await fetch(`${server.url}/v1/inbound/${workspaceId}/${source}`, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== null)),
    body: raw,
  });
  return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  db = await createTestDatabase();
  temporal = await startTestWorker(db.db);
  server = await startHttpServer(createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue }), '127.0.0.1', 0);
  a = await createKeyedWorkspace(overHttp());
  b = await createKeyedWorkspace(overHttp());
  const put = await a.call<{ secret: string }>('PUT', '/v1/inbound-sources/email');
  expect(put.status).toBe(201);
  secretA = put.body.secret;
  const p = await a.call<{ id: string }>('POST', '/v1/prospects', { email: 'Marie@Globex.test', firstName: 'Marie' });
  expect(p.status).toBe(201);
  prospectA = p.body.id;
});
afterAll(async () => {
  await server?.close();
  await temporal?.stop();
  await db?.drop();
});

const reply = { type: 'reply', email: 'marie@globex.test', subject: 'Re: your offer' };

describe('inbound sources', () => {
  it('creates a secret shown once, rotates it, lists sources without secrets, deletes', async () => {
    const created = await a.call<{ secret: string; url: string }>('PUT', '/v1/inbound-sources/crm');
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(created.body.secret.slice(6), 'base64')).toHaveLength(32);
    expect(created.body.url).toBe(`/v1/inbound/${a.workspaceId}/crm`);

    const rotated = await a.call<{ secret: string }>('PUT', '/v1/inbound-sources/crm');
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const stop = { type: 'stop', email: 'marie@globex.test' };
    expect((await deliver(a.workspaceId, 'crm', stop, { secret: created.body.secret })).status).toBe(401);
    expect((await deliver(a.workspaceId, 'crm', stop, { secret: rotated.body.secret })).status).toBe(202);

    const list = await a.call<{ data: Array<Record<string, unknown>> }>('GET', '/v1/inbound-sources');
    expect(list.status).toBe(200);
    expect(list.body.data.map((s) => s.source)).toEqual(['crm', 'email']);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');

    expect((await a.call('DELETE', '/v1/inbound-sources/crm')).status).toBe(204);
    expect((await a.call('DELETE', '/v1/inbound-sources/crm')).status).toBe(404);
    expect((await deliver(a.workspaceId, 'crm', stop, { secret: rotated.body.secret })).status).toBe(401);
    expect((await a.call('PUT', '/v1/inbound-sources/fax')).status).toBe(400);
  });
});

describe('signed deliveries', () => {
  it('applies a validly signed delivery once; a replayed webhook-id is acknowledged, not applied', async () => {
    const id = `msg_${randomUUID()}`;
    const first = await deliver(a.workspaceId, 'email', reply, { id });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.body).toMatchObject({ applied: true, prospectId: prospectA, enrollmentsSignalled: 0 });

    const again = await deliver(a.workspaceId, 'email', reply, { id });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ duplicate: true });

    const replies = await db.db.select().from(events).where(and(eq(events.prospectId, prospectA), eq(events.type, 'prospect.replied')));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.payload).toMatchObject({ source: 'email', subject: 'Re: your offer' });
    expect(await db.db.select().from(inboundReceipts).where(eq(inboundReceipts.messageId, id))).toHaveLength(1);
  });

  const refused: Array<[string, () => Delivery, RegExp]> = [
    ['a wrong signature', () => ({ secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}` }), /no webhook-signature matches/],
    ['a stale timestamp (6 minutes old)', () => ({ ts: Math.floor(Date.now() / 1000) - 6 * 60 }), /within 5 minutes/],
    ['a timestamp 6 minutes ahead', () => ({ ts: Math.floor(Date.now() / 1000) + 6 * 60 }), /within 5 minutes/],
    ['a missing webhook-signature', () => ({ headers: { 'webhook-signature': null } }), /send the webhook-id/],
    ['a missing webhook-id', () => ({ headers: { 'webhook-id': null } }), /send the webhook-id/],
    ['a missing webhook-timestamp', () => ({ headers: { 'webhook-timestamp': null } }), /send the webhook-id/],
    ['a tampered body', () => ({ signedBody: JSON.stringify({ ...reply, type: 'bounce' }) }), /no webhook-signature matches/],
  ];
  for (const [what, delivery, detail] of refused) {
    it(`refuses ${what} with 401 problem+json and applies nothing`, async () => {
      const before = await db.db.select().from(events).where(eq(events.prospectId, prospectA));
      const res = await deliver(a.workspaceId, 'email', reply, delivery());
      expect(res.status).toBe(401);
      expect(res.contentType).toBe('application/problem+json');
      expect(res.body).toMatchObject({ type: '/problems/bad-signature', status: 401 });
      expect(res.body.detail).toMatch(detail);
      expect(await db.db.select().from(events).where(eq(events.prospectId, prospectA))).toHaveLength(before.length);
    });
  }

  it("a secret of workspace A does not authorize workspace B, nor reveals which part is wrong", async () => {
    const expected = { type: '/problems/bad-signature', status: 401, detail: 'no webhook-signature matches this body with the source secret' };
    // B has no email source yet, then one with its own secret.
    expect((await deliver(b.workspaceId, 'email', reply)).body).toMatchObject(expected);
    const putB = await b.call<{ secret: string }>('PUT', '/v1/inbound-sources/email');
    expect(putB.status).toBe(201);
    expect((await deliver(b.workspaceId, 'email', reply)).body).toMatchObject(expected);
    // Unknown workspace, malformed workspace id, source A never configured: the same answer.
    expect((await deliver(randomUUID(), 'email', reply)).body).toMatchObject(expected);
    expect((await deliver('not-a-uuid', 'email', reply)).body).toMatchObject(expected);
    expect((await deliver(a.workspaceId, 'linkedin', { type: 'invite.accepted', email: 'marie@globex.test' })).body).toMatchObject(expected);
    expect(await db.db.select().from(inboundReceipts).where(eq(inboundReceipts.workspaceId, b.workspaceId))).toHaveLength(0);
    // B's own secret works for B.
    expect((await deliver(b.workspaceId, 'email', reply, { secret: putB.body.secret })).status).toBe(202);
  });

  it('answers 422 naming the field for bad JSON or a bad shape behind a valid signature, and records nothing', async () => {
    const id = `msg_${randomUUID()}`;
    const notJson = await deliver(a.workspaceId, 'email', '{"type": "reply",', { id });
    expect(notJson.status).toBe(422);
    expect(notJson.body.errors).toEqual([{ field: 'body', message: 'not valid JSON' }]);
    const badShape = await deliver(a.workspaceId, 'email', { type: 'reply', email: 'not an address' }, { id });
    expect(badShape.status).toBe(422);
    expect(badShape.contentType).toBe('application/problem+json');
    expect((badShape.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['body.email']);
    // Refused deliveries leave no receipt: the corrected retry with the same id is applied.
    expect((await deliver(a.workspaceId, 'email', reply, { id })).status).toBe(202);
  });

  it('documents one endpoint per source in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    for (const source of ['email', 'telephony', 'linkedin', 'crm', 'lead']) expect(doc.paths).toHaveProperty([`/v1/inbound/{workspaceId}/${source}`]);
    expect(doc.paths).toHaveProperty(['/v1/inbound-sources/{source}']);
  });
});
