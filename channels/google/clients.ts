// The Google clients of one Gmail mailbox: an OAuth2 client on the mailbox's refresh token
// (sealed at rest, opened here only), and the Gmail and Calendar APIs on it. The access token
// lives in the OAuth client, so one client per mailbox is kept and reused. Only these two APIs
// are loaded, and only once a Gmail mailbox is used: the whole googleapis package costs 1.6 s
// and 120 MB at import, these two 150 ms and 27 MB.
import type { calendar_v3 } from 'googleapis/build/src/apis/calendar/index.js';
import type { gmail_v1 } from 'googleapis/build/src/apis/gmail/index.js';
import type { GoogleConfig } from '../config.js';
import type { SecretBox } from '../../security/secrets.js';
import { perMailbox, refreshTokenOf } from '../provider-access.js';
import type { MailboxRow } from '../types.js';

export type GoogleAccount = { gmail: gmail_v1.Gmail; calendar: calendar_v3.Calendar };
/** The clients of a mailbox, or why there are none (shown to the rep: no secrets in it). */
export type GoogleAccess = { ok: true; account: GoogleAccount } | { ok: false; detail: string };

const API_TIMEOUT_MS = 30_000;

const loadApis = () => Promise.all([import('googleapis/build/src/apis/gmail/index.js'), import('googleapis/build/src/apis/calendar/index.js')]);
let apis: ReturnType<typeof loadApis> | undefined;

export async function googleAccountOf(mailbox: MailboxRow, secrets: SecretBox, config: GoogleConfig): Promise<GoogleAccess> {
  if (mailbox.provider !== 'gmail') return { ok: false, detail: 'not a Gmail mailbox' };
  if (!config.clientId || !config.clientSecret) return { ok: false, detail: 'Gmail is not configured on this server (GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET)' };
  const token = refreshTokenOf(mailbox, secrets, 'Gmail');
  if (!token.ok) return token;
  const { refreshToken } = token;
  const [g, c] = await (apis ??= loadApis());
  const auth = new g.auth.OAuth2({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    ...(config.tokenUrl ? { endpoints: { oauth2TokenUrl: config.tokenUrl } } : {}),
    // An access token refused before its expiry (revoked session, clock skew) is refreshed once.
    forceRefreshOnFailure: true,
    transporterOptions: { timeout: API_TIMEOUT_MS },
  });
  auth.setCredentials({ refresh_token: refreshToken });
  // Our callers retry on their own schedule (outbox backoff, sync and poll loops): no hidden retries.
  const options = { auth, retry: false, timeout: API_TIMEOUT_MS, ...(config.rootUrl ? { rootUrl: config.rootUrl } : {}) };
  return { ok: true, account: { gmail: g.gmail({ version: 'v1', ...options }), calendar: c.calendar({ version: 'v3', ...options }) } };
}

/** One set of clients per mailbox for a background service, rebuilt when the mailbox row changes. */
export function createGoogleAccounts(config: GoogleConfig, secrets: SecretBox) {
  return perMailbox<GoogleAccess>((mailbox) => googleAccountOf(mailbox, secrets, config));
}
export type GoogleAccounts = ReturnType<typeof createGoogleAccounts>;
