// tasks_p99_ms: GET of a rep's queue over real HTTP at a steady 200 requests/s, with 100,000
// tasks in the database. Ten reps read their own queue with their own rep keys (so the per-key
// rate limit is what production applies), open loop: a slow answer does not slow the senders.
import { sql } from 'drizzle-orm';
import type { RelanceApp } from '../api/app.js';
import { generateApiKey } from '../api/middleware/auth.js';
import { startHttpServer } from '../api/server.js';
import type { Database } from '../db/client.js';
import { apiKeys, users } from '../db/schema.js';
import { percentile } from './pool.js';

export type TaskQueueFigures = { tasks_in_db: number; tasks_requests: number; tasks_p50_ms: number; tasks_p99_ms: number; tasks_errors: number };

export async function measureTaskQueue(opts: { db: Database; app: RelanceApp; workspaceId: string; tasks?: number; ratePerS?: number; seconds?: number }): Promise<TaskQueueFigures> {
  const { db, workspaceId } = opts;
  const total = opts.tasks ?? 100_000;
  const rate = opts.ratePerS ?? 200;
  const seconds = opts.seconds ?? 15;
  const reps = await db
    .insert(users)
    .values(Array.from({ length: 10 }, (_, i) => ({ workspaceId, email: `queue-rep-${i}@bench.test`, name: `Queue Rep ${i}` })))
    .returning({ id: users.id });
  // Spread over the reps, a third of them closed, due times from a week ago to a month ahead;
  // about one in 50 an announced call and one in 200 an inbound lead's call, for every rep (ranked first once due).
  await db.execute(sql`
    insert into tasks (workspace_id, rep_id, step_key, kind, title, due_at, status, prep, queue_rank)
    select ${workspaceId}::uuid,
           (${sql.raw(`array[${reps.map((r) => `'${r.id}'::uuid`).join(',')}]`)})[1 + (g % ${reps.length})],
           'bench#' || g, 'call', 'Call prospect ' || g,
           now() - interval '7 days' + (g % 50000) * interval '1 minute',
           case when g % 3 = 0 then 'done' else 'open' end,
           jsonb_build_object('context', repeat('c', 200), 'decisionMaker', jsonb_build_object('name', 'Prospect ' || g)),
           case when g % 199 = 1 then 0 when g % 47 = 2 then 1 else 2 end
    from generate_series(1, ${total}) g`);
  // Vacuum and checkpoint now, or autovacuum of the 100,000 new rows and the checkpoint of their
  // WAL land in the middle of the measurement (its p99 went from 13 to 77 ms between two runs).
  await db.execute(sql`vacuum analyze tasks`);
  await db.execute(sql`checkpoint`);
  const keys: Array<{ repId: string; key: string }> = [];
  for (const r of reps) {
    const k = generateApiKey();
    await db.insert(apiKeys).values({ workspaceId, name: 'queue bench', role: 'rep', userId: r.id, prefix: k.prefix, secretHash: k.secretHash });
    keys.push({ repId: r.id, key: k.key });
  }
  const server = await startHttpServer(opts.app, '127.0.0.1', 0);
  try {
    const get = async (i: number) => {
      const { repId, key } = keys[i % keys.length]!;
      const t = performance.now();
      const res = await fetch(`${server.url}/v1/reps/${repId}/tasks`, { headers: { authorization: `Bearer ${key}` } });
      await res.arrayBuffer();
      return { ms: performance.now() - t, ok: res.status === 200 };
    };
    for (let i = 0; i < 50; i++) await get(i); // warm-up: connections, query plans
    const n = rate * seconds;
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        new Promise<{ ms: number; ok: boolean }>((resolve) => {
          setTimeout(() => void get(i).then(resolve, () => resolve({ ms: Infinity, ok: false })), Math.max(0, started + (i * 1000) / rate - performance.now()));
        }),
      ),
    );
    const ms = results.filter((r) => r.ok).map((r) => r.ms).sort((a, b) => a - b);
    return {
      tasks_in_db: total,
      tasks_requests: n,
      tasks_p50_ms: Number(percentile(ms, 50).toFixed(1)),
      tasks_p99_ms: Number(percentile(ms, 99).toFixed(1)),
      tasks_errors: results.filter((r) => !r.ok).length,
    };
  } finally {
    await server.close();
  }
}
