// Live queue: server-sent events telling a console that a rep's queue changed (a task added,
// moved, done), so it reloads the queue through the public API. Checked like the queue itself
// (GET /v1/reps/{repId}/tasks): the same roles, a rep only their own, a manager their reps'.
// Not in the OpenAPI document: a stream has no end for a generated client or the fuzzer to wait for.
import { Hono } from 'hono';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { streamSSE } from 'hono/streaming';
import type { Database } from '../../db/client.js';
import { userSessions } from '../../db/auth-schema.js';
import { tasks, users } from '../../db/schema.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, requireRole, type AuthEnv, type Principal } from '../middleware/auth.js';
import { problem } from '../problem.js';
import { managesRep } from '../auth/reports.js';

const POLL_MS = 1000;
/** A stream ends after this long; EventSource reconnects by itself (and a stopping server is not held open). */
const STREAM_MS = 25_000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Changes whenever a task of the queue is added, moved, re-ranked or closed. */
async function queueSignature(db: Database, workspaceId: string, repId: string): Promise<string> {
  const [row] = await db
    .select({ sig: sql<string>`coalesce(md5(string_agg(${tasks.id}::text || ${tasks.status} || ${tasks.dueAt}::text || ${tasks.queueRank}::text, ',' order by ${tasks.id})), '')` })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.repId, repId), inArray(tasks.status, ['open', 'upcoming'])));
  return row?.sig ?? '';
}

async function sessionLive(db: Database, p: Principal): Promise<boolean> {
  if (!p.sessionId) return true;
  const [row] = await db.select({ id: userSessions.id }).from(userSessions).where(and(eq(userSessions.id, p.sessionId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, new Date())));
  return Boolean(row);
}

export function taskEventRoutes({ db }: ApiDeps) {
  const app = new Hono<AuthEnv>();
  app.get('/v1/reps/:repId/tasks/events', requireRole('ops', 'rep'), async (c) => {
    const p = principalOf(c);
    const repId = c.req.param('repId');
    const notFound = () => problem(c, 'not-found', 404, { detail: 'no such rep in this workspace' });
    if (!uuidPattern.test(repId)) return notFound();
    if (p.role === 'rep' && p.userId !== repId && !(await managesRep(db, p, repId))) return notFound();
    const [rep] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, repId), eq(users.workspaceId, p.workspaceId)));
    if (!rep) return notFound();
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => void (open = false));
      const until = Date.now() + STREAM_MS;
      let last = await queueSignature(db, p.workspaceId, repId);
      await stream.writeSSE({ event: 'ready', data: last, retry: 1000 });
      while (open && Date.now() < until) {
        await stream.sleep(POLL_MS);
        try {
          if (!(await sessionLive(db, p))) {
            await stream.writeSSE({ event: 'signed-out', data: '' });
            break;
          }
          const now = await queueSignature(db, p.workspaceId, repId);
          if (now !== last) await stream.writeSSE({ event: 'tasks', data: now });
          last = now;
        } catch {
          // The database went away (a restart, a stopping process): end the stream; the browser reconnects.
          break;
        }
      }
    });
  });
  return app;
}
