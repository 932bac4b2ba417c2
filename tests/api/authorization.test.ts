// Authorization before anything answers. Every operation of the OpenAPI document declares its
// roles (x-relance-roles) or why it is public (x-relance-access); every role is tried on every
// operation after an admin has used the same Idempotency-Key and body, and only the roles the
// operation allows get anything but 403. The list comes from /openapi.json, so a new route joins
// the matrix the day it is added. Then the stored answers themselves: they belong to the key
// that made them, secrets shown once are never replayed to another key, and a record held by a
// request that died expires.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { RelanceApp } from '../../api/app.js';
import { requestFingerprint } from '../../api/middleware/idempotency.js';
import { rolesTable } from '../../api/roles-table.js';
import { idempotencyKeys, webhookSubscriptions, actionProviders } from '../../db/schema.js';
import { EMPTY_ALLOW_LIST } from '../../security/ssrf.js';
import { createKeyedWorkspace, type Caller, type KeyedWorkspace, createTestApp } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let app: RelanceApp;
let ws: KeyedWorkspace;
let connection: Connection | undefined;
const keys: Record<string, { id: string; call: Caller }> = {};
const ROLES = ['admin', 'ops', 'rep', 'integration'] as const;

type Operation = { method: string; template: string; path: string; roles: string[] | null; isPublic: boolean };

beforeAll(async () => {
  db = await createTestDatabase();
  // The real dev server: creating a webhook starts its delivery workflow.
  connection = await Connection.connect({ address: inject('temporalAddress') });
  const temporal = new Client({ connection });
  app = createTestApp({ db: db.db, temporal, taskQueue: 'x', rateLimit: { perSecond: 1000, burst: 1000 }, allowList: EMPTY_ALLOW_LIST, lookup: async () => [{ address: '93.184.216.34', family: 4 }] });
  ws = await createKeyedWorkspace(app);
  const me = await ws.call<{ data: Array<{ id: string }> }>('GET', '/v1/api-keys');
  keys.admin = { id: me.body.data[0]!.id, call: ws.call };
  const rep = await ws.call<{ id: string }>('POST', '/v1/users', { email: 'rep@acme.test', name: 'Rep' });
  for (const role of ['ops', 'rep', 'integration'] as const) {
    const res = await ws.call<{ id: string; key: string }>('POST', '/v1/api-keys', { name: role, role, ...(role === 'rep' ? { userId: rep.body.id } : {}) });
    expect(res.status).toBe(201);
    keys[role] = { id: res.body.id, call: ws.as(res.body.key) };
  }
});
afterAll(async () => {
  await connection?.close();
  await db?.drop();
});

async function operations(): Promise<Operation[]> {
  const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const ops: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => (/source/i.test(name) ? 'crm' : randomUUID()));
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase(),
        template,
        path,
        roles: (op['x-relance-roles'] as string[] | undefined) ?? null,
        isPublic: typeof op['x-relance-access'] === 'string',
      });
    }
  }
  return ops;
}

