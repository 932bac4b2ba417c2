// Email over SMTP from one rep mailbox: one pooled nodemailer transport per mailbox, built on
// the first send and reused, so a morning of sends rides on one or two connections. Every
// failure becomes a SendOutcome (smtp-outcome.ts); nodemailer never retries by itself, the
// outbox decides, so a message the server may already hold is never sent twice.
import { PassThrough, type Readable } from 'node:stream';
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { type AllowList, type LookupAll } from '../../security/ssrf.js';
import { vetMailHost } from './mail-host.js';
import type { SecretBox } from '../../security/secrets.js';
import type { EmailProvider, MailboxRow, SendOutcome } from '../types.js';
import { buildMime } from './mime.js';
import { signDkim, type DkimSigner } from './dkim-key.js';
import { smtpOutcome } from './smtp-outcome.js';
import { accessTokenFor, mailCredentialOf, OAuth2GrantSchema, type MailCredential } from './oauth2-grant.js';

/** `mailboxes.settings` of an SMTP mailbox; the password (or OAuth2 grant) is the mailbox's sealed secret. */
export const SmtpSettingsSchema = z.object({
  host: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or an IP address'),
  port: z.number().int().min(1).max(65535).default(587),
  /** Implicit TLS (port 465 always is); otherwise STARTTLS whenever the server offers it. */
  secure: z.boolean().default(false),
  /** Refuse a server that does not offer STARTTLS (nothing, not even the password, goes in clear). */
  requireTls: z.boolean().default(false),
  username: z.string().min(1).max(320),
  /** Present: the login is XOAUTH2 with an access token of this grant (its refresh token and client secret are the sealed secret). */
  oauth2: OAuth2GrantSchema.optional(),
});
export type SmtpSettings = z.infer<typeof SmtpSettingsSchema>;

export type SmtpSenderOptions = {
  /** Hosts and ranges a mailbox may point at although private (the operator's WEBHOOK_ALLOWED_HOSTS). */
  allowList: AllowList;
  lookup?: LookupAll;
  timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number };
};

/** Connections of a mailbox's pool: the outbox sends at most this many of its emails at once. */
export const SMTP_POOL_CONNECTIONS = 2;

type Transport = ReturnType<typeof nodemailer.createTransport>;
const Recipient = z.email().max(320);

export function createSmtpSender(mailbox: MailboxRow, secrets: SecretBox, options: SmtpSenderOptions): EmailProvider {
  // The message stream of each send, by its raw bytes: tells whether the server got all of it.
  const streams = new WeakMap<Buffer, PassThrough>();
  let transport: Promise<Transport | SendOutcome> | null = null;

  const open = () => {
    transport ??= build(mailbox, secrets, options).then((t) => {
      if (!('sendMail' in t)) transport = null; // nothing cached: the next send checks again
      else t.use('stream', (mail, done) => {
        const raw = mail.data.raw;
        if (Buffer.isBuffer(raw)) mail.message.processFunc((input: Readable) => tracked(input, raw, streams));
        done();
      });
      return t;
    });
    return transport;
  };
  const discard = async () => {
    const current = await transport;
    transport = null;
    if (current && 'sendMail' in current) current.close();
  };

  return {
    id: 'smtp',
    async send(email) {
      if (!Recipient.safeParse(email.to.address).success) return { status: 'failed', detail: 'invalid recipient address' };
      const t = await open();
      if (!('sendMail' in t)) return t;
      const dkim = dkimSignerOf(mailbox, secrets);
      if (dkim && 'status' in dkim) return dkim;
      let raw = await buildMime(email);
      // Signed before nodemailer sees it, so the stream tracked below is the one the server reads.
      if (dkim) {
        try {
          raw = await signDkim(raw, dkim);
        } catch {
          return { status: 'disconnected', detail: 'DKIM signing failed: set the key again (PUT /v1/mailboxes/{id}/dkim)' };
        }
      }
      try {
        const info = await t.sendMail({ envelope: { from: email.from.address, to: [email.to.address] }, raw });
        return { status: 'sent', providerMessageId: info.serverMessageId ?? undefined };
      } catch (err) {
        const outcome = smtpOutcome(err, streams.get(raw)?.readableEnded ?? false);
        // Connection-level trouble or refused credentials: the next send starts afresh (new DNS answer).
        if (outcome.status === 'disconnected' || (outcome.status === 'retry' && !hasReply(err))) await discard();
        return outcome;
      }
    },
    // A send after close() opens a new pool; the registry drops its providers when it closes.
    close: discard,
  };
}

