// Invitation and password reset links sent by email through the workspace's own mail path: the
// inviter's SMTP mailbox on a real SMTP server, the real API. The invited person follows the link
// from the email, sets a password and is signed in; a reset likewise; no mailbox: the link is
// shown and `sent: false` says why; an Idempotency-Key replay sends nothing twice (API keys); a rep cannot
// invite; the suppression list meant for prospects never keeps a colleague out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { withTestApi, offlineTemporal, type KeyedWorkspace, type Problem } from '../support/api.js';
import { browserSession } from '../support/browser-session.js';
import { logTo } from '../../logging/log.js';
import { LOOPBACK_ALLOWED } from '../support/security.js';
import { startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';
import { testChannelRegistry } from '../support/temporal.js';

const PASSWORD = 'correct horse battery';
const channels = testChannelRegistry({ localOutboxDir: null, allowList: LOOPBACK_ALLOWED });
let smtp: TestSmtpServer;
let app: RelanceApp;
let ws: KeyedWorkspace;
let admin: ReturnType<typeof browserSession>;
let adminMailbox: string;

type LinkAnswer = { url: string; expiresAt: string; email: { sent: boolean; to: string; mailbox: { id: string; address: string } | null; provider: string | null; reason: string | null } | null };
const tokenOf = (url: string) => {
  const token = new URL(url.replace('#/', '')).searchParams.get('token')!;
  tokens.add(token);
  return token;
};
/** The link in an email's text (the only URL in it). */
const linkIn = (mail: ReceivedMail) => /https?:\/\/\S+#\/accept\?token=[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? '')?.[0];

const logged: string[] = [];
const tokens = new Set<string>();
let restoreLog: () => void;

beforeAll(async () => {
  restoreLog = logTo({ write: (line: string) => logged.push(line) });
  smtp = await startTestSmtpServer({ username: 'ada@acme.test' });
});
afterAll(async () => {
  restoreLog?.();
  await channels.close();
  await smtp?.close();
});

withTestApi({ temporal: offlineTemporal('200ms'), channels, allowList: LOOPBACK_ALLOWED, signIn: { perMinute: 1000 } }, async (w) => {
  ({ app, ws } = w);
  // Ada, the admin, signs in (her invitation copied, as before) and has an SMTP mailbox.
  const ada = await ws.call<{ id: string }>('POST', '/v1/users', { email: 'ada@acme.test', name: 'Ada Admin', role: 'admin', timeZone: 'Europe/Paris' });
  const link = await ws.call<LinkAnswer>('POST', `/v1/users/${ada.body.id}/invitation`);
  expect(link.body.email).toBeNull();
  admin = browserSession(app);
  expect((await admin.call('POST', '/v1/auth/accept', { token: tokenOf(link.body.url), password: PASSWORD })).status).toBe(200);
  const box = await ws.call<{ id: string }>('POST', '/v1/mailboxes', {
    userId: ada.body.id,
    address: 'ada@acme.test',
    displayName: 'Ada at Acme',
    provider: 'smtp',
    smtp: { host: smtp.host, port: smtp.port, username: smtp.username, password: smtp.password },
  });
  expect(box.status, JSON.stringify(box.body)).toBe(201);
  adminMailbox = box.body.id;
});

async function addPerson(email: string, name: string, role = 'rep') {
  const res = await ws.call<{ id: string }>('POST', '/v1/users', { email, name, role, timeZone: 'America/New_York' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

describe('sign-in links sent by email', () => {
  it("an invitation leaves from the inviter's mailbox; the person follows the emailed link, sets a password and is signed in", async () => {
    // Ops list their own domain so no cadence reaches a colleague: the invitation still leaves.
    expect((await ws.call('POST', '/v1/suppressions', { value: 'acme.test', reason: 'our own people' })).status).toBe(201);
    const samId = await addPerson('sam@acme.test', 'Sam Rep');
    const before = smtp.received.length;
    const res = await admin.call<LinkAnswer>('POST', `/v1/users/${samId}/invitation`, { send: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.email).toEqual({ sent: true, to: 'sam@acme.test', mailbox: { id: adminMailbox, address: 'ada@acme.test' }, provider: 'smtp', reason: null });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.envelope.to).toEqual(['sam@acme.test']);
    expect(mail!.parsed.from?.value[0]).toMatchObject({ name: 'Ada at Acme', address: 'ada@acme.test' });
    expect(mail!.parsed.subject).toBe('Ada Admin invites you to Acme Sales on Relance');
    const text = mail!.parsed.text ?? '';
    expect(text).toContain('Hello Sam Rep');
    // The expiry in the invited person's zone.
    const until = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(res.body.expiresAt));
    expect(text).toMatch(new RegExp(`until \\w+day \\d+ \\w+ \\d{4}, ${until} \\(America/New_York\\)`));
    // Transactional: no unsubscribe header; the link shown is the link sent.
    expect(mail!.parsed.headers.has('list-unsubscribe')).toBe(false);
    expect(linkIn(mail!)).toBe(res.body.url);

    const sam = browserSession(app);
    const accepted = await sam.call<{ user: { name: string; email: string } }>('POST', '/v1/auth/accept', { token: tokenOf(linkIn(mail!)!), password: PASSWORD });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.user).toMatchObject({ name: 'Sam Rep', email: 'sam@acme.test' });
    expect((await sam.call<{ user: { name: string } }>('GET', '/v1/auth/session')).body.user.name).toBe('Sam Rep');
  });

  it('an Idempotency-Key replay answers the same link and sends nothing twice', async () => {
    const rayId = await addPerson('ray@acme.test', 'Ray Rep');
    const before = smtp.received.length;
    const key = { 'idempotency-key': 'invite-ray-1' };
    const first = await ws.call<LinkAnswer>('POST', `/v1/users/${rayId}/invitation`, { send: true, mailboxId: adminMailbox }, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.email).toMatchObject({ sent: true, to: 'ray@acme.test' });
    await smtp.waitFor(before + 1);
    const replay = await ws.call<LinkAnswer>('POST', `/v1/users/${rayId}/invitation`, { send: true, mailboxId: adminMailbox }, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.length).toBe(before + 1);
  });

  it('a password reset by email: the new password signs in, the old one and the old sessions no longer do', async () => {
    const samSignIn = (password: string) => browserSession(app).call('POST', '/v1/auth/sign-in', { email: 'sam@acme.test', password });
    const old = browserSession(app);
    expect((await old.call('POST', '/v1/auth/sign-in', { email: 'sam@acme.test', password: PASSWORD })).status).toBe(200);
    const samId = (await old.call<{ user: { id: string } }>('GET', '/v1/auth/session')).body.user.id;
    const before = smtp.received.length;
    const res = await admin.call<LinkAnswer>('POST', `/v1/users/${samId}/password-reset`, { send: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.email).toMatchObject({ sent: true, provider: 'smtp', mailbox: { address: 'ada@acme.test' } });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.parsed.subject).toBe('Reset your Relance password for Acme Sales');
    expect(mail!.parsed.text).toContain('Ada Admin sent you a link to choose a new password');
    const NEW_PASSWORD = 'a brand new passphrase';
    const reset = await browserSession(app).call('POST', '/v1/auth/accept', { token: tokenOf(linkIn(mail!)!), password: NEW_PASSWORD });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect((await old.call('GET', '/v1/auth/session')).status).toBe(401);
    expect((await samSignIn(PASSWORD)).status).toBe(401);
    expect((await samSignIn(NEW_PASSWORD)).status).toBe(200);
  });

  it('no mailbox to send from: the link is shown, `sent: false` says why, no email leaves', async () => {
    const before = smtp.received.length;
    // An API key acts as no one: no mailbox of its own (and this deployment keeps no local outbox).
    const kimId = await addPerson('kim@acme.test', 'Kim Ops', 'ops');
    const byKey = await ws.call<LinkAnswer>('POST', `/v1/users/${kimId}/invitation`, { send: true });
    expect(byKey.status, JSON.stringify(byKey.body)).toBe(201);
    expect(byKey.body.url).toMatch(/#\/accept\?token=/);
    expect(byKey.body.email).toEqual({ sent: false, to: 'kim@acme.test', mailbox: null, provider: null, reason: 'this API key acts as no one: name a mailbox (mailboxId) to send from' });
    // Kim (ops) has no mailbox either.
    const kim = browserSession(app);
    expect((await kim.call('POST', '/v1/auth/accept', { token: tokenOf(byKey.body.url), password: PASSWORD })).status).toBe(200);
    const leoId = await addPerson('leo@acme.test', 'Leo Rep');
    const byOps = await kim.call<LinkAnswer>('POST', `/v1/users/${leoId}/invitation`, { send: true });
    expect(byOps.status).toBe(201);
    expect(byOps.body.email).toMatchObject({ sent: false, reason: 'you have no connected mailbox to send from' });
    // Ops may not send from the admin's mailbox; an admin's key may.
    const borrowed = await kim.call<Problem>('POST', `/v1/users/${leoId}/invitation`, { send: true, mailboxId: adminMailbox });
    expect(borrowed.status).toBe(403);
    expect(borrowed.body.errors[0]?.field).toBe('body.mailboxId');
    const unknown = await kim.call<Problem>('POST', `/v1/users/${leoId}/invitation`, { send: true, mailboxId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(smtp.received.length).toBe(before);
    const named = await ws.call<LinkAnswer>('POST', `/v1/users/${leoId}/invitation`, { send: true, mailboxId: adminMailbox });
    expect(named.body.email).toMatchObject({ sent: true, mailbox: { id: adminMailbox } });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    // Sent by a key that acts as no one: the workspace's team invites.
    expect(mail!.parsed.subject).toBe('The Acme Sales team invites you to Acme Sales on Relance');
  });

  it('the mail server refuses it: 201 with the link, `sent: false` and the server’s reason', async () => {
    const noaId = await addPerson('noa@acme.test', 'Noa Rep');
    smtp.fail({ stage: 'rcpt', code: 550, message: 'No such user here' });
    const res = await admin.call<LinkAnswer>('POST', `/v1/users/${noaId}/invitation`, { send: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.url).toMatch(/#\/accept\?token=/);
    expect(res.body.email).toMatchObject({ sent: false, provider: 'smtp', mailbox: { id: adminMailbox } });
    expect(res.body.email!.reason).toMatch(/refused it.*No such user here.*copy the link/);
  });

  it('a rep cannot invite nor reset (403); a bad body is a 422 naming the field', async () => {
    const sam = browserSession(app);
    expect((await sam.call('POST', '/v1/auth/sign-in', { email: 'sam@acme.test', password: 'a brand new passphrase' })).status).toBe(200);
    const someone = await addPerson('ola@acme.test', 'Ola Rep');
    expect((await sam.call('POST', `/v1/users/${someone}/invitation`, { send: true })).status).toBe(403);
    expect((await sam.call('POST', `/v1/users/${someone}/password-reset`, { send: true })).status).toBe(403);
    const bad = await admin.call<Problem>('POST', `/v1/users/${someone}/invitation`, { send: 'yes' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]?.field).toBe('body.send');
  });

  it("no log line carries a link's token", () => {
    expect(tokens.size).toBeGreaterThanOrEqual(4);
    for (const token of tokens) expect(logged.filter((line) => line.includes(token))).toEqual([]);
  });
});
