// SMTP mailboxes logging in with OAuth2 (XOAUTH2), against a real SMTP server (smtp-server) that
// checks each access token at a local token server (the provider's stand-in): a cadence email
// leaves authenticated by a token; a token the server refuses is renewed once and the send goes
// through; a revoked grant disconnects the mailbox with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealOAuth2Secret } from '../../channels/email/oauth2-grant.js';
import { createSmtpSender } from '../../channels/email/smtp.js';
import type { EmailProvider } from '../../channels/types.js';
import { createSecretBox } from '../../security/secrets.js';
import { mailboxRow } from '../support/mail-rows.js';
import { startTestTokenServer, type TestTokenServer } from '../support/oauth2-token-server.js';
import { outboundEmail } from '../support/outbound-email.js';
import { LOOPBACK_ALLOWED } from '../support/security.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const secrets = createSecretBox(Buffer.alloc(32, 9));
const user = 'rep@acme.test';
let tokens: TestTokenServer;
let server: TestSmtpServer;
const senders: EmailProvider[] = [];

beforeAll(async () => {
  tokens = await startTestTokenServer();
  server = await startTestSmtpServer({ username: user, oauth2: { check: (u, t) => tokens.check(u, t) } });
});
afterAll(async () => {
  await Promise.all(senders.map((s) => s.close?.()));
  await server?.close();
  await tokens?.close();
});

/** A sender for an SMTP mailbox whose login is this refresh token (a new pool each time). */
function senderFor(refreshToken: string): EmailProvider {
  const settings = { host: server.host, port: server.port, secure: false, requireTls: false, username: user, oauth2: { tokenUrl: tokens.tokenUrl, clientId: tokens.clientId } };
  const row = mailboxRow('smtp', user, sealOAuth2Secret(secrets, { refreshToken, clientSecret: tokens.clientSecret }), { settings });
  const s = createSmtpSender(row, secrets, { allowList: LOOPBACK_ALLOWED });
  senders.push(s);
  return s;
}

describe('SMTP over XOAUTH2', () => {
  it('a cadence email leaves authenticated by an access token: the server saw the XOAUTH2 login and got the message', async () => {
    const email = outboundEmail();
    expect(await senderFor(tokens.grant(user)).send(email)).toMatchObject({ status: 'sent' });
    expect(server.logins).toContainEqual({ method: 'XOAUTH2', username: user });
    expect(server.logins.some((l) => l.method !== 'XOAUTH2')).toBe(false);
    const [mail] = server.received.filter((m) => m.messageId === email.messageId);
    expect(mail?.envelope).toEqual({ from: 'rep@acme.test', to: ['marie@globex.test'] });
  });

  it('an access token the server refuses is renewed once at the token endpoint and the email leaves', async () => {
    const grant = tokens.grant(user);
    expect(await senderFor(grant).send(outboundEmail())).toMatchObject({ status: 'sent' });
    const before = tokens.issued;
    // The provider ends the tokens early; the next pool starts with the cached one, refused.
    tokens.expireAccessTokens();
    const email = outboundEmail();
    expect(await senderFor(grant).send(email)).toMatchObject({ status: 'sent' });
    expect(tokens.issued).toBe(before + 1);
    expect(server.received.map((m) => m.messageId)).toContain(email.messageId);
  });

  it('a revoked grant: the send is `disconnected` with the provider\'s reason, nothing leaves', async () => {
    const grant = tokens.grant(user);
    expect(await senderFor(grant).send(outboundEmail())).toMatchObject({ status: 'sent' });
    tokens.revoke(grant);
    const email = outboundEmail();
    const outcome = await senderFor(grant).send(email);
    expect(outcome).toMatchObject({ status: 'disconnected', detail: expect.stringContaining('invalid_grant') });
    expect(server.received.map((m) => m.messageId)).not.toContain(email.messageId);
  });

  it('a grant refused before any connection holds the email at once (no pool opened)', async () => {
    const connections = server.connections;
    const outcome = await senderFor('never-issued').send(outboundEmail());
    expect(outcome).toEqual({ status: 'disconnected', detail: 'the OAuth2 provider refused the refresh token (invalid_grant: consent revoked or token expired): reconnect the mailbox' });
    expect(server.connections).toBe(connections);
  });
});
