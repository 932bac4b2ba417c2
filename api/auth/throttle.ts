// Sign-in attempts: a token bucket per client address (guessing across accounts), and a lockout
// per account after consecutive failures (guessing one account from many addresses).
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export type SignInLimits = { perMinute: number; lockAfter: number; lockMs: number };
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perMinute: 20, lockAfter: 5, lockMs: 15 * 60_000 };

export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request in tests: no socket.
    return 'unknown';
  }
}

/** Seconds to wait before the next attempt from this address, or 0 when it may go ahead (and is counted). */
export function addressThrottle(perMinute: number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (address: string, now = Date.now()): number => {
    const b = buckets.get(address) ?? { tokens: perMinute, at: now };
    b.tokens = Math.min(perMinute, b.tokens + ((now - b.at) / 60_000) * perMinute);
    b.at = now;
    buckets.set(address, b);
    if (buckets.size > 100_000) buckets.clear();
    if (b.tokens < 1) return Math.max(1, Math.ceil(((1 - b.tokens) * 60) / perMinute));
    b.tokens -= 1;
    return 0;
  };
}
