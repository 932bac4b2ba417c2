// API keys and roles. A key is `rk_<prefix>_<secret>`: the prefix finds the row (and tells a
// person which key it is), a SHA-256 of the whole key is compared in constant time. Keys are
// random 256-bit secrets, so a fast hash is enough: there is nothing to brute-force.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../../db/client.js';
import { apiKeys } from '../../db/schema.js';
import { problem } from '../problem.js';

export const ROLES = ['admin', 'ops', 'rep', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: every query of the request is scoped to `workspaceId`. */
export type Principal = { workspaceId: string; keyId: string; role: Role; userId: string | null; sessionId?: string };
export type AuthEnv = { Variables: { principal: Principal } };

const KEY_PATTERN = /^rk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key: returned once to the caller, stored as prefix + hash. */
export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12);
  const key = `rk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

/** last_used_at is informative: written at most once a minute per key per process. */
const lastUsedWrites = new Map<string, number>();

export function authenticate(db: Database): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const key = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const m = KEY_PATTERN.exec(key);
    if (!m) return unauthorized(c, header ? 'the Authorization header does not hold a Relance API key' : 'send Authorization: Bearer <API key>');
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, m[1]!));
    const presented = Buffer.from(hashApiKey(key), 'hex');
    // Compared even when no row matched, so timing does not tell whether a prefix exists.
    const stored = Buffer.from(row?.secretHash ?? '0'.repeat(64), 'hex');
    if (!row || !timingSafeEqual(presented, stored) || row.revokedAt) return unauthorized(c, 'unknown or revoked API key');
    c.set('principal', { workspaceId: row.workspaceId, keyId: row.id, role: row.role, userId: row.userId });
    const now = Date.now();
    if ((lastUsedWrites.get(row.id) ?? 0) < now - 60_000) {
      lastUsedWrites.set(row.id, now);
      if (lastUsedWrites.size > 10_000) lastUsedWrites.clear();
      await db.update(apiKeys).set({ lastUsedAt: new Date(now) }).where(eq(apiKeys.id, row.id));
    }
    await next();
  };
}

function unauthorized(c: Context, detail: string) {
  c.header('WWW-Authenticate', 'Bearer realm="relance"');
  return problem(c, 'unauthorized', 401, { detail });
}

/** Admin may do everything; other roles only what they are listed for. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const { role } = c.get('principal');
    if (role !== 'admin' && !roles.includes(role)) {
      return problem(c, 'forbidden', 403, { detail: `this operation needs the ${['admin', ...roles].join(', ')} role; the key is ${role}` });
    }
    await next();
  };
}

/** The principal of a request that went through `authenticate`. */
export const principalOf = (c: Context) => (c as Context<AuthEnv>).get('principal');

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
