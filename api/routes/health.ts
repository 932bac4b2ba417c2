// GET /health: 200 when both the database and Temporal answer, else 503 naming what is down.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { ProblemError, problemResponse } from '../problem.js';
import type { ApiDeps } from '../deps.js';
import { defineRoute } from '../access.js';

const Check = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });
const Health = z.object({ status: z.literal('ok'), checks: z.object({ database: Check, temporal: Check }) }).openapi('Health');

const route = defineRoute({
  method: 'get',
  path: '/health',
  access: { public: 'a health probe: it says nothing but up or down' },
  tags: ['system'],
  summary: 'Liveness and dependencies',
  responses: {
    200: { content: { 'application/json': { schema: Health } }, description: 'Database and Temporal answer' },
    503: problemResponse('A dependency is down; `checks` tells which and why'),
  },
});

const TIMEOUT_MS = 3000;

async function timed(fn: () => Promise<unknown>): Promise<z.infer<typeof Check>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    const error = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, latencyMs: Math.round(performance.now() - started), error };
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono();
  app.openapi(route, async (c) => {
    const [database, temporal] = await Promise.all([
      timed(() => deps.db.execute(sql`select 1`)),
      timed(() => deps.temporal.workflowService.getSystemInfo({})),
    ]);
    const checks = { database, temporal };
    if (database.ok && temporal.ok) return c.json({ status: 'ok' as const, checks }, 200);
    const down = Object.entries(checks)
      .filter(([, v]) => !v.ok)
      .map(([k, v]) => `${k}: ${v.error}`);
    throw new ProblemError('service-unavailable', 503, down.join('; '), { checks });
  });
  return app;
}
