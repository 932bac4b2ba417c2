// An IMAP connection to an SMTP mailbox's server (imapflow), to read the replies its emails get.
// The host is vetted like an SMTP host (mail-host.ts) and the connection goes to the vetted
// address; the login is the sealed IMAP password or OAuth2 grant (XOAUTH2), else the SMTP one. Nothing is logged by the
// client itself: the watcher says what failed, without credentials or message content.
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { ImapFlow } from 'imapflow';
import type { MailboxRow } from '../types.js';
import type { SecretBox } from '../../security/secrets.js';
import { type AllowList, type LookupAll } from '../../security/ssrf.js';
import { imapSettingsOf, type ImapSettings } from './imap-settings.js';
import { accessTokenFor, mailCredentialOf, type MailCredential } from './oauth2-grant.js';
import { SmtpSettingsSchema } from './smtp.js';
import { vetMailHost } from './mail-host.js';

export type ImapClientOptions = {
  /** Private hosts a mailbox may point at (the operator's WEBHOOK_ALLOWED_HOSTS). */
  allowList: AllowList;
  lookup?: LookupAll;
  timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number };
  /** How often IDLE is restarted (and, on a server without IDLE, how often NOOP polls). */
  maxIdleMs?: number;
};

/**
 * Why a mailbox cannot be read now: `refused` needs a person (credentials, host), `unreachable` is
 * retried, `revoked`: the provider refused the OAuth2 grant (the mailbox is disconnected).
 */
export type ImapFailure = { kind: 'refused' | 'unreachable' | 'revoked'; detail: string };

export type ImapConnection = { client: ImapFlow; settings: ImapSettings };
type ImapAuth = { user: string; pass: string } | { user: string; accessToken: string };

/** The IMAP login: its own password or grant, else the SMTP one (same kind as SMTP's). */
function imapCredentialOf(mailbox: MailboxRow, settings: ImapSettings, secrets: SecretBox): MailCredential | ImapFailure {
  const own = mailbox.imapSealedSecret;
  const smtp = SmtpSettingsSchema.safeParse(mailbox.settings);
  const sealed = own ?? mailbox.sealedSecret;
  if (!sealed || (!own && !smtp.success)) return { kind: 'refused', detail: 'no IMAP settings or password' };
  try {
    return mailCredentialOf(own ? settings : smtp.data!, sealed, secrets);
  } catch {
    return { kind: 'refused', detail: 'IMAP credentials unreadable' };
  }
}

/**
 * `created` gets the client before it connects, so a stopping watcher can close it mid-connection.
 * XOAUTH2: an access token refused by the server is renewed once and the login tried again.
 */
export async function openImapConnection(mailbox: MailboxRow, secrets: SecretBox, o: ImapClientOptions, created?: (client: ImapFlow) => void): Promise<ImapConnection | ImapFailure> {
  const settings = imapSettingsOf(mailbox);
  if (!settings) return { kind: 'refused', detail: 'no IMAP settings or password' };
  const credential = imapCredentialOf(mailbox, settings, secrets);
  if ('detail' in credential) return credential;
  const target = await vetMailHost(settings.host, o.allowList, o.lookup ?? ((h) => dnsLookup(h, { all: true, verbatim: true })), 'IMAP');
  if (!('address' in target)) return { kind: target.refused === 'unresolved' ? 'unreachable' : 'refused', detail: target.detail };
  const login = (auth: ImapAuth) => connectImap(target.address, settings, auth, o, created);
  if (credential.kind === 'password') {
    const r = await login({ user: settings.username, pass: credential.password });
    return r === 'login refused' ? { kind: 'refused', detail: 'the IMAP server refused the login: check the username and password' } : r;
  }
  let refused: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = await accessTokenFor(credential, o.allowList, refused === undefined ? undefined : { refused });
    if (!('accessToken' in token)) return token;
    const r = await login({ user: settings.username, accessToken: token.accessToken });
    if (r !== 'login refused') return r;
    refused = token.accessToken;
  }
  return { kind: 'refused', detail: 'the IMAP server refused the OAuth2 access token (XOAUTH2): check the username and the grant\'s scope' };
}

async function connectImap(address: string, settings: ImapSettings, auth: ImapAuth, o: ImapClientOptions, created?: (client: ImapFlow) => void): Promise<ImapConnection | ImapFailure | 'login refused'> {
  const client = new ImapFlow({
    host: address,
    ...(ipaddr.isValid(settings.host.replace(/^\[|\]$/g, '')) ? {} : { servername: settings.host }),
    port: settings.port,
    secure: settings.secure,
    ...(settings.requireTls && !settings.secure ? { doSTARTTLS: true } : {}),
    auth,
    logger: false,
    clientInfo: { name: 'Relance' },
    connectionTimeout: o.timeouts?.connectionMs ?? 20_000,
    greetingTimeout: o.timeouts?.greetingMs ?? 20_000,
    socketTimeout: o.timeouts?.socketMs ?? 5 * 60_000,
    // IDLE restarted before the socket's inactivity timeout can fire on a quiet server.
    maxIdleTime: o.maxIdleMs ?? 4 * 60_000,
    missingIdleCommand: 'NOOP',
    autoIdleDelay: 1000,
  });
  // Errors also come as events (a socket reset while idle); the 'close' that follows is what the watcher acts on.
  client.on('error', () => {});
  created?.(client);
  try {
    await client.connect();
  } catch (err) {
    client.close();
    const refused = typeof err === 'object' && err !== null && (err as { authenticationFailed?: boolean }).authenticationFailed === true;
    return refused ? 'login refused' : { kind: 'unreachable', detail: `the IMAP server cannot be reached (${errorCode(err)})` };
  }
  return { client, settings };
}

/** A short, secret-free description of a connection error (its code, else its class). */
export function errorCode(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (err instanceof Error) return err.name;
  }
  return 'unknown error';
}

/** The folders to read: those configured, else INBOX and the junk folder when there is one. Missing ones are skipped. */
export async function watchedFolders(client: ImapFlow, settings: ImapSettings): Promise<string[]> {
  const listed = await client.list();
  if (settings.folders) {
    const byPath = new Map(listed.map((f) => [f.path.toLowerCase(), f.path]));
    return settings.folders.map((f) => (f.toUpperCase() === 'INBOX' ? 'INBOX' : byPath.get(f.toLowerCase()))).filter((f): f is string => f !== undefined);
  }
  const junk = listed.find((f) => f.specialUse === '\\Junk');
  return junk ? ['INBOX', junk.path] : ['INBOX'];
}
