// Per-key rate limit: a token bucket per API key in this process. A burst is allowed up to the
// bucket size; past it the API answers 429 with Retry-After (seconds until a token is back).
import type { MiddlewareHandler } from 'hono';
import { problem } from '../problem.js';
import type { AuthEnv } from './auth.js';

export type RateLimit = { perSecond: number; burst: number };
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 100, burst: 200 };

export function rateLimit(limit: RateLimit = DEFAULT_RATE_LIMIT): MiddlewareHandler<AuthEnv> {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    const key = c.get('principal').keyId;
    const now = Date.now();
    const b = buckets.get(key) ?? { tokens: limit.burst, at: now };
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
    b.at = now;
    if (b.tokens < 1) {
      buckets.set(key, b);
      const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond));
      c.header('Retry-After', String(retryAfter));
      return problem(c, 'rate-limited', 429, { detail: `more than ${limit.perSecond} requests per second (bursts of ${limit.burst}) for this API key` });
    }
    b.tokens -= 1;
    buckets.set(key, b);
    if (buckets.size > 100_000) buckets.clear();
    c.header('RateLimit-Limit', String(limit.burst));
    c.header('RateLimit-Remaining', String(Math.floor(b.tokens)));
    await next();
  };
}
