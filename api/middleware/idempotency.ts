// Idempotency-Key on POST: the first request's response is stored and answered again to a retry
// by the same API key with the same method, path and body, without running it twice. The same
// key with another request is refused; a retry while the first still runs gets 409.
//
// The record belongs to the API key that made it, and the replay runs as route middleware after
// the role check (api/access.ts): an answer is never replayed to a key that may not make the
// request, nor to another key (some answers carry a secret shown once: a new API key, a signing
// secret). Stored answers are sealed.
//
// A running request holds its record by a lease it renews; if its process dies, the lease runs
// out and the client's retry runs the request again instead of getting 409 for a day.
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../../db/client.js';
import type { SecretBox } from '../../security/secrets.js';
import { idempotencyKeys } from '../../db/schema.js';
import { problem } from '../problem.js';
import { principalOf } from './auth.js';

/** Keys are kept a day: long enough for any client's retries. */
const RETENTION_MS = 24 * 3600_000;
/** How long a running request holds its record without renewing it. */
export const LEASE_MS = 30_000;
const RENEW_EVERY_MS = 10_000;
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export type IdempotencyStore = { db: Database; box: SecretBox; leaseMs?: number };
type StoreEnv = { Variables: { idempotencyStore: IdempotencyStore } };

/** App-level: makes the store available to the routes' `replayOrRecord`. */
export function idempotencyStore(store: IdempotencyStore): MiddlewareHandler<StoreEnv> {
  return async (c, next) => {
    c.set('idempotencyStore', store);
    await next();
  };
}

/** What makes two requests "the same" for a key: method, path and the exact body. */
export function requestFingerprint(method: string, path: string, body: Uint8Array | string): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(body).digest('hex');
}

const sweeps = new WeakMap<Database, number>();

async function sweep(db: Database, now: number) {
  if (now - (sweeps.get(db) ?? 0) < 600_000) return;
  sweeps.set(db, now);
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now - RETENTION_MS)));
}

function keyProblem(c: Context) {
  return problem(c, 'malformed-request', 400, {
    detail: 'header.idempotency-key: 1 to 255 visible ASCII characters',
    errors: [{ field: 'header.idempotency-key', message: '1 to 255 visible ASCII characters' }],
  });
}

/** Route-level, after the role check: replays a stored answer or records this one. */
export function replayOrRecord(): MiddlewareHandler {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) return keyProblem(c);
    const { db, box, leaseMs = LEASE_MS } = (c as Context<StoreEnv>).get('idempotencyStore');
    const { workspaceId, keyId, sessionId } = principalOf(c);
    // Records belong to API keys; a console session does not replay (the console does not retry a POST).
    if (sessionId) return next();
    const body = await c.req.raw.clone().arrayBuffer();
    const fingerprint = requestFingerprint(c.req.method, c.req.path, new Uint8Array(body));
    const now = Date.now();
    await sweep(db, now);
    const lease = () => new Date(Date.now() + leaseMs);

    let [claimed] = await db
      .insert(idempotencyKeys)
      .values({ workspaceId, apiKeyId: keyId, key, fingerprint, lockedUntil: lease() })
      .onConflictDoNothing()
      .returning({ id: idempotencyKeys.id });
    if (!claimed) {
      const mine = and(eq(idempotencyKeys.apiKeyId, keyId), eq(idempotencyKeys.key, key));
      const [prior] = await db.select().from(idempotencyKeys).where(mine);
      if (!prior) return problem(c, 'request-in-progress', 409, { detail: 'retry in a moment' });
      if (prior.fingerprint !== fingerprint) {
        return problem(c, 'idempotency-key-reused', 422, {
          detail: 'this Idempotency-Key was used for another request (method, path or body differ)',
          errors: [{ field: 'header.idempotency-key', message: 'already used with a different request' }],
        });
      }
      if (prior.statusCode !== null) {
        // Answers stored before they were sealed are plain JSON (never starting with the seal's 'v1.').
        const stored = prior.responseBody?.startsWith('v1.') ? box.open(prior.responseBody) : prior.responseBody;
        // 204, 205 and 304 carry no body: a Response refuses one, even empty.
        const nullBody = [204, 205, 304].includes(prior.statusCode);
        return new Response(nullBody ? null : stored, {
          status: prior.statusCode,
          headers: { 'content-type': prior.responseType ?? 'application/json', 'idempotent-replayed': 'true', 'cache-control': 'no-store' },
        });
      }
      // Still running, unless its lease ran out: then the first request died and this one takes over.
      [claimed] = await db
        .update(idempotencyKeys)
        .set({ lockedUntil: lease() })
        .where(and(eq(idempotencyKeys.id, prior.id), isNull(idempotencyKeys.statusCode), or(isNull(idempotencyKeys.lockedUntil), lt(idempotencyKeys.lockedUntil, new Date()))))
        .returning({ id: idempotencyKeys.id });
      if (!claimed) {
        c.header('Retry-After', String(Math.max(1, Math.ceil(leaseMs / 1000))));
        return problem(c, 'request-in-progress', 409, { detail: 'the first request with this Idempotency-Key is still running' });
      }
    }
    const id = claimed.id;
    const renew = setInterval(() => {
      void db.update(idempotencyKeys).set({ lockedUntil: lease() }).where(eq(idempotencyKeys.id, id)).catch(() => {});
    }, Math.min(RENEW_EVERY_MS, leaseMs / 3));
    try {
      await next();
    } catch (err) {
      clearInterval(renew);
      await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
      throw err;
    }
    clearInterval(renew);
    // A server error is not a result: the key is released so a retry runs again.
    if (c.res.status >= 500) {
      await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
      return;
    }
    const text = await c.res.clone().text();
    await db
      .update(idempotencyKeys)
      .set({ statusCode: c.res.status, responseBody: box.seal(text), responseType: c.res.headers.get('content-type'), lockedUntil: null })
      .where(eq(idempotencyKeys.id, id));
  };
}
