// The console's figures (issue 18, §5), in Debian's Chromium against the real API and worker:
// console_js_kb_gz (the first page's JavaScript, gzipped), console_queue_ready_ms (the rep's
// queue shown, median of fresh page loads, with 10,000 open tasks in the workspace and 300 for
// the rep) and console_outcome_next_ms_p95 (an outcome submitted in call block mode to the next
// call shown: the completion goes through the enrollment's workflow).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Client } from '@temporalio/client';
import { and, count, eq, sql } from 'drizzle-orm';
import { chromium } from 'playwright-core';
import { createApp } from '../api/app.js';
import { hashPassword } from '../api/auth/passwords.js';
import { startHttpServer } from '../api/server.js';
import { enroll } from '../api/services/enroll.js';
import { installDefaultSequences } from '../api/services/sequences.js';
import type { Database } from '../db/client.js';
import { userPasswords } from '../db/auth-schema.js';
import { prospects, sequences, tasks, users, workspaces } from '../db/schema.js';
import { ensureConsoleBuild } from '../runtime/console-bundle.js';
import type { ProcessSecurity } from '../runtime/secret-key.js';
import { runProvisioningScript } from '../scripts/lib/run-script.js';
import { percentile, pool } from './pool.js';

export type ConsoleFigures = { console_js_kb_gz: number; console_queue_ready_ms: number; console_outcome_next_ms_p95: number; console_outcomes: number };

const REP_TASKS = 300;
const WORKSPACE_TASKS = 10_000;
const LOADS = Number(process.env.BENCH_CONSOLE_LOADS ?? 7);
const OUTCOMES = Number(process.env.BENCH_CONSOLE_OUTCOMES ?? 40);
const log = (m: string) => process.stderr.write(`[bench] console: ${m}\n`);

/** The JavaScript index.html loads first, gzipped, in KB. */
export function consoleJsKbGz(dir: string): number {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = scripts.reduce((n, s) => n + gzipSync(readFileSync(join(dir, s)), { level: 9 }).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

export async function measureConsole(opts: { db: Database; temporal: Client; taskQueue: string; security: ProcessSecurity }): Promise<ConsoleFigures> {
  const { db, temporal, taskQueue } = opts;
  const [dir, executablePath] = await Promise.all([ensureConsoleBuild(), runProvisioningScript('ensure-chromium.sh')]);
  const alwaysOpen = { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0, maxTouchesPerWeek: 1000 };
  const [ws] = await db.insert(workspaces).values({ name: 'Console bench', timeZone: 'UTC', timingRules: alwaysOpen }).returning();
  const workspaceId = ws!.id;
  await installDefaultSequences(db, workspaceId);
  const [rep] = await db.insert(users).values({ workspaceId, email: 'console-rep@bench.test', name: 'Console Rep', callsPerHour: 60 }).returning();
  const password = 'bench password 123';
  await db.insert(userPasswords).values({ userId: rep!.id, workspaceId, signInEmail: 'console-rep@bench.test', passwordHash: await hashPassword(password) });
  // The rest of the workspace's open tasks belong to 29 other reps.
  const others = await db.insert(users).values(Array.from({ length: 29 }, (_, i) => ({ workspaceId, email: `other-${i}@bench.test`, name: `Other ${i}` }))).returning({ id: users.id });
  await db.execute(sql`
    insert into tasks (workspace_id, rep_id, step_key, kind, title, due_at, status, prep)
    select ${workspaceId}::uuid, (${sql.raw(`array[${others.map((o) => `'${o.id}'::uuid`).join(',')}]`)})[1 + (g % ${others.length})],
           'console-bench#' || g, 'call', 'Call prospect ' || g, now() + (g % 5000) * interval '1 minute', 'open', '{}'::jsonb
    from generate_series(1, ${WORKSPACE_TASKS - REP_TASKS}) g`);
  // The rep's 300 are real inbound calls, each its enrollment's workflow waiting for the outcome.
  const inserted = await db
    .insert(prospects)
    .values(Array.from({ length: REP_TASKS }, (_, i) => ({ workspaceId, email: `lead${i}@bench.test`, firstName: `Lead${i}`, lastName: 'Inbound', title: 'CFO', phone: '+33 1 00 00 00 00', timeZone: 'Europe/Paris' })))
    .returning({ id: prospects.id });
  const [inbound] = await db.select().from(sequences).where(and(eq(sequences.workspaceId, workspaceId), eq(sequences.key, 'expected-callback')));
  await pool(REP_TASKS, 16, (i) => enroll({ db, temporal, taskQueue }, workspaceId, { prospectId: inserted[i]!.id, sequenceId: inbound!.id, repId: rep!.id, context: 'the pricing page' }));
  for (const started = Date.now(); ; ) {
    const [n] = await db.select({ n: count() }).from(tasks).where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.repId, rep!.id), eq(tasks.status, 'open')));
    if ((n?.n ?? 0) >= REP_TASKS) break;
    if (Date.now() - started > 300_000) throw new Error(`only ${n?.n} of the rep's ${REP_TASKS} tasks were opened`);
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`seeded ${WORKSPACE_TASKS} open tasks, ${REP_TASKS} for the rep`);

  const server = await startHttpServer(createApp({ ...opts.security, db, temporal, taskQueue, consoleDir: dir, rateLimit: { perSecond: 1000, burst: 1000 } }), '127.0.0.1', 0);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    const signIn = await fetch(`${server.url}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'console-rep@bench.test', password }) });
    if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
    const cookies = signIn.headers.getSetCookie().map((c) => {
      const [name, value] = c.split(';')[0]!.split('=');
      return { name: name!, value: value!, url: server.url };
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies(cookies);

    // A fresh page each time (the assets from the HTTP cache after the first, as a rep's browser has them).
    const ready: number[] = [];
    for (let i = 0; i < LOADS + 1; i++) {
      const page = await context.newPage();
      page.on('pageerror', (e) => log(`page error: ${e.message}`));
      const t = performance.now();
      await page.goto(`${server.url}/#/queue`);
      await page.locator('.tasks li').first().waitFor({ timeout: 20_000 }).catch(async (err: unknown) => {
        throw new Error(`the queue did not show: ${(await page.locator('body').textContent())?.slice(0, 300)}`, { cause: err });
      });
      if (i > 0) ready.push(performance.now() - t);
      await page.close();
    }
    log(`queue ready (ms): ${ready.map((r) => r.toFixed(0)).join(' ')}`);

    const page = await context.newPage();
    await page.goto(`${server.url}/#/call`);
    const title = page.locator('#call-title');
    await title.waitFor();
    const next: number[] = [];
    for (let i = 0; i < OUTCOMES; i++) {
      const before = await title.textContent();
      await page.getByRole('radio', { name: /No answer/ }).check();
      const t = performance.now();
      await page.getByRole('button', { name: 'Log outcome and next call' }).click();
      await page.waitForFunction((prev) => document.querySelector('#call-title')?.textContent !== prev, before);
      next.push(performance.now() - t);
    }
    log(`outcome to next call (ms): p50 ${percentile([...next].sort((a, b) => a - b), 50).toFixed(0)}`);
    return {
      console_js_kb_gz: consoleJsKbGz(dir),
      console_queue_ready_ms: Math.round(percentile([...ready].sort((a, b) => a - b), 50)),
      console_outcome_next_ms_p95: Math.round(percentile([...next].sort((a, b) => a - b), 95)),
      console_outcomes: next.length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
