// The webhook subscriptions API: CRUD, rotation, redelivery, SSRF refusals, roles and workspaces.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../application/timeline.js';
import { apiKeys, users, webhookDeliveries, webhookSubscriptions } from '../../db/schema.js';
import { generateApiKey } from '../../api/middleware/auth.js';
import { EMPTY_ALLOW_LIST } from '../../security/ssrf.js';
import { createKeyedWorkspace, createTestApp, type KeyedWorkspace, type Problem } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestWorker, type TestTemporal } from '../support/temporal.js';

let db: TestDatabase;
let temporal: TestTemporal;
let app: ReturnType<typeof createTestApp>;
let ws: KeyedWorkspace;
const publicUrl = 'https://93.184.215.14/hooks/relance';

beforeAll(async () => {
  db = await createTestDatabase();
  // Deliveries to the public test address fail fast: this file is about the API.
  temporal = await startTestWorker(db.db, { webhooks: { allowList: EMPTY_ALLOW_LIST, timeoutMs: 200 } });
  app = createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue, allowList: EMPTY_ALLOW_LIST });
  ws = await createKeyedWorkspace(app);
});
afterAll(async () => {
  await temporal?.stop();
  await db?.drop();
});

async function keyFor(workspaceId: string, role: 'rep' | 'integration') {
  const { key, prefix, secretHash } = generateApiKey();
  const userId = role === 'rep' ? (await db.db.insert(users).values({ workspaceId, email: `rep-${prefix}@acme.test`, name: 'Rep' }).returning())[0]!.id : null;
  await db.db.insert(apiKeys).values({ workspaceId, name: role, role, prefix, secretHash, userId });
  return key;
}


