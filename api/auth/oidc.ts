// Single sign-on through OpenID Connect, with openid-client: discovery of the workspace's issuer,
// the authorization code flow with PKCE, state and nonce, and the ID token's checks. The issuer
// is an admin's URL that this server fetches, so every request goes through the SSRF guard
// (security/guarded-fetch.ts: global addresses only, checked again when the socket connects,
// unless WEBHOOK_ALLOWED_HOSTS allows one), and plain
// http is refused unless its host is allowed that way (a local provider in development and tests).
import * as oidc from 'openid-client';
import type { SecretBox } from '../../security/secrets.js';
import { guardedOAuthFetch } from '../../security/guarded-fetch.js';
import { httpsOrAllowed, type AllowList } from '../../security/ssrf.js';
import type { workspaceSso } from '../../db/auth-schema.js';

type SsoRow = typeof workspaceSso.$inferSelect;

export const SSO_SCOPE = 'openid email profile';

/** An http issuer only on an allowed host; https anywhere the guard lets through. */
export function issuerProblem(issuer: string, allow: AllowList): string | null {
  const problem = httpsOrAllowed(issuer, allow);
  return problem === 'must be an https URL' ? 'an issuer must be an https URL' : problem;
}

const configs = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

/** The provider's configuration, discovered once per settings change (and again after an hour). */
export function ssoConfiguration(row: SsoRow, box: SecretBox, allow: AllowList): Promise<oidc.Configuration> {
  const key = `${row.workspaceId}:${row.updatedAt.getTime()}`;
  const cached = configs.get(key);
  if (cached && Date.now() - cached.at < 3600_000) return cached.config;
  const customFetch = guardedOAuthFetch(allow);
  const insecure = new URL(row.issuer).protocol === 'http:';
  const config = oidc
    .discovery(new URL(row.issuer), row.clientId, box.open(row.clientSecretSealed), undefined, {
      [oidc.customFetch]: customFetch,
      ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    })
    .then((c) => {
      c[oidc.customFetch] = customFetch;
      return c;
    });
  // A failed discovery is not kept: the next attempt asks again.
  config.catch(() => configs.delete(key));
  configs.set(key, { at: Date.now(), config });
  return config;
}

export type SsoAttempt = { workspaceId: string; state: string; nonce: string; verifier: string; expiresAt: number };

export async function authorizationUrl(config: oidc.Configuration, redirectUri: string, workspaceId: string) {
  const attempt: SsoAttempt = { workspaceId, state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), expiresAt: Date.now() + 10 * 60_000 };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SSO_SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(attempt.verifier),
    code_challenge_method: 'S256',
    state: attempt.state,
    nonce: attempt.nonce,
  });
  return { url, attempt };
}

/** The verified email of the person the provider signed in, or an error in words. */
export async function verifiedEmail(config: oidc.Configuration, callbackUrl: URL, attempt: SsoAttempt): Promise<string> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: attempt.verifier, expectedState: attempt.state, expectedNonce: attempt.nonce, idTokenExpected: true });
  const claims = tokens.claims();
  if (!claims || typeof claims.email !== 'string') throw new Error('the provider gave no email');
  if (claims.email_verified !== true) throw new Error('the provider has not verified this email');
  return claims.email;
}
