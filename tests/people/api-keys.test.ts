// API key lifecycle over HTTP: a key is shown once, works, is listed without its secret, and
// stops working when revoked; roles keep rep and ops keys off admin routes.
import { describe, expect, it } from 'vitest';
import { type KeyedWorkspace, withTestApi, type Problem } from '../support/api.js';

let ws: KeyedWorkspace;

// Lazy client: nothing here reaches Temporal.
withTestApi({}, (w) => ({ ws } = w));

type Key = { id: string; key?: string; prefix: string; role: string; userId: string | null; revokedAt: string | null; lastUsedAt: string | null };

describe('API keys', () => {
  it('is shown once, works, is listed without its secret, and gets 401 once revoked', async () => {
    const created = await ws.call<Key>('POST', '/v1/api-keys', { name: 'ops robot', role: 'ops' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(new RegExp(`^rk_${created.body.prefix}_`));
    const ops = ws.as(created.body.key!);

    expect((await ops('GET', '/v1/prospects')).status).toBe(200);

    const list = await ws.call<{ data: Key[] }>('GET', '/v1/api-keys');
    expect(list.status).toBe(200);
    const listed = list.body.data.find((k) => k.id === created.body.id)!;
    expect(listed).toMatchObject({ role: 'ops', prefix: created.body.prefix, revokedAt: null });
    expect(listed.lastUsedAt).not.toBeNull();
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(created.body.key);
    expect(text).not.toMatch(/secret|hash/i);

    const revoked = await ws.call<Key>('DELETE', `/v1/api-keys/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await ops('GET', '/v1/prospects')).status).toBe(401);
    // Revoking again changes nothing.
    expect((await ws.call<Key>('DELETE', `/v1/api-keys/${created.body.id}`)).body.revokedAt).toBe(revoked.body.revokedAt);
  });

  it('a rep key needs a user of the workspace, acts as it, and is kept off admin and write routes', async () => {
    const missing = await ws.call<Problem>('POST', '/v1/api-keys', { name: 'rep', role: 'rep' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors?.map((e) => e.field)).toEqual(['body.userId']);
    const stranger = await ws.call<Problem>('POST', '/v1/api-keys', { name: 'rep', role: 'rep', userId: crypto.randomUUID() });
    expect(stranger.status).toBe(404);
    expect(stranger.body.errors?.map((e) => e.field)).toEqual(['body.userId']);

    const user = await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep' });
    const created = await ws.call<Key>('POST', '/v1/api-keys', { name: 'Sam', role: 'rep', userId: user.body.id });
    expect(created.status).toBe(201);
    expect(created.body.userId).toBe(user.body.id);
    const rep = ws.as(created.body.key!);

    expect((await rep('GET', '/v1/prospects')).status).toBe(200);
    expect((await rep('GET', '/v1/accounts')).status).toBe(200);
    for (const [method, path, body] of [
      ['GET', '/v1/api-keys', undefined],
      ['POST', '/v1/api-keys', { name: 'x', role: 'admin' }],
      ['GET', '/v1/users', undefined],
      ['POST', '/v1/users', { email: 'x@acme.test', name: 'X' }],
      ['POST', '/v1/prospects', { email: 'p@globex.test' }],
      ['POST', '/v1/suppressions', { value: 'globex.test' }],
      ['POST', '/v1/prospects/import', { prospects: [{ email: 'p@globex.test' }] }],
    ] as const) {
      const res = await rep<Problem>(method, path, body);
      expect([path, res.status, res.body.type]).toEqual([path, 403, '/problems/forbidden']);
    }
  });

  it('ops reads users but cannot manage keys or users; integration cannot read users', async () => {
    const ops = ws.as((await ws.call<Key>('POST', '/v1/api-keys', { name: 'ops', role: 'ops' })).body.key!);
    const integration = ws.as((await ws.call<Key>('POST', '/v1/api-keys', { name: 'crm', role: 'integration' })).body.key!);
    expect((await ops('GET', '/v1/users')).status).toBe(200);
    expect((await ops('GET', '/v1/api-keys')).status).toBe(403);
    expect((await ops('POST', '/v1/users', { email: 'y@acme.test', name: 'Y' })).status).toBe(403);
    expect((await integration('GET', '/v1/users')).status).toBe(403);
    expect((await integration('POST', '/v1/accounts', { name: 'Initech', domain: 'initech.test' })).status).toBe(201);
  });

  it('unknown fields are refused naming them', async () => {
    const res = await ws.call<Problem>('POST', '/v1/api-keys', { name: 'x', role: 'ops', scopes: ['all'] });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.field)).toEqual(['body.scopes']);
  });
});