async function build(mailbox: MailboxRow, secrets: SecretBox, o: SmtpSenderOptions): Promise<Transport | SendOutcome> {
  const parsed = SmtpSettingsSchema.safeParse(mailbox.settings);
  if (!parsed.success || !mailbox.sealedSecret) return { status: 'disconnected', detail: 'no credentials' };
  let credential: MailCredential;
  try {
    credential = mailCredentialOf(parsed.data, mailbox.sealedSecret, secrets);
  } catch {
    return { status: 'disconnected', detail: 'credentials unreadable' };
  }
  const s = parsed.data;
  const target = await vetHost(s.host, o.allowList, o.lookup ?? ((h) => dnsLookup(h, { all: true, verbatim: true })));
  if ('status' in target) return target;
  const auth = credential.kind === 'password' ? { user: s.username, pass: credential.password } : await oauth2Login(credential, s.username, o.allowList);
  if ('status' in auth) return auth;
  return nodemailer.createTransport({
    pool: true,
    maxConnections: SMTP_POOL_CONNECTIONS,
    maxMessages: 100,
    // A connection closed mid-send is reported, never requeued: only the outbox may resend.
    maxRequeues: 0,
    idleTimeout: 60_000,
    // The vetted address, so a second DNS answer cannot redirect the connection; TLS checks the name.
    host: target.address,
    ...(ipaddr.isValid(s.host) ? {} : { servername: s.host }),
    port: s.port,
    secure: s.secure || s.port === 465,
    requireTLS: s.requireTls && !(s.secure || s.port === 465),
    auth,
    connectionTimeout: o.timeouts?.connectionMs ?? 20_000,
    greetingTimeout: o.timeouts?.greetingMs ?? 20_000,
    socketTimeout: o.timeouts?.socketMs ?? 60_000,
    logger: false,
    debug: false,
  });
}

/**
 * XOAUTH2: nodemailer asks for a token at each login, and again (`renew`) once when the server
 * refuses one. A grant the provider refuses now holds the emails at once, before any connection.
 */
type TokenProvision = (user: string, renew: boolean, done: (err: Error | null, accessToken: string, expires: number) => void) => void;
type OAuth2Login = { type: 'OAuth2'; user: string; accessToken: string; expires: number; provisionCallback: TokenProvision };

async function oauth2Login(credential: Extract<MailCredential, { kind: 'oauth2' }>, user: string, allow: AllowList): Promise<OAuth2Login | SendOutcome> {
  const first = await accessTokenFor(credential, allow);
  if (!('accessToken' in first)) return first.kind === 'revoked' ? { status: 'disconnected', detail: first.detail } : { status: 'retry', detail: first.detail };
  let last = first.accessToken;
  const provisionCallback: TokenProvision = (_user, renew, done) => {
    void accessTokenFor(credential, allow, renew ? { refused: last } : undefined).then((t) => {
      if (!('accessToken' in t)) return done(Object.assign(new Error(t.detail), { code: t.kind === 'revoked' ? 'EAUTH' : 'ECONNECTION' }), '', 0);
      last = t.accessToken;
      done(null, t.accessToken, t.expiresAt);
    });
  };
  return { type: 'OAuth2', user, accessToken: first.accessToken, expires: first.expiresAt, provisionCallback };
}

/** The mailbox's DKIM signer when it has a key; a key that cannot be opened holds its emails. */
function dkimSignerOf(mailbox: MailboxRow, secrets: SecretBox): DkimSigner | SendOutcome | null {
  if (!mailbox.dkimSelector || !mailbox.dkimSealedKey) return null;
  try {
    return { domain: mailbox.address.slice(mailbox.address.lastIndexOf('@') + 1), selector: mailbox.dkimSelector, privateKeyPem: secrets.open(mailbox.dkimSealedKey) };
  } catch {
    return { status: 'disconnected', detail: 'DKIM key unreadable: set it again (PUT /v1/mailboxes/{id}/dkim)' };
  }
}

/** The SSRF guard (mail-host.ts): an unresolved host is retried later, a private one disconnects. */
async function vetHost(host: string, allow: AllowList, lookup: LookupAll): Promise<{ address: string } | SendOutcome> {
  const v = await vetMailHost(host, allow, lookup, 'SMTP');
  if ('address' in v) return v;
  return v.refused === 'unresolved' ? { status: 'retry', detail: v.detail } : { status: 'disconnected', detail: v.detail };
}

/** Passes the message through untouched; `readableEnded` once the connection has read all of it. */
function tracked(input: Readable, raw: Buffer, streams: WeakMap<Buffer, PassThrough>): Readable {
  const out = new PassThrough();
  input.on('error', (err) => out.destroy(err));
  input.pipe(out);
  streams.set(raw, out);
  return out;
}

function hasReply(err: unknown): boolean {
  return typeof err === 'object' && err !== null && typeof (err as { responseCode?: unknown }).responseCode === 'number';
}
