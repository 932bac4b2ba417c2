// IMAP mailboxes logging in with OAuth2 (XOAUTH2), against a real Dovecot whose oauth2 passdb
// checks each access token at a local token server (the provider's stand-in): the watcher gets a
// token with the refresh token and reads a real reply; a token the server refuses is renewed and
// watching goes on; a revoked grant disconnects the mailbox with the reason, as Gmail's revoked
// consent does. Secrets never come back from the API.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, mailboxes, tasks } from '../../db/schema.js';
import { startImapWatchers } from '../../runtime/imap-watchers.js';
import { startTestImapServer, type ImapUser, type TestImapServer } from '../../scripts/lib/dovecot.js';
import { startTestTokenServer, type TestTokenServer } from '../support/oauth2-token-server.js';
import { LOOPBACK_ALLOWED, testSecurity } from '../support/security.js';
import { startMailWorld, type MailWorld } from './world.js';
import { until } from '../support/until.js';
import { FAST_WATCHERS, replyMail, whileWatching } from './imap-watching.js';

// Their IMAP passwords are never given to Relance: only refresh tokens.
const sam: ImapUser = { username: 'sam@acme.test', password: 'unused-sam' };
const ann: ImapUser = { username: 'ann@acme.test', password: 'unused-ann' };
let tokens: TestTokenServer;
let imap: TestImapServer;
let w: MailWorld;
let samBox: string;
let samGrant: string;

type ImapView = { status: string; detail: string | null };
const watch = () => startImapWatchers({ ...FAST_WATCHERS, db: w.db.db, temporal: w.temporal.client, secrets: testSecurity.secrets, allowList: LOOPBACK_ALLOWED });
const imapView = async (id: string) => (await w.ws.call<{ imap: ImapView }>('GET', `/v1/mailboxes/${id}`)).body.imap;
const grantOf = (refreshToken: string) => ({ tokenUrl: tokens.tokenUrl, clientId: tokens.clientId, clientSecret: tokens.clientSecret, refreshToken });
const reply = replyMail;


async function cadence(email: string, messageId: string) {
  const p = await w.addProspect(email);
  const e = await w.enroll(p.id);
  await w.enrollmentWhen(e, 'active');
  await w.sentTouch(e, p.id, messageId, email);
  return e;
}

beforeAll(async () => {
  tokens = await startTestTokenServer();
  imap = await startTestImapServer([sam, ann], { oauth2IntrospectionUrl: tokens.introspectionUrl });
  w = await startMailWorld({}, { allowList: LOOPBACK_ALLOWED });
  samGrant = tokens.grant(sam.username);
  // SMTP and IMAP share the grant: IMAP has no login of its own.
  const res = await w.ws.call<{ id: string }>('POST', '/v1/mailboxes', {
    userId: w.repId,
    address: sam.username,
    provider: 'smtp',
    smtp: { host: '127.0.0.1', port: 2525, username: sam.username, oauth2: grantOf(samGrant) },
    imap: { host: imap.host, port: imap.port, secure: false, username: sam.username },
  });
  if (res.status !== 201) throw new Error(`mailbox: ${res.status} ${JSON.stringify(res.body)}`);
  samBox = res.body.id;
});
afterAll(async () => {
  await w?.stop();
  await imap?.close();
  await tokens?.close();
});

