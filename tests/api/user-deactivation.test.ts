// Deactivating a person (PATCH /v1/users/{id} active: false): their open session stops at once,
// they cannot sign in again (password or a link issued before), no link is issued for them, the
// API keys acting as them are revoked; reactivated, they sign in with their password. An admin
// cannot deactivate or demote themselves. Through app.request, on PostgreSQL and PGlite.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiKeys } from '../../db/schema.js';
import { callerFor, withTestApi, type ApiWorld, type Problem } from '../support/api.js';

let w: ApiWorld;
withTestApi({}, (world) => {
  w = world;
});

const PASSWORD = 'correct horse battery';

/** Calls as a browser would: the session cookie, and the CSRF token on changes. */
function browser(cookie: string, csrf: string) {
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const res = await w.app.request(path, { method, headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** A person added by the admin key who accepts their invitation: their browser. */
async function person(email: string, role: string) {
  const user = await w.ws.call<{ id: string }>('POST', '/v1/users', { email, name: email.split('@')[0], role });
  expect(user.status).toBe(201);
  const link = await w.ws.call<{ url: string }>('POST', `/v1/users/${user.body.id}/invitation`, { send: false });
  const token = new URL(link.body.url.replace('#/', '')).searchParams.get('token');
  const accepted = await w.app.request('/v1/auth/accept', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password: PASSWORD }) });
  expect(accepted.status).toBe(200);
  const { csrfToken } = (await accepted.json()) as { csrfToken: string };
  return { id: user.body.id, call: browser(cookieOf(accepted), csrfToken) };
}

const signIn = (email: string) => w.app.request('/v1/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });

describe('deactivating a person', () => {
  it('stops their session, sign-in, links and API keys at once; reactivated, they sign in again', async () => {
    const sam = await person('sam@acme.test', 'rep');
    const key = await w.ws.call<{ id: string; key: string }>('POST', '/v1/api-keys', { name: 'Sam CLI', role: 'rep', userId: sam.id });
    const samKey = callerFor((path, init) => w.app.request(path, init), key.body.key);
    expect((await sam.call('GET', '/v1/auth/session')).status).toBe(200);
    expect((await samKey('GET', '/v1/tasks/00000000-0000-0000-0000-000000000000')).status).toBe(404);

    const off = await w.ws.call<{ deactivatedAt: string | null }>('PATCH', `/v1/users/${sam.id}`, { active: false });
    expect(off.status).toBe(200);
    expect(Date.parse(off.body.deactivatedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect((await sam.call('GET', '/v1/auth/session')).status).toBe(401);
    expect((await samKey('GET', '/v1/tasks/00000000-0000-0000-0000-000000000000')).status).toBe(401);
    expect((await w.db.db.select().from(apiKeys).where(eq(apiKeys.id, key.body.id)))[0]!.revokedAt).not.toBeNull();
    const refused = await signIn('sam@acme.test');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Problem).detail).toMatch(/deactivated/);
    const link = await w.ws.call<Problem>('POST', `/v1/users/${sam.id}/password-reset`, { send: false });
    expect([link.status, link.body.detail]).toEqual([409, 'this person is deactivated: reactivate them first']);
    // Deactivating again keeps the first date.
    const again = await w.ws.call<{ deactivatedAt: string }>('PATCH', `/v1/users/${sam.id}`, { active: false });
    expect(again.body.deactivatedAt).toBe(off.body.deactivatedAt);

    const on = await w.ws.call<{ deactivatedAt: string | null }>('PATCH', `/v1/users/${sam.id}`, { active: true });
    expect(on.body.deactivatedAt).toBeNull();
    expect((await signIn('sam@acme.test')).status).toBe(200);
    // The revoked key stays revoked: a new one is issued on purpose.
    expect((await samKey('GET', '/v1/tasks/00000000-0000-0000-0000-000000000000')).status).toBe(401);
  });

  it('a link issued before the deactivation no longer opens the account', async () => {
    const user = await w.ws.call<{ id: string }>('POST', '/v1/users', { email: 'lea@acme.test', name: 'Lea', role: 'rep' });
    const link = await w.ws.call<{ url: string }>('POST', `/v1/users/${user.body.id}/invitation`, { send: false });
    await w.ws.call('PATCH', `/v1/users/${user.body.id}`, { active: false });
    const token = new URL(link.body.url.replace('#/', '')).searchParams.get('token');
    const accepted = await w.app.request('/v1/auth/accept', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password: PASSWORD }) });
    expect(accepted.status).toBe(403);
    expect((await signIn('lea@acme.test')).status).toBe(401);
  });

  it('an admin cannot deactivate or demote themselves, naming the field', async () => {
    const ada = await person('ada@acme.test', 'admin');
    for (const [body, field] of [
      [{ active: false }, 'body.active'],
      [{ role: 'ops' }, 'body.role'],
    ] as const) {
      const res = await ada.call<Problem>('PATCH', `/v1/users/${ada.id}`, body);
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([422, field]);
    }
    expect((await ada.call('GET', '/v1/auth/session')).status).toBe(200);
  });
});
