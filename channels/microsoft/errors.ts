// What a failed Microsoft call means for the caller (channels/types.ts ProviderFailure): from
// MSAL's errors (the token refresh) and the Graph SDK's GraphError (the API). The request
// middleware (graph.ts) names a connection that never opened `NeverConnected` and one that
// opened but got no answer `NoResponse`, so a send can tell "not sent" from "maybe sent".
import { retryAfterMs } from '../retry-after.js';
import type { ProviderFailure } from '../types.js';

export const MICROSOFT_REVOKED_DETAIL = 'Microsoft 365 access revoked: reconnect the mailbox';

/** The token endpoint's answers that mean the grant is gone (AADSTS70000, 70008, 700082, 65001 consent...). */
const REVOKED_CODES = new Set(['invalid_grant', 'interaction_required', 'consent_required', 'login_required', 'bad_token', 'no_tokens_found']);
const CLIENT_CODES = new Set(['invalid_client', 'unauthorized_client']);
const BUSY = new Set([408, 429, 500, 502, 503, 504]);

type MsalLike = { errorCode?: unknown };
type GraphErrorLike = { statusCode?: unknown; code?: unknown; message?: string; headers?: { get?: (name: string) => string | null } };

export function microsoftFailure(err: unknown): ProviderFailure {
  const msal = (err ?? {}) as MsalLike;
  if (typeof msal.errorCode === 'string') return signInFailure(msal.errorCode);
  const e = (err ?? {}) as GraphErrorLike;
  const status = typeof e.statusCode === 'number' ? e.statusCode : -1;
  const code = typeof e.code === 'string' ? e.code : null;
  if (code?.startsWith('SignIn:')) return signInFailure(code.slice('SignIn:'.length));
  if (status < 0) {
    if (code === 'NeverConnected') return { kind: 'transient', detail: `Microsoft Graph unreachable (${e.message ?? 'no connection'})` };
    return { kind: 'no_response', detail: `no answer from Microsoft Graph${code && code !== 'NoResponse' ? ` (${code})` : ''}` };
  }
  // The middleware refreshes the token and retries once on a 401: one reaching us means the grant is gone.
  if (status === 401) return { kind: 'revoked', detail: MICROSOFT_REVOKED_DETAIL };
  if (status === 403 && code && /AccessDenied|Authorization_RequestDenied/i.test(code)) return { kind: 'revoked', detail: 'Microsoft 365 access lacks a permission Relance needs: reconnect the mailbox' };
  if (BUSY.has(status)) return { kind: 'transient', detail: `Microsoft Graph busy (${status}${code ? ` ${code}` : ''})`, retryAfterMs: retryAfterMs(e.headers?.get?.('retry-after') ?? null) };
  return { kind: 'refused', status, reason: code, detail: `Microsoft Graph refused (${status}): ${e.message || code || 'no reason given'}` };
}

function signInFailure(code: string): ProviderFailure {
  if (REVOKED_CODES.has(code)) return { kind: 'revoked', detail: MICROSOFT_REVOKED_DETAIL };
  if (CLIENT_CODES.has(code)) return { kind: 'revoked', detail: `Microsoft refused the app registration (${code}): check MICROSOFT_CLIENT_ID and MICROSOFT_CLIENT_SECRET` };
  // Unreachable, busy, or an answer it could not read: no token was issued; try later.
  return { kind: 'transient', detail: `Microsoft sign-in unavailable (${code || 'no readable answer'})` };
}
