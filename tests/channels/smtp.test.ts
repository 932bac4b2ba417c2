// Email over SMTP against a real SMTP server (smtp-server) receiving real SMTP from nodemailer:
// what arrives (headers, threading, unsubscribe, the announced call time), one pooled transport
// per mailbox, and every way a send can end, each as the SendOutcome the outbox acts on.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMime } from '../../channels/email/mime.js';
import { createSmtpSender, SmtpSettingsSchema, type SmtpSenderOptions } from '../../channels/email/smtp.js';
import type { MailboxRow } from '../../channels/types.js';
import { outboundEmail } from '../support/outbound-email.js';
import { freePort } from '../../scripts/lib/ports.js';
import { createSecretBox } from '../../security/secrets.js';
import { EMPTY_ALLOW_LIST } from '../../security/ssrf.js';
import { smtpMailboxRow, startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { LOOPBACK_ALLOWED } from '../support/security.js';

const secrets = createSecretBox(Buffer.alloc(32, 7));
let server: TestSmtpServer;
const senders: Array<{ close?: () => Promise<void> }> = [];

beforeAll(async () => {
  server = await startTestSmtpServer();
});
afterAll(async () => {
  await Promise.all(senders.map((s) => s.close?.()));
  await server?.close();
});

function sender(row: MailboxRow = smtpMailboxRow(server, secrets), options: SmtpSenderOptions = { allowList: LOOPBACK_ALLOWED }) {
  const s = createSmtpSender(row, secrets, options);
  senders.push(s);
  return s;
}

const outbound = outboundEmail;

const receivedWith = (messageId: string) => server.received.filter((m) => m.messageId === messageId);

describe('SMTP delivery', () => {
  it('delivers the exact Message-ID, the sender, the RFC 8058 headers and the announced call time in UTF-8', async () => {
    const email = outbound();
    expect(await sender().send(email)).toMatchObject({ status: 'sent' });
    const [mail] = receivedWith(email.messageId);
    expect(mail?.envelope).toEqual({ from: 'rep@acme.test', to: ['marie@globex.test'] });
    const p = mail!.parsed;
    expect(p.messageId).toBe(email.messageId);
    expect(p.from?.value).toEqual([{ name: 'Sam Rep', address: 'rep@acme.test' }]);
    expect(p.subject).toBe('Notre échange de mardi');
    expect(p.date?.toISOString()).toBe('2026-03-03T07:00:00.000Z');
    // Header lines unfolded (RFC 5322 folding of a long URL is legal).
    const line = (key: string) => p.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n[ \t]+/g, ' ').replace(/: +/, ': ');
    expect(line('list-unsubscribe')).toBe(`List-Unsubscribe: <${email.unsubscribeUrl}>`);
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(p.text).toContain('mardi 3 mars à 09:15 (heure de Paris)');
    expect(p.html).toBe(false);
    // The same bytes as the local outbox and the Gmail API get.
    expect(mail!.raw.toString('utf8').trimEnd()).toBe((await buildMime(email)).toString('utf8').trimEnd());
  });

  it('threads a follow-up under the previous email (In-Reply-To, References)', async () => {
    const first = outbound();
    const second = outbound({ inReplyTo: first.messageId, references: [first.messageId], subject: 'Re: Notre échange de mardi' });
    const s = sender();
    expect(await s.send(first)).toMatchObject({ status: 'sent' });
    expect(await s.send(second)).toMatchObject({ status: 'sent' });
    const p = receivedWith(second.messageId)[0]!.parsed;
    expect(p.inReplyTo).toBe(first.messageId);
    expect(p.references).toBe(first.messageId);
    expect(receivedWith(first.messageId)[0]!.parsed.inReplyTo).toBeUndefined();
  });

  it('keeps a header injection in the subject inside the subject', async () => {
    const email = outbound({ subject: 'Bonjour\r\nBcc: intruder@evil.test' });
    expect(await sender().send(email)).toMatchObject({ status: 'sent' });
    const mail = receivedWith(email.messageId)[0]!;
    expect(mail.parsed.headers.has('bcc')).toBe(false);
    expect(mail.envelope.to).toEqual(['marie@globex.test']);
  });

  it('sends through one pool of at most two connections, reused', async () => {
    const own = await startTestSmtpServer({ username: 'pool@acme.test', password: 'pool-password' });
    try {
      const s = sender(smtpMailboxRow(own, secrets));
      const burst = Array.from({ length: 5 }, () => outbound());
      const outcomes = await Promise.all(burst.map((e) => s.send(e)));
      expect(outcomes.map((o) => o.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
      expect(await s.send(outbound())).toMatchObject({ status: 'sent' });
      expect(own.received.map((m) => m.messageId).sort()).toEqual(expect.arrayContaining(burst.map((e) => e.messageId).sort()));
      expect(own.received).toHaveLength(6);
      expect(own.connections).toBeGreaterThanOrEqual(1);
      expect(own.connections).toBeLessThanOrEqual(2);
      await s.close?.();
    } finally {
      await own.close();
    }
  });

  it('a send after close() opens a new pool and still leaves', async () => {
    const s = sender();
    await s.close?.();
    const email = outbound();
    expect(await s.send(email)).toMatchObject({ status: 'sent' });
    expect(receivedWith(email.messageId)).toHaveLength(1);
  });
});

describe('SMTP failures, each a visible outcome', () => {
  it('a malformed recipient fails without connecting', async () => {
    const before = server.connections;
    const outcome = await sender().send(outbound({ to: { name: 'X', address: 'not an address' } }));
    expect(outcome).toEqual({ status: 'failed', detail: 'invalid recipient address' });
    expect(server.connections).toBe(before);
  });

  it('missing, invalid or unreadable credentials: disconnected', async () => {
    expect(await sender(smtpMailboxRow(server, secrets, { sealedSecret: null })).send(outbound())).toEqual({ status: 'disconnected', detail: 'no credentials' });
    expect(await sender(smtpMailboxRow(server, secrets, { settings: { host: server.host } })).send(outbound())).toEqual({ status: 'disconnected', detail: 'no credentials' });
    const otherKey = createSecretBox(Buffer.alloc(32, 9));
    expect(await sender(smtpMailboxRow(server, secrets, { sealedSecret: otherKey.seal('x') })).send(outbound())).toEqual({ status: 'disconnected', detail: 'credentials unreadable' });
  });

  it('a refused password: disconnected with the server reply', async () => {
    const outcome = await sender(smtpMailboxRow({ ...server, password: 'wrong' }, secrets)).send(outbound());
    expect(outcome.status).toBe('disconnected');
    expect('detail' in outcome && outcome.detail).toContain('535');
  });

  // A 4xx reply is worth another try later; a 5xx one is final (failed, not retried).
  it.each([
    { stage: 'mail' as const, code: 421, message: '4.7.0 Try again later', status: 'retry' },
    { stage: 'rcpt' as const, code: 450, message: '4.2.1 Mailbox busy', status: 'retry' },
    { stage: 'data' as const, code: 451, message: '4.3.0 Local error in processing', status: 'retry' },
    { stage: 'rcpt' as const, code: 550, message: '5.1.1 Mailbox unavailable', status: 'failed' },
    { stage: 'mail' as const, code: 553, message: '5.1.8 Sender address rejected', status: 'failed' },
    { stage: 'data' as const, code: 554, message: '5.7.1 Message rejected as spam', status: 'failed' },
  ])('SMTP $code at $stage: $status with the reply, nothing delivered', async ({ stage, code, message, status }) => {
    server.fail({ stage, code, message });
    const email = outbound();
    const outcome = await sender().send(email);
    expect(outcome).toEqual({ status, detail: expect.stringContaining(`${code} ${message}`) });
    expect(receivedWith(email.messageId)).toHaveLength(0);
  });

  it('nobody listening: retry (nothing was sent)', async () => {
    const row = smtpMailboxRow({ ...server, port: await freePort() }, secrets);
    expect(await sender(row).send(outbound())).toMatchObject({ status: 'retry' });
  });

  it('a server that never greets: retry after the greeting timeout', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket); // accepts, says nothing
    });
    const port = await freePort();
    await new Promise<void>((r) => silent.listen(port, '127.0.0.1', r));
    try {
      const outcome = await sender(smtpMailboxRow({ ...server, port }, secrets), { allowList: LOOPBACK_ALLOWED, timeouts: { greetingMs: 300 } }).send(outbound());
      expect(outcome).toMatchObject({ status: 'retry' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it('the connection drops after the whole message was sent: uncertain, never sent again', async () => {
    server.fail({ stage: 'drop-after-data' });
    const s = sender();
    const email = outbound();
    const outcome = await s.send(email);
    expect(outcome.status).toBe('uncertain');
    expect(receivedWith(email.messageId)).toHaveLength(1);
    // The next email of the mailbox leaves on a fresh connection.
    const next = outbound();
    expect(await s.send(next)).toMatchObject({ status: 'sent' });
    expect(receivedWith(email.messageId)).toHaveLength(1);
  });

  it('no answer to the data before the socket timeout: uncertain', async () => {
    server.setDataDelay(1_500);
    try {
      const email = outbound();
      const outcome = await sender(undefined, { allowList: LOOPBACK_ALLOWED, timeouts: { socketMs: 400 } }).send(email);
      expect(outcome.status).toBe('uncertain');
      expect(receivedWith(email.messageId)).toHaveLength(1);
    } finally {
      server.setDataDelay(0);
    }
  });

  it('a server without STARTTLS when TLS is required: disconnected, the password never sent', async () => {
    const row = smtpMailboxRow(server, secrets, { settings: { host: server.host, port: server.port, secure: false, requireTls: true, username: server.username } });
    const outcome = await sender(row).send(outbound());
    expect(outcome).toMatchObject({ status: 'disconnected', detail: expect.stringContaining('STARTTLS') });
  });

  it('the SSRF guard: a loopback or private host is refused unless allowed, without connecting', async () => {
    const before = server.connections;
    const loopback = await sender(undefined, { allowList: EMPTY_ALLOW_LIST }).send(outbound());
    expect(loopback).toMatchObject({ status: 'disconnected', detail: expect.stringContaining('loopback') });
    const privateHost = smtpMailboxRow(server, secrets, { settings: { host: 'relay.internal.test', port: 25, username: 'x' } });
    const lookup = async () => [{ address: '10.1.2.3', family: 4 }];
    expect(await sender(privateHost, { allowList: EMPTY_ALLOW_LIST, lookup }).send(outbound())).toMatchObject({ status: 'disconnected', detail: expect.stringContaining('private') });
    expect(server.connections).toBe(before);
  });

  it('SmtpSettingsSchema names what is wrong', () => {
    const r = SmtpSettingsSchema.safeParse({ host: 'smtp acme', port: 70000 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['host', 'port', 'username']);
    expect(SmtpSettingsSchema.parse({ host: 'smtp.acme.test', username: 'rep@acme.test' })).toEqual({ host: 'smtp.acme.test', port: 587, secure: false, requireTls: false, username: 'rep@acme.test' });
  });
});