describe('every operation, every role', () => {
  it('declares who may call it: roles, or why it is public', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(70);
    const undeclared = ops.filter((o) => !o.isPublic && !o.roles).map((o) => `${o.method} ${o.template}`);
    expect(undeclared).toEqual([]);
    // Every authenticated operation documents 401, 403 (when a role is left out) and 429.
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const missing: string[] = [];
    for (const o of ops.filter((x) => x.roles)) {
      const responses = doc.paths[o.template]![o.method.toLowerCase()]!.responses;
      for (const status of ['401', '429', '503', ...(o.roles!.length < ROLES.length ? ['403'] : [])]) if (!responses[status]) missing.push(`${o.method} ${o.template} ${status}`);
    }
    expect(missing).toEqual([]);
  });

  it('answers 401 to a request without a key before anything else', async () => {
    const wrong: string[] = [];
    for (const o of (await operations()).filter((x) => x.roles)) {
      const res = await app.request(o.path, { method: o.method, headers: { 'content-type': 'application/json', 'idempotency-key': 'k-anon' }, ...(o.method === 'GET' || o.method === 'DELETE' ? {} : { body: '{}' }) });
      if (res.status !== 401) wrong.push(`${o.method} ${o.template}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives 403, and only 403, to the roles an operation leaves out, even replaying an admin Idempotency-Key', async () => {
    const ops = (await operations()).filter((o) => o.roles);
    const wrong: string[] = [];
    for (const o of ops) {
      const body = o.method === 'GET' || o.method === 'DELETE' ? undefined : {};
      const headers = { 'idempotency-key': `walk-${o.method}-${o.template}` };
      // The admin goes first: its answer (a 4xx for an empty body, or a 2xx) is stored.
      const first = await keys.admin!.call(o.method, o.path, body, headers);
      if (first.status === 403 || first.status >= 500) wrong.push(`${o.method} ${o.template}: admin got ${first.status}`);
      for (const role of ROLES) {
        const res = await keys[role]!.call(o.method, o.path, body, headers);
        const allowed = o.roles!.includes(role);
        if (allowed && res.status === 403) wrong.push(`${o.method} ${o.template}: ${role} is allowed but got 403`);
        if (!allowed && res.status !== 403) wrong.push(`${o.method} ${o.template}: ${role} is not allowed but got ${res.status}`);
        if (role !== 'admin' && res.headers.get('idempotent-replayed')) wrong.push(`${o.method} ${o.template}: ${role} got the admin's stored answer`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the roles as documented', () => {
  it('docs/api-roles.md is the table of the code (npm run docs:roles)', async () => {
    expect(readFileSync(new URL('../../docs/api-roles.md', import.meta.url), 'utf8')).toBe(await rolesTable(app));
  });

  it('an integration key may add a suppression but not lift one', async () => {
    const added = await keys.integration!.call<{ id: string }>('POST', '/v1/suppressions', { value: 'dnc@globex.test' });
    expect(added.status).toBe(201);
    const lift = await keys.integration!.call('DELETE', `/v1/suppressions/${added.body.id}`);
    expect(lift.status).toBe(403);
    expect((await keys.ops!.call<{ data: Array<{ id: string }> }>('GET', '/v1/suppressions')).body.data.map((s) => s.id)).toContain(added.body.id);
    expect((await keys.ops!.call('DELETE', `/v1/suppressions/${added.body.id}`)).status).toBe(204);
  });
});

describe('stored answers belong to the key that made them', () => {
  it("a rep replaying an admin's key creation gets 403, not the admin's new key", async () => {
    const body = { name: 'ci', role: 'admin' };
    const headers = { 'idempotency-key': 'k1' };
    const created = await keys.admin!.call<{ key: string }>('POST', '/v1/api-keys', body, headers);
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const replay = await keys.rep!.call<Record<string, unknown>>('POST', '/v1/api-keys', body, headers);
    expect(replay.status).toBe(403);
    expect(JSON.stringify(replay.body)).not.toContain(created.body.key);
    // The admin's own retry is replayed, still not cacheable.
    const again = await keys.admin!.call<{ key: string }>('POST', '/v1/api-keys', body, headers);
    expect(again.status).toBe(201);
    expect(again.body.key).toBe(created.body.key);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('cache-control')).toBe('no-store');
  });

  it('another admin key with the same Idempotency-Key runs its own request', async () => {
    const other = await keys.admin!.call<{ key: string }>('POST', '/v1/api-keys', { name: 'second admin', role: 'admin' });
    const second = ws.as(other.body.key);
    const body = { name: 'ci-2', role: 'ops' };
    const first = await keys.admin!.call<{ key: string; id: string }>('POST', '/v1/api-keys', body, { 'idempotency-key': 'shared' });
    const mine = await second<{ key: string; id: string }>('POST', '/v1/api-keys', body, { 'idempotency-key': 'shared' });
    expect(first.status).toBe(201);
    expect(mine.status).toBe(201);
    expect(mine.headers.get('idempotent-replayed')).toBeNull();
    expect(mine.body.key).not.toBe(first.body.key);
    expect(mine.body.id).not.toBe(first.body.id);
  });

  it('webhook and action-provider secrets shown once are not replayed to another integration key', async () => {
    const [sub] = await db.db.insert(webhookSubscriptions).values({ workspaceId: ws.workspaceId, url: 'https://hooks.acme.test/in', secrets: [] }).returning();
    const [provider] = await db.db.insert(actionProviders).values({ workspaceId: ws.workspaceId, channel: 'call', url: 'https://dialer.acme.test/actions', secret: 'sealed' }).returning();
    const otherIntegration = await keys.admin!.call<{ key: string }>('POST', '/v1/api-keys', { name: 'other', role: 'integration' });
    const other = ws.as(otherIntegration.body.key);
    for (const path of [`/v1/webhooks/${sub!.id}/rotate-secret`, `/v1/action-providers/${provider!.id}/rotate-secret`, '/v1/webhooks']) {
      const body = path === '/v1/webhooks' ? { url: 'https://hooks.acme.test/new', eventTypes: ['*'] } : {};
      const headers = { 'idempotency-key': `secret-${path}` };
      const first = await keys.integration!.call<{ secret: string }>('POST', path, body, headers);
      expect([200, 201], `${path}: ${JSON.stringify(first.body)}`).toContain(first.status);
      expect(first.body.secret).toMatch(/^whsec_/);
      expect(first.headers.get('cache-control')).toBe('no-store');
      const second = await other<{ secret: string }>('POST', path, body, headers);
      expect(second.headers.get('idempotent-replayed')).toBeNull();
      expect(second.body.secret).not.toBe(first.body.secret);
    }
  });
});

describe('a record held by a request that died', () => {
  it('expires: the retry runs the request instead of 409 for a day', async () => {
    const body = { name: 'after a crash', role: 'ops' };
    const headers = { 'idempotency-key': 'dead-request' };
    // What a killed API process leaves: a claimed record, no answer, a lease that ran out.
    await db.db.insert(idempotencyKeys).values({ workspaceId: ws.workspaceId, apiKeyId: keys.admin!.id, key: 'dead-request', fingerprint: requestFingerprint('POST', '/v1/api-keys', JSON.stringify(body)), lockedUntil: new Date(Date.now() - 1000) });
    const retry = await keys.admin!.call<{ key: string }>('POST', '/v1/api-keys', body, headers);
    expect(retry.status).toBe(201);
    const replay = await keys.admin!.call<{ key: string }>('POST', '/v1/api-keys', body, headers);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.key).toBe(retry.body.key);
  });

  it('while its lease runs, a retry gets 409 with Retry-After', async () => {
    const body = { name: 'still running', role: 'ops' };
    await db.db.insert(idempotencyKeys).values({ workspaceId: ws.workspaceId, apiKeyId: keys.admin!.id, key: 'running', fingerprint: requestFingerprint('POST', '/v1/api-keys', JSON.stringify(body)), lockedUntil: new Date(Date.now() + 60_000) });
    const retry = await keys.admin!.call<{ type: string }>('POST', '/v1/api-keys', body, { 'idempotency-key': 'running' });
    expect(retry.status).toBe(409);
    expect(retry.body.type).toBe('/problems/request-in-progress');
    expect(Number(retry.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
