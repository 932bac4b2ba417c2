// XOAUTH2 for an SMTP or IMAP mailbox: an access token obtained from the provider's token
// endpoint with the mailbox's refresh token (openid-client's refresh grant, through the SSRF-guarded
// fetch), kept in memory until a minute before it expires, renewed when the server refuses it.
// The endpoint and client id are settings (shown); the refresh token and client secret are sealed
// together in the mailbox's secret column and never logged. A refused grant (invalid_grant: consent
// revoked, token expired; invalid_client) is `revoked`: the mailbox needs a person.
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { guardedOAuthFetch } from '../../security/guarded-fetch.js';
import { httpsOrAllowed, type AllowList } from '../../security/ssrf.js';
import type { SecretBox } from '../../security/secrets.js';

/** What a mailbox's settings say about its OAuth2 grant (no secret in it). */
export const OAuth2GrantSchema = z.object({
  tokenUrl: z.url({ protocol: /^https?$/ }).max(2000),
  clientId: z.string().min(1).max(500),
  /** Asked for at each refresh when the provider needs it (e.g. https://mail.google.com/). */
  scope: z.string().min(1).max(1000).optional(),
});
export type OAuth2Grant = z.infer<typeof OAuth2GrantSchema>;

/** The sealed half: what the provider issued and the client's secret. */
export type OAuth2Secret = { refreshToken: string; clientSecret: string };

/** How a mailbox logs in to its SMTP or IMAP server. */
export type MailCredential = { kind: 'password'; password: string } | { kind: 'oauth2'; grant: OAuth2Grant; secret: OAuth2Secret; key: string };
export type OAuth2Failure = { kind: 'revoked' | 'unreachable'; detail: string };
/** `expiresAt`: when to stop using it, a minute before the provider's expiry. */
export type AccessToken = { accessToken: string; expiresAt: number };

export const sealOAuth2Secret = (box: SecretBox, s: OAuth2Secret) => box.seal(JSON.stringify({ refreshToken: s.refreshToken, clientSecret: s.clientSecret }));

/** The credential of a server whose settings are `settings` and secret `sealed`; throws when it cannot be opened. */
export function mailCredentialOf(settings: { oauth2?: OAuth2Grant | undefined }, sealed: string, box: SecretBox): MailCredential {
  const opened = box.open(sealed);
  if (!settings.oauth2) return { kind: 'password', password: opened };
  const secret = JSON.parse(opened) as OAuth2Secret;
  if (typeof secret.refreshToken !== 'string' || typeof secret.clientSecret !== 'string') throw new Error('not an OAuth2 secret');
  // The cache key: one access token per grant, whoever (SMTP pool, IMAP watcher) asks for it.
  const key = createHash('sha256').update(`${settings.oauth2.tokenUrl}\n${settings.oauth2.clientId}\n${secret.refreshToken}`).digest('hex');
  return { kind: 'oauth2', grant: settings.oauth2, secret, key };
}

/** Renewed this long before the provider says it expires (at most half its life). */
const EARLY_MS = 60_000;
const cache = new Map<string, Promise<AccessToken | OAuth2Failure>>();

/**
 * An access token for the grant: the cached one while it has more than a minute left, else a new
 * one. `renew`: the server refused `refused` (expired early, revoked session), so a new one is
 * asked for unless another caller already replaced it.
 */
export async function accessTokenFor(c: Extract<MailCredential, { kind: 'oauth2' }>, allow: AllowList, renew?: { refused: string }): Promise<AccessToken | OAuth2Failure> {
  const cached = cache.get(c.key);
  if (cached) {
    const t = await cached;
    const stale = !('accessToken' in t) || t.expiresAt <= Date.now() || (renew !== undefined && renew.refused === t.accessToken);
    if (!stale) return t;
    if (cache.get(c.key) !== cached) return accessTokenFor(c, allow, renew);
  }
  const asked = refresh(c, allow);
  cache.set(c.key, asked);
  const t = await asked;
  // A failure is not kept: the next caller asks again (the watcher's backoff paces it).
  if (!('accessToken' in t) && cache.get(c.key) === asked) cache.delete(c.key);
  return t;
}

async function refresh(c: Extract<MailCredential, { kind: 'oauth2' }>, allow: AllowList): Promise<AccessToken | OAuth2Failure> {
  const problem = httpsOrAllowed(c.grant.tokenUrl, allow);
  if (problem) return { kind: 'revoked', detail: `OAuth2 token endpoint: ${problem}` };
  const url = new URL(c.grant.tokenUrl);
  const config = new oidc.Configuration({ issuer: url.origin, token_endpoint: url.href }, c.grant.clientId, undefined, oidc.ClientSecretPost(c.secret.clientSecret));
  config[oidc.customFetch] = guardedOAuthFetch(allow);
  if (url.protocol === 'http:') oidc.allowInsecureRequests(config);
  try {
    const tokens = await oidc.refreshTokenGrant(config, c.secret.refreshToken, c.grant.scope ? { scope: c.grant.scope } : undefined);
    const lifeMs = (tokens.expiresIn() ?? 3600) * 1000;
    return { accessToken: tokens.access_token, expiresAt: Date.now() + lifeMs - Math.min(EARLY_MS, lifeMs / 2) };
  } catch (err) {
    return oauth2Failure(err);
  }
}

/** The provider's answer in words, without any token. */
function oauth2Failure(err: unknown): OAuth2Failure {
  if (err instanceof oidc.ResponseBodyError) {
    if (err.error === 'invalid_grant') return { kind: 'revoked', detail: 'the OAuth2 provider refused the refresh token (invalid_grant: consent revoked or token expired): reconnect the mailbox' };
    if (err.error === 'invalid_client' || err.error === 'unauthorized_client') return { kind: 'revoked', detail: `the OAuth2 provider refused the client (${err.error}): check the client id and secret` };
    return err.status >= 500 ? { kind: 'unreachable', detail: `the OAuth2 token endpoint failed (${err.status} ${err.error})` } : { kind: 'revoked', detail: `the OAuth2 token endpoint refused the refresh (${err.error})` };
  }
  const code = typeof err === 'object' && err !== null ? ((err as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (err as { code?: unknown }).code) : undefined;
  return { kind: 'unreachable', detail: `the OAuth2 token endpoint cannot be reached (${typeof code === 'string' ? code : 'no answer'})` };
}
