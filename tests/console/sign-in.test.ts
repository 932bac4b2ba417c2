// People sign in to the console: the setup link, invitations, resets, sessions (cookies,
// rotation, idle expiry, sign out everywhere), CSRF, the lockout, and the same role checks as
// API keys (a rep sees only their own queue, a manager their reps').
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { setupLinkIfNeeded } from '../../api/auth/links.js';
import { hashSecret } from '../../api/auth/tokens.js';
import { userPasswords, userSessions } from '../../db/auth-schema.js';
import { withTestApi, offlineTemporal } from '../support/api.js';
import { browserSession } from '../support/browser-session.js';
import { type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let app: RelanceApp;
let admin: ReturnType<typeof browserSession>;
const PASSWORD = 'correct horse battery';
const tokenOf = (url: string) => new URL(url.replace('#/', '')).searchParams.get('token')!;

withTestApi({ temporal: offlineTemporal('200ms'), signIn: { perMinute: 1000, lockAfter: 5, lockMs: 60_000 } }, async (w) => {
  ({ db, app } = w);
  admin = browserSession(app);
});

async function invite(email: string, name: string, role = 'rep', extra: Record<string, unknown> = {}) {
  const user = await admin.call<{ id: string }>('POST', '/v1/users', { email, name, role, ...extra });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  const link = await admin.call<{ url: string }>('POST', `/v1/users/${user.body.id}/invitation`);
  expect(link.status).toBe(201);
  const browser = browserSession(app);
  const accepted = await browser.call('POST', '/v1/auth/accept', { token: tokenOf(link.body.url), password: PASSWORD });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return { id: user.body.id, browser };
}

describe('console sign-in', () => {
  it('the setup link creates the first workspace and admin, once, and signs them in with safe cookies', async () => {
    const url = await setupLinkIfNeeded(db.db, 'http://localhost:3000');
    expect(url).toMatch(/^http:\/\/localhost:3000\/#\/setup\?token=/);
    const res = await admin.call<{ user: { role: string }; role: string; csrfToken: string }>('POST', '/v1/auth/setup', { token: tokenOf(url!), workspaceName: 'Acme', timeZone: 'Europe/Paris', name: 'Ada Admin', email: 'Ada@acme.test', password: PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ user: { role: 'admin' }, role: 'admin' });
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('relance_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).not.toMatch(/Secure/); // localhost
    expect(cookies.find((c) => c.startsWith('relance_csrf='))).not.toMatch(/HttpOnly/);
    // Stored hashed: the cookie's value is nowhere in the table.
    const rows = await db.db.select().from(userSessions);
    expect(rows.map((r) => r.tokenHash)).not.toContain(admin.jar.get('relance_session'));
    // One time: used, and no other setup link is issued once someone signs in.
    expect((await browserSession(app).call('POST', '/v1/auth/setup', { token: tokenOf(url!), workspaceName: 'B', name: 'B', email: 'b@b.test', password: PASSWORD })).status).toBe(404);
    expect(await setupLinkIfNeeded(db.db, 'http://localhost:3000')).toBeNull();
    const [stored] = await db.db.select().from(userPasswords);
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('Secure cookies off localhost', async () => {
    const res = await browserSession(app, 'https://relance.example').call('POST', '/v1/auth/sign-in', { email: 'ada@acme.test', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('relance_session='))).toMatch(/Secure/);
  });

  it('an invitation is accepted once; the rep acts with the rep role on their own queue only', async () => {
    const sam = await invite('sam@acme.test', 'Sam Rep');
    const kim = await invite('kim@acme.test', 'Kim Rep');
    const me = await sam.browser.call<{ user: { id: string }; role: string }>('GET', '/v1/auth/session');
    expect(me.body).toMatchObject({ user: { id: sam.id }, role: 'rep' });
    expect((await sam.browser.call('GET', `/v1/reps/${sam.id}/tasks`)).status).toBe(200);
    const other = await sam.browser.call<{ detail: string }>('GET', `/v1/reps/${kim.id}/tasks`);
    expect(other.status).toBe(404);
    // The same role checks as API keys: a rep may not create users.
    const forbidden = await sam.browser.call<{ type: string }>('POST', '/v1/users', { email: 'x@acme.test', name: 'X' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.type).toBe('/problems/forbidden');
  });

  it('a manager sees the queues of the reps reporting to them, not of others', async () => {
    const boss = await invite('boss@acme.test', 'Mia Manager', 'manager');
    const report = await invite('lee@acme.test', 'Lee Rep', 'rep', { managerId: boss.id });
    const stranger = await invite('zoe@acme.test', 'Zoe Rep');
    expect((await boss.browser.call('GET', `/v1/reps/${report.id}/tasks`)).status).toBe(200);
    expect((await boss.browser.call('GET', `/v1/reps/${stranger.id}/tasks`)).status).toBe(404);
  });

  it('refuses a change without the CSRF token, or from another origin', async () => {
    const noToken = await admin.call<{ type: string; detail: string }>('POST', '/v1/users', { email: 'csrf@acme.test', name: 'C' }, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.type).toBe('/problems/csrf-refused');
    expect(noToken.body.detail).toMatch(/X-CSRF-Token/);
    const foreign = await admin.call<{ type: string }>('POST', '/v1/users', { email: 'csrf@acme.test', name: 'C' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.type).toBe('/problems/csrf-refused');
    // Nothing was written.
    const users = await admin.call<{ data: Array<{ email: string }> }>('GET', '/v1/users?limit=100');
    expect(users.body.data.map((u) => u.email)).not.toContain('csrf@acme.test');
  });

  it('rotates the session at sign-in and ends an idle one', async () => {
    const browser = browserSession(app);
    await browser.call('POST', '/v1/auth/sign-in', { email: 'ada@acme.test', password: PASSWORD });
    const first = browser.jar.get('relance_session');
    await browser.call('POST', '/v1/auth/sign-in', { email: 'ada@acme.test', password: PASSWORD });
    expect(browser.jar.get('relance_session')).not.toBe(first);
    const stale = browserSession(app);
    stale.jar.set('relance_session', first!);
    expect((await stale.call('GET', '/v1/auth/session')).status).toBe(401);
    // Idle for more than two hours.
    await db.db.update(userSessions).set({ lastSeenAt: new Date(Date.now() - 3 * 3600_000) }).where(eq(userSessions.tokenHash, hashSecret(browser.jar.get('relance_session')!)));
    const expired = await browser.call<{ detail: string }>('GET', '/v1/auth/session');
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);
  });

  it('locks an account after five failed sign-ins, even for the right password', async () => {
    const browser = browserSession(app);
    for (let i = 0; i < 5; i++) expect((await browser.call('POST', '/v1/auth/sign-in', { email: 'sam@acme.test', password: 'wrong password!' })).status).toBe(401);
    const locked = await browser.call<{ detail: string }>('POST', '/v1/auth/sign-in', { email: 'sam@acme.test', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.body.detail).toMatch(/locked/);
    expect((await browser.call('POST', '/v1/auth/sign-in', { email: 'nobody@acme.test', password: PASSWORD })).status).toBe(401);
  });

  it('a reset link sets a new password and ends every session; sign out everywhere too', async () => {
    const kim = browserSession(app);
    expect((await kim.call('POST', '/v1/auth/sign-in', { email: 'kim@acme.test', password: PASSWORD })).status).toBe(200);
    const users = await admin.call<{ data: Array<{ id: string; email: string }> }>('GET', '/v1/users?limit=100');
    const kimId = users.body.data.find((u) => u.email === 'kim@acme.test')!.id;
    const link = await admin.call<{ url: string }>('POST', `/v1/users/${kimId}/password-reset`);
    expect(link.status).toBe(201);
    const elsewhere = browserSession(app);
    expect((await elsewhere.call('POST', '/v1/auth/accept', { token: tokenOf(link.body.url), password: 'a brand new passphrase' })).status).toBe(200);
    expect((await kim.call('GET', '/v1/auth/session')).status).toBe(401);
    expect((await browserSession(app).call('POST', '/v1/auth/sign-in', { email: 'kim@acme.test', password: PASSWORD })).status).toBe(401);
    const again = browserSession(app);
    expect((await again.call('POST', '/v1/auth/sign-in', { email: 'kim@acme.test', password: 'a brand new passphrase' })).status).toBe(200);
    const out = await elsewhere.call<{ revoked: number }>('POST', '/v1/auth/sign-out-everywhere');
    expect(out.body.revoked).toBe(2);
    expect((await again.call('GET', '/v1/auth/session')).status).toBe(401);
  });

  it('single sign-on settings: admin only, https issuers only, the secret never shown', async () => {
    expect((await admin.call('GET', '/v1/sso')).status).toBe(404);
    const http = await admin.call<{ errors: Array<{ field: string }> }>('PUT', '/v1/sso', { issuer: 'http://idp.example.com', clientId: 'c', clientSecret: 's3cret' });
    expect(http.status).toBe(422);
    expect(http.body.errors[0]!.field).toBe('body.issuer');
    const saved = await admin.call('PUT', '/v1/sso', { issuer: 'https://accounts.google.com', clientId: 'relance', clientSecret: 's3cret-value' });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ issuer: 'https://accounts.google.com', clientId: 'relance', redirectUri: 'http://localhost/auth/sso/callback' });
    expect(JSON.stringify((await admin.call('GET', '/v1/sso')).body)).not.toContain('s3cret');
    const rep = browserSession(app);
    expect((await rep.call('POST', '/v1/auth/sign-in', { email: 'lee@acme.test', password: PASSWORD })).status).toBe(200);
    expect((await rep.call('GET', '/v1/sso')).status).toBe(403);
    expect((await admin.call('DELETE', '/v1/sso')).status).toBe(204);
  });

  it('ops may invite reps but not admins', async () => {
    const opsUser = await invite('olga@acme.test', 'Olga Ops', 'ops');
    const newAdmin = await admin.call<{ id: string }>('POST', '/v1/users', { email: 'root@acme.test', name: 'Root', role: 'admin' });
    const res = await opsUser.browser.call<{ type: string }>('POST', `/v1/users/${newAdmin.body.id}/invitation`);
    expect(res.status).toBe(403);
    const [row] = await db.db.select().from(userPasswords).where(eq(userPasswords.userId, newAdmin.body.id));
    expect(row).toBeUndefined();
  });
});
