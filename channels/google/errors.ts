// What a failed Google call means for the caller (channels/types.ts ProviderFailure), from the
// googleapis (gaxios) error.
import { retryAfterMs } from '../retry-after.js';
import type { ProviderFailure } from '../types.js';

export type GoogleFailure = ProviderFailure;

export const REVOKED_DETAIL = 'Gmail access revoked: reconnect the mailbox';

type GaxiosLike = {
  message?: string;
  code?: string | number;
  config?: { url?: string | URL };
  response?: { status: number; data?: unknown; headers?: { get?: (name: string) => string | null } };
};

const RATE_LIMITS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded', 'quotaExceeded']);
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function googleFailure(err: unknown): GoogleFailure {
  const e = (err ?? {}) as GaxiosLike;
  const res = e.response;
  if (!res) {
    const code = typeof e.code === 'string' ? e.code : '';
    const url = String(e.config?.url ?? '');
    const apiCall = /\/(gmail\/v1|calendar\/v3)\//.test(url);
    // A refused connection, or a failed token refresh, never reached the API.
    if (!apiCall || NEVER_CONNECTED.has(code)) return { kind: 'transient', detail: `Google unreachable${code ? ` (${code})` : ''}` };
    return { kind: 'no_response', detail: `no answer from Google${code ? ` (${code})` : ''}` };
  }
  const data = (res.data ?? {}) as { error?: unknown; error_description?: unknown };
  // The OAuth token endpoint answers { error: 'invalid_grant' }; the APIs { error: { code, message, errors } }.
  if (typeof data.error === 'string') {
    if (res.status >= 500 || res.status === 429) return { kind: 'transient', detail: `Google sign-in unavailable (${res.status})` };
    return { kind: 'revoked', detail: data.error === 'invalid_grant' ? REVOKED_DETAIL : `Google refused the OAuth client (${data.error}): check GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET` };
  }
  const apiError = (data.error ?? {}) as { message?: unknown; errors?: Array<{ reason?: unknown }>; status?: unknown };
  const reason = typeof apiError.errors?.[0]?.reason === 'string' ? apiError.errors[0].reason : typeof apiError.status === 'string' ? apiError.status : null;
  const message = typeof apiError.message === 'string' ? apiError.message : (e.message ?? `HTTP ${res.status}`);
  // The client refreshes and retries once on a 401: one reaching us means the grant is gone.
  if (res.status === 401) return { kind: 'revoked', detail: REVOKED_DETAIL };
  if (res.status === 403 && reason && /insufficient|SCOPE/i.test(reason)) return { kind: 'revoked', detail: 'Google access lacks a permission Relance needs: reconnect the mailbox' };
  if (res.status === 429 || res.status === 408 || res.status >= 500 || (res.status === 403 && reason && RATE_LIMITS.has(reason))) {
    return { kind: 'transient', detail: `Google busy (${res.status}${reason ? ` ${reason}` : ''})`, retryAfterMs: retryAfterMs(res.headers?.get?.('retry-after') ?? null) };
  }
  return { kind: 'refused', status: res.status, reason, detail: `Google refused (${res.status}): ${message}` };
}