describe('IMAP over XOAUTH2', () => {
  it('the watcher logs in with an access token from the refresh token and a reply delivered into the mailbox stops the cadence', async () => {
    const shown = await w.ws.call<Record<string, unknown>>('GET', `/v1/mailboxes/${samBox}`);
    expect(shown.body).toMatchObject({ status: 'connected', hasCredentials: true, smtp: { oauth2: { tokenUrl: tokens.tokenUrl, clientId: tokens.clientId } }, imap: { hasOwnPassword: false } });
    expect(JSON.stringify(shown.body)).not.toContain(samGrant);
    expect(JSON.stringify(shown.body)).not.toContain(tokens.clientSecret);
    const e = await cadence('marie@globex.test', '<touch.xo1@relance.acme.test>');
    await whileWatching(watch, async () => {
      await until('reading', () => imapView(samBox), (v) => v.status === 'reading');
      expect(tokens.issued).toBeGreaterThanOrEqual(1);
      // Dovecot checked the token at the provider: the login was XOAUTH2 (no password was ever given).
      expect(tokens.introspections).toBeGreaterThanOrEqual(1);
      await imap.deliver(sam, reply('marie@globex.test', '<touch.xo1@relance.acme.test>'));
      expect(await w.enrollmentWhen(e, 'stopped')).toMatchObject({ stopReason: 'replied' });
    });
  });

  it('an access token the server refuses is renewed at the token endpoint and watching goes on', async () => {
    const e = await cadence('ada@lovelace.test', '<touch.xo2@relance.acme.test>');
    await whileWatching(watch, async () => {
      await until('reading', () => imapView(samBox), (v) => v.status === 'reading');
      const before = tokens.issued;
      // The provider ends the tokens early; the watcher still holds one it thinks good for an hour.
      tokens.expireAccessTokens();
      await imap.stop();
      await imap.start();
      await until('a new access token', async () => tokens.issued, (issued) => issued > before, 45_000);
      await imap.deliver(sam, reply('ada@lovelace.test', '<touch.xo2@relance.acme.test>'));
      expect(await w.enrollmentWhen(e, 'stopped')).toMatchObject({ stopReason: 'replied' });
      await until('reading again', () => imapView(samBox), (v) => v.status === 'reading');
      const [row] = await w.db.db.select().from(mailboxes).where(eq(mailboxes.id, samBox));
      expect(row).toMatchObject({ status: 'connected', imapStatusDetail: null });
    });
  }, 90_000);

  it('a revoked refresh token disconnects the mailbox with the reason; its rep gets a task', async () => {
    // Its own grant for IMAP, a password for SMTP.
    const annGrant = tokens.grant(ann.username);
    const res = await w.ws.call<{ id: string }>('POST', '/v1/mailboxes', {
      userId: w.repId,
      address: ann.username,
      provider: 'smtp',
      smtp: { host: '127.0.0.1', port: 2525, username: ann.username, password: 'smtp-unused' },
      imap: { host: imap.host, port: imap.port, secure: false, username: ann.username, oauth2: grantOf(annGrant) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const box = res.body.id;
    await whileWatching(watch, async () => {
      await until('reading', () => imapView(box), (v) => v.status === 'reading');
      const refusedBefore = tokens.refused;
      // Consent withdrawn: the grant and its access tokens die; the next login finds out.
      tokens.revoke(annGrant);
      await imap.stop();
      await imap.start();
      const [row] = await until('disconnected', () => w.db.db.select().from(mailboxes).where(eq(mailboxes.id, box)), (rows) => rows[0]?.status === 'disconnected', 45_000);
      expect(row!.statusDetail).toMatch(/refused the refresh token \(invalid_grant/);
      expect(row!.imapStatusDetail).toBe(row!.statusDetail);
      expect(tokens.refused).toBeGreaterThan(refusedBefore);
      expect(await imapView(box)).toMatchObject({ status: 'failing', detail: expect.stringContaining('invalid_grant') });
      const disconnected = await w.db.db.select().from(events).where(and(eq(events.workspaceId, row!.workspaceId), eq(events.type, 'mailbox.disconnected')));
      expect(disconnected.map((e) => (e.payload as { mailboxId: string }).mailboxId)).toContain(box);
      const reconnect = await w.db.db.select().from(tasks).where(and(eq(tasks.workspaceId, row!.workspaceId), eq(tasks.kind, 'mailbox_disconnected'), eq(tasks.status, 'open')));
      expect(reconnect).toHaveLength(1);
      // Sam's mailbox, on another grant, reads on.
      await until('sam reading', () => imapView(samBox), (v) => v.status === 'reading');
    });
  }, 90_000);
});