describe('webhooks API', () => {
  it.each([
    ['loopback', 'http://127.0.0.1:8080/hook'],
    ['private', 'http://10.1.2.3/hook'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data'],
    ['IPv6 loopback', 'http://[::1]:8080/hook'],
    ['IPv4-mapped IPv6', 'http://[::ffff:192.168.1.1]/hook'],
    ['a name resolving to loopback', 'http://localhost:3000/hook'],
    ['IPv4-compatible IPv6 loopback', 'http://[::127.0.0.1]/hook'],
    ['IPv4-compatible IPv6 cloud metadata', 'http://[::169.254.169.254]/hook'],
    ['NAT64 loopback', 'http://[64:ff9b::127.0.0.1]/hook'],
    ['6to4 private', 'http://[2002:a01:203::1]/hook'],
    ['IPv6 unique local', 'http://[fd00::1]/hook'],
  ])('refuses %s URLs with 422 naming body.url', async (_what, url) => {
    const res = await ws.call<Problem>('POST', '/v1/webhooks', { url });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors?.[0]?.field).toBe('body.url');
  });

  it('refuses bad input with problem+json naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ url: 'ftp://93.184.215.14/x' }, 'body.url'],
      [{ url: publicUrl, eventTypes: ['email.opened'] }, 'body.eventTypes.0'],
      [{ url: publicUrl, secret: 'mine' }, 'body.secret'],
      [{ eventTypes: ['*'] }, 'body.url'],
    ];
    for (const [body, field] of cases) {
      const res = await ws.call<Problem>('POST', '/v1/webhooks', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    }
    expect((await ws.call<Problem>('GET', '/v1/webhooks/not-a-uuid')).status).toBe(400);
  });

  it('creates, lists, rotates, redelivers and deletes', async () => {
    const created = await ws.call<{ id: string; secret: string; eventTypes: string[]; status: string; secrets: unknown[] }>('POST', '/v1/webhooks', {
      url: publicUrl,
      eventTypes: ['email.sent', 'meeting.booked'],
      description: 'CRM sync',
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
    expect(Buffer.from(created.body.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(created.body).toMatchObject({ eventTypes: ['email.sent', 'meeting.booked'], status: 'active' });
    const id = created.body.id;
    // The secret is sealed at rest and never shown again.
    const [row] = await db.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    expect(JSON.stringify(row?.secrets)).not.toContain(created.body.secret);
    const got = await ws.call<Record<string, unknown>>('GET', `/v1/webhooks/${id}`);
    expect(got.status).toBe(200);
    expect(JSON.stringify(got.body)).not.toContain('whsec_');

    await ws.call('POST', '/v1/webhooks', { url: publicUrl });
    const page1 = await ws.call<{ data: Array<{ id: string }>; nextCursor: string }>('GET', '/v1/webhooks?limit=1');
    expect(page1.body.data.map((s) => s.id)).toEqual([id]);
    const page2 = await ws.call<{ data: Array<{ id: string; eventTypes: string[] }>; nextCursor: string | null }>('GET', `/v1/webhooks?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.data[0]?.eventTypes).toEqual(['*']);
    expect(page2.body.nextCursor).toBeNull();

    const rotated = await ws.call<{ secret: string; secrets: Array<{ expiresAt: string | null }> }>('POST', `/v1/webhooks/${id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(rotated.body.secrets).toHaveLength(2);
    const expires = Date.parse(rotated.body.secrets[1]!.expiresAt!);
    expect(expires - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    const patched = await ws.call<{ description: string; eventTypes: string[] }>('PATCH', `/v1/webhooks/${id}`, { description: 'CRM', eventTypes: ['*'] });
    expect(patched.body).toMatchObject({ description: 'CRM', eventTypes: ['*'] });
    // Nothing to change (the status it already has, or no field at all): the subscription as it is, not a 500.
    for (const body of [{ status: 'active' }, {}]) {
      const same = await ws.call<{ status: string; description: string }>('PATCH', `/v1/webhooks/${id}`, body);
      expect([same.status, same.body.status, same.body.description]).toEqual([200, 'active', 'CRM']);
    }
    expect((await ws.call<Problem>('PATCH', `/v1/webhooks/${id}`, { colour: 'red' })).body.errors?.[0]?.field).toBe('body.colour');
    expect((await ws.call<Problem>('PATCH', `/v1/webhooks/${id}`, { url: 'http://10.0.0.1/' })).body.errors?.[0]?.field).toBe('body.url');

    await appendEvent(db.db, { workspaceId: ws.workspaceId, type: 'email.sent', dedupeKey: 'api-test-1' });
    const [delivery] = await db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    expect(delivery).toBeDefined();
    await db.db.update(webhookDeliveries).set({ status: 'failed' }).where(eq(webhookDeliveries.id, delivery!.id));
    const redelivered = await ws.call<{ status: string }>('POST', `/v1/webhooks/${id}/deliveries/${delivery!.id}/redeliver`);
    expect(redelivered.status).toBe(202);
    const log = await ws.call<{ data: Array<{ id: number; messageId: string }> }>('GET', `/v1/webhooks/${id}/deliveries`);
    expect(log.body.data[0]).toMatchObject({ id: delivery!.id, messageId: `msg_${delivery!.id}` });
    expect((await ws.call('POST', `/v1/webhooks/${id}/deliveries/999999/redeliver`)).status).toBe(404);

    expect((await ws.call('DELETE', `/v1/webhooks/${id}`)).status).toBe(204);
    expect((await ws.call('GET', `/v1/webhooks/${id}`)).status).toBe(404);
  });

  it('lets integration keys in, keeps rep keys and other workspaces out', async () => {
    const integration = ws.as(await keyFor(ws.workspaceId, 'integration'));
    const created = await integration<{ id: string }>('POST', '/v1/webhooks', { url: publicUrl });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await integration('GET', `/v1/webhooks/${id}`)).status).toBe(200);

    const rep = ws.as(await keyFor(ws.workspaceId, 'rep'));
    const refused = await rep<Problem>('GET', '/v1/webhooks');
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('/problems/forbidden');

    const other = await createKeyedWorkspace(app);
    for (const [method, path] of [
      ['GET', `/v1/webhooks/${id}`],
      ['PATCH', `/v1/webhooks/${id}`],
      ['POST', `/v1/webhooks/${id}/rotate-secret`],
      ['GET', `/v1/webhooks/${id}/deliveries`],
      ['DELETE', `/v1/webhooks/${id}`],
    ] as const) {
      const res = await other.call(method, path, method === 'PATCH' ? { description: 'x' } : undefined);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await other.call<{ data: unknown[] }>('GET', '/v1/webhooks')).body.data).toEqual([]);
    await integration('DELETE', `/v1/webhooks/${id}`);
  });
});
