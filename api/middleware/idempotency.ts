// Idempotency-Key on POST: the first request's response is stored (per workspace and key) and
// answered again to a retry with the same method, path and body, without running it twice. The
// same key with another request is refused; a retry while the first still runs gets 409.
// Stored answers are sealed: some carry a secret shown once (a new API key, a signing secret).
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../db/client.js';
import type { SecretBox } from '../../security/secrets.js';
import { idempotencyKeys } from '../../db/schema.js';
import { problem } from '../problem.js';
import type { AuthEnv } from './auth.js';

/** Keys are kept a day: long enough for any client's retries. */
const RETENTION_MS = 24 * 3600_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function idempotency(db: Database, box: SecretBox): MiddlewareHandler<AuthEnv> {
  let lastSweep = 0;
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      return problem(c, 'malformed-request', 400, { detail: 'header.idempotency-key: 1 to 255 visible ASCII characters', errors: [{ field: 'header.idempotency-key', message: '1 to 255 visible ASCII characters' }] });
    }
    const { workspaceId } = c.get('principal');
    const body = await c.req.raw.clone().arrayBuffer();
    const fingerprint = createHash('sha256').update(`${c.req.method} ${c.req.path}\n`).update(new Uint8Array(body)).digest('hex');
    const now = Date.now();
    if (now - lastSweep > 600_000) {
      lastSweep = now;
      await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now - RETENTION_MS)));
    }
    const [claimed] = await db.insert(idempotencyKeys).values({ workspaceId, key, fingerprint }).onConflictDoNothing().returning({ id: idempotencyKeys.id });
    if (!claimed) {
      const [prior] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.workspaceId, workspaceId), eq(idempotencyKeys.key, key)));
      if (!prior) return problem(c, 'request-in-progress', 409, { detail: 'retry in a moment' });
      if (prior.fingerprint !== fingerprint) {
        return problem(c, 'idempotency-key-reused', 422, { detail: 'this Idempotency-Key was used for another request (method, path or body differ)', errors: [{ field: 'header.idempotency-key', message: 'already used with a different request' }] });
      }
      if (prior.statusCode === null) return problem(c, 'request-in-progress', 409, { detail: 'the first request with this Idempotency-Key is still running' });
      // Answers stored before they were sealed are plain JSON (never starting with the seal's 'v1.').
      const stored = prior.responseBody?.startsWith('v1.') ? box.open(prior.responseBody) : prior.responseBody;
      return new Response(stored, {
        status: prior.statusCode,
        headers: { 'content-type': prior.responseType ?? 'application/json', 'idempotent-replayed': 'true' },
      });
    }
    try {
      await next();
    } catch (err) {
      await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, claimed.id));
      throw err;
    }
    // A server error is not a result: the key is released so a retry runs again.
    if (c.res.status >= 500) {
      await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, claimed.id));
      return;
    }
    const text = await c.res.clone().text();
    await db
      .update(idempotencyKeys)
      .set({ statusCode: c.res.status, responseBody: box.seal(text), responseType: c.res.headers.get('content-type') })
      .where(eq(idempotencyKeys.id, claimed.id));
  };
}
