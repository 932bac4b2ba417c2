// The access tokens of one Microsoft 365 mailbox, from its refresh token (sealed at rest, opened
// here only) through MSAL's refresh-token flow. Microsoft rotates refresh tokens at each use and
// lets an unused one expire after 90 days, so the newest one is handed to `onRotated` (which
// seals and stores it): a mailbox in use never needs reconnecting. The access token is kept
// until a minute before its expiry.
import type { ConfidentialClientApplication } from '@azure/msal-node';
import type { MicrosoftConfig } from '../config.js';

/** Graph with every permission the user consented to (Mail.ReadWrite, Mail.Send, Calendars.ReadWrite). */
const GRAPH_SCOPES = ['https://graph.microsoft.com/.default'];
const EARLY_REFRESH_MS = 60_000;

export type MicrosoftTokens = {
  /** A valid access token; `fresh`: a new one even if the current one has not expired (Graph refused it). */
  accessToken(fresh?: boolean): Promise<string>;
};

let msal: Promise<typeof import('@azure/msal-node')> | undefined;

/** MSAL accepts only https authorities: a plain-http host (a local server) is named https and its token endpoint given as metadata. */
export function authorityOptions(config: MicrosoftConfig) {
  const url = new URL(config.authorityHost);
  const authority = `https://${url.host}/${config.tenant}`;
  if (url.protocol === 'https:' && url.host === 'login.microsoftonline.com') return { authority };
  // Any other host: its endpoints are known, so MSAL asks no instance discovery of Microsoft's cloud.
  const base = `${url.protocol}//${url.host}/${config.tenant}`;
  const metadata = {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    issuer: `${authority}/v2.0`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
  };
  return { authority, knownAuthorities: [url.host], authorityMetadata: JSON.stringify(metadata) };
}

export function createMicrosoftTokens(config: MicrosoftConfig & { clientId: string; clientSecret: string }, refreshToken: string, onRotated?: (refreshToken: string) => Promise<void>): MicrosoftTokens {
  let app: ConfidentialClientApplication | undefined;
  let current = refreshToken;
  let cached: { token: string; expiresAt: number } | null = null;
  let refreshing: Promise<string> | null = null;

  async function refresh(): Promise<string> {
    const { ConfidentialClientApplication } = await (msal ??= import('@azure/msal-node'));
    // Our callers retry on their own schedule (outbox backoff, sync and poll loops): no hidden retries.
    app ??= new ConfidentialClientApplication({ auth: { clientId: config.clientId, clientSecret: config.clientSecret, ...authorityOptions(config) }, system: { disableInternalRetries: true } });
    // forceCache: the account is new to this cache, and its rotated refresh token is wanted there.
    const result = await app.acquireTokenByRefreshToken({ refreshToken: current, scopes: GRAPH_SCOPES, forceCache: true });
    if (!result?.accessToken) throw new Error('Microsoft sign-in answered without an access token');
    cached = { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 300_000 };
    const rotated = newestRefreshToken(app);
    if (rotated && rotated !== current) {
      current = rotated;
      await onRotated?.(rotated);
    }
    return result.accessToken;
  }

  return {
    async accessToken(fresh = false) {
      if (!fresh && cached && cached.expiresAt - EARLY_REFRESH_MS > Date.now()) return cached.token;
      // Concurrent callers share one refresh.
      refreshing ??= refresh().finally(() => (refreshing = null));
      return refreshing;
    },
  };
}

/** The refresh token MSAL holds after a refresh (its cache keeps the one the server rotated to). */
function newestRefreshToken(app: ConfidentialClientApplication): string | null {
  const cache = JSON.parse(app.getTokenCache().serialize()) as { RefreshToken?: Record<string, { secret?: string }> };
  const secrets = Object.values(cache.RefreshToken ?? {}).map((t) => t.secret).filter((s): s is string => Boolean(s));
  return secrets.at(-1) ?? null;
}
