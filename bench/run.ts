// `npm run bench`: throughput and latency of the cadence engine against the real Temporal dev
// server and PostgreSQL. Prints progress on stderr and one JSON line of figures on stdout.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { installDefaultSequences, createSequence } from '../api/services/sequences.js';
import { createApp } from '../api/app.js';
import { enroll } from '../api/services/enroll.js';
import { importProspects } from '../api/services/prospect-import.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { prospects, sequences, tasks, touches, users, workspaces } from '../db/schema.js';
import { parseSequenceDefinition } from '../domain/sequences/index.js';
import { bundleEntry } from '../runtime/entry-bundle.js';
import { processSecurity } from '../runtime/secret-key.js';
import { ensureWorkflowBundle } from '../runtime/workflow-bundle.js';
import { startThrowawayPostgres } from '../scripts/lib/pg-cluster.js';
import { freePort } from '../scripts/lib/ports.js';
import { startTemporalDevServer } from '../scripts/lib/temporal-dev-server.js';
import { percentile, pool } from './pool.js';
import { measureTaskQueue } from './task-queue.js';
import { measureReports } from './reports.js';
import { measureWebhookLag } from './webhooks.js';
import { measureConsole } from './console.js';
import { measureImapReplies } from './imap.js';

const ENROLLMENTS = Number(process.env.BENCH_ENROLLMENTS ?? 10_000);
const BURST = Number(process.env.BENCH_BURST ?? 5_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Unmeasured starts of each kind before the rounds (one-time costs: JIT, first statements). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
// The worker is background work: on a shared host the API and Temporal go first (docker-compose
// gives the worker fewer CPU shares); durable timers and queues absorb its lag.
const WORKER_NICE = Number(process.env.BENCH_WORKER_NICE ?? 10);
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const seconds = (ms: number) => ms / 1000;

const cluster = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres();
const databaseUrl = process.env.DATABASE_URL ?? cluster!.url;
// The worker runs bundled, as deployments run it (Dockerfile, `npm run build`).
const [dev, bundle, workerEntry] = await Promise.all([
  freePort().then((port) => startTemporalDevServer({ port })),
  ensureWorkflowBundle(),
  bundleEntry('bench/worker-process.ts'),
]);
const handle = await openDatabase({ databaseUrl, maxConnections: 30 });
await migrateDatabase(handle);
const db = handle.db;
const client = new Client({ connection: await Connection.connect({ address: dev.address }) });
const taskQueue = 'bench';

// The worker in its own process, so its memory is measured alone.
let rssPeak = 0;
let workerCpuMs: { at: number; cpuMs: number }[] = [];
let peakSample: Record<string, number> = {};
// Heap cap as deployments run it (Dockerfile, npm run start:worker): V8 otherwise grows lazily.
const workerArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '--max-old-space-size=192 --max-semi-space-size=4').split(' ').filter(Boolean);
const worker = spawn(process.execPath, [...workerArgs, workerEntry], {
  env: { ...process.env, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1/32', DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: dev.address, TASK_QUEUE: taskQueue, WORKFLOW_BUNDLE: bundle, BENCH_OUTBOX_DIR: join(tmpdir(), `relance-bench-outbox-${process.pid}`) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (WORKER_NICE) setPriority(worker.pid!, WORKER_NICE);
/** Resolves once the worker has used less than 10% of a core over its last samples. */
async function workerIdle(): Promise<void> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const [first, last] = [workerCpuMs[0], workerCpuMs.at(-1)];
    if (first && last && last.at > first.at && (last.cpuMs - first.cpuMs) / (last.at - first.at) < 0.1) return;
  }
}
worker.stdout.on('data', (d: Buffer) => {
  for (const line of d.toString().split('\n').filter(Boolean)) {
    try {
      const sample = JSON.parse(line) as { rss_mb: number; heap_mb: number; external_mb: number; cpu_ms: number };
      workerCpuMs = [...workerCpuMs.slice(-3), { at: performance.now(), cpuMs: sample.cpu_ms }];
      if (process.env.BENCH_TRACE_RSS) log(`worker ${line}`);
      if (sample.rss_mb > rssPeak) {
        rssPeak = sample.rss_mb;
        peakSample = sample;
      }
    } catch {
      /* not a sample */
    }
  }
});

try {
  // A workspace, one rep, and enough prospects; always-open timing so nothing waits for a window.
  const alwaysOpen = { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0, maxTouchesPerWeek: 1000 };
  const [ws] = await db.insert(workspaces).values({ name: 'Bench', timeZone: 'UTC', timingRules: alwaysOpen }).returning();
  await installDefaultSequences(db, ws!.id);
  const [rep] = await db.insert(users).values({ workspaceId: ws!.id, email: 'rep@bench.test', name: 'Bench Rep', callsPerHour: 60 }).returning();
  const total = ENROLLMENTS + BURST;
  for (let i = 0; i < total; i += 1000) {
    await db.insert(prospects).values(
      Array.from({ length: Math.min(1000, total - i) }, (_, k) => ({ workspaceId: ws!.id, email: `p${i + k}@bench.test`, firstName: `P${i + k}`, lastName: 'Bench', timeZone: 'UTC' })),
    );
  }
  // Warm-up prospects sort after the measured ones (by email): ids[total...] are theirs.
  if (WARMUP > 0) {
    await db.insert(prospects).values(Array.from({ length: WARMUP }, (_, k) => ({ workspaceId: ws!.id, email: `w${k}@bench.test`, firstName: `W${k}`, lastName: 'Bench', timeZone: 'UTC' })));
  }
  const ids = (await db.select({ id: prospects.id }).from(prospects).where(eq(prospects.workspaceId, ws!.id)).orderBy(prospects.email)).map((r) => r.id);
  const [announced] = await db.select().from(sequences).where(eq(sequences.key, 'announced-call'));
  const deps = { db, temporal: client, taskQueue };
  log(`seeded ${total} prospects`);

  // The public API first, on a quiet system: one 10,000-row import, a rep's queue at 200
  // requests/s, webhook delivery lag. (Measured after the cadence phases on 2 cores, the
  // worker's leftovers disturb them: see the README.)
  // Quiet means the worker has booted (bundle loaded, sandbox built, pollers started) too.
  await workerIdle();
  const importRows = Array.from({ length: 10_000 }, (_, i) => ({ email: `import${i}@bench-${i % 500}.test`, firstName: `I${i}`, lastName: 'Import', country: 'FR', company: `Company ${i % 500}`, companyDomain: `bench-${i % 500}.test` }));
  let t = performance.now();
  const imported = await importProspects(db, ws!.id, importRows);
  const importPerS = importRows.length / seconds(performance.now() - t);
  log(`import: ${imported.created} created, ${imported.errors.length} row errors, ${importPerS.toFixed(0)} rows/s`);
  const security = processSecurity();
  const app = createApp({ ...security, db, temporal: client, taskQueue });
  const queue = await measureTaskQueue({ db, app, workspaceId: ws!.id });
  log(`task queue: ${JSON.stringify(queue)}`);
  // Outbound webhooks under a steady flow of events, delivered by the worker (allowed to reach
  // the local receiver through WEBHOOK_ALLOWED_HOSTS, set for it above).
  const hooks = await measureWebhookLag({ db, temporal: client, taskQueue, workspaceId: ws!.id, ratePerSecond: 50, durationSeconds: 20 });
  log(`webhooks: ${JSON.stringify(hooks)}`);
  // The reports over a large history seeded with SQL, in a workspace of their own (issue 19's target).
  const [reportsWs] = await db.insert(workspaces).values({ name: 'Reports bench', timeZone: 'UTC' }).returning();
  await installDefaultSequences(db, reportsWs!.id);
  const reportFigures = await measureReports({ db, app, workspaceId: reportsWs!.id, events: Number(process.env.BENCH_REPORT_EVENTS ?? 1_000_000), tasks: Number(process.env.BENCH_REPORT_TASKS ?? 200_000) });
  log(`reports: ${JSON.stringify(reportFigures)}`);
  // The console in Chromium, in a workspace of its own (10,000 open tasks, 300 real inbound calls for its rep).
  const consoleFigures = await measureConsole({ db, temporal: client, taskQueue, security });
  log(`console: ${JSON.stringify(consoleFigures)}`);
  // Hygiene before the rounds, as pgbench does: the API phases just wrote 100,000 tasks and
  // 10,000 prospects; vacuum and analyze them now rather than in the middle of some round.
  await db.execute(sql`vacuum analyze`);
  await db.execute(sql`checkpoint`);
  await workerIdle();

  // Baseline (a bare one-timer workflow, started the same way: same client and concurrency) and
  // enrollments (through the service the API uses: checks, row, workflow start), in alternating
  // rounds. Each round starts with the worker idle, so neither side pays for the other's
  // leftovers, and a slow minute of a shared machine weighs on both sides alike.
  // Warm-up, unmeasured, the same for both sides: a deployment pays these one-time costs once.
  await pool(WARMUP, CONCURRENCY, (i) => client.workflow.start('timerBaselineWorkflow', { taskQueue, workflowId: `warmup-${i}`, args: [3_600_000] }));
  await pool(WARMUP, CONCURRENCY, (i) => enroll(deps, ws!.id, { prospectId: ids[total + i]!, sequenceId: announced!.id, repId: rep!.id, context: 'bench' }));
  await workerIdle();
  let baselineMs = 0;
  let enrollMs = 0;
  const perRound = Math.ceil(ENROLLMENTS / ROUNDS);
  for (let r = 0, done = 0; done < ENROLLMENTS; r++, done += perRound) {
    const n = Math.min(perRound, ENROLLMENTS - done);
    t = performance.now();
    await pool(n, CONCURRENCY, (i) => client.workflow.start('timerBaselineWorkflow', { taskQueue, workflowId: `baseline-${done + i}`, args: [3_600_000] }));
    baselineMs += performance.now() - t;
    await workerIdle();
    t = performance.now();
    await pool(n, CONCURRENCY, (i) => enroll(deps, ws!.id, { prospectId: ids[done + i]!, sequenceId: announced!.id, repId: rep!.id, context: 'bench' }));
    enrollMs += performance.now() - t;
    log(`round ${r + 1}: ${done + n} baseline starts at ${((done + n) / seconds(baselineMs)).toFixed(0)}/s, ${done + n} enrollments at ${((done + n) / seconds(enrollMs)).toFixed(0)}/s`);
    await workerIdle();
  }
  const baselinePerS = ENROLLMENTS / seconds(baselineMs);
  const enrollPerS = ENROLLMENTS / seconds(enrollMs);
  log(`baseline: ${baselinePerS.toFixed(0)} starts/s; enroll: ${enrollPerS.toFixed(0)} enrollments/s`);

  // The 08:00 burst as it happens: emails queued overnight wait for the send window to open.
  // Due far enough ahead for the enrollments to start and the workflows to stage their email.
  const STAGE_LEAD_MS = 10 * 60_000;
  const burstAt = new Date(Math.ceil((Date.now() + (BURST / 50) * 1000 + STAGE_LEAD_MS + 60_000) / 60_000) * 60_000);
  const hhmm = burstAt.toISOString().slice(11, 16);
  const burstDef = parseSequenceDefinition({
    schemaVersion: 1,
    key: 'burst',
    name: '08:00 burst',
    timing: { sendWindow: { start: hhmm, end: '23:59' } },
    steps: [{ id: 'morning-email', type: 'email', timing: { kind: 'immediately' }, template: { subject: 'Hello {{prospect.firstName}}', body: 'Calling you soon about {{context}}.' } }],
  });
  const { sequence: burstSeq } = await createSequence(db, ws!.id, burstDef);

  // The burst enrollments, right away: their email waits for the window to open at burstAt.
  t = performance.now();
  await pool(BURST, CONCURRENCY, (i) =>
    enroll(deps, ws!.id, { prospectId: ids[ENROLLMENTS + i]!, sequenceId: burstSeq.id, repId: rep!.id, context: 'the burst' }),
  );
  log(`burst enrolled in ${seconds(performance.now() - t).toFixed(1)} s; due at ${burstAt.toISOString()}`);
  const dueAt = burstAt;
  if (Date.now() > dueAt.getTime() - STAGE_LEAD_MS) log('warning: the burst was enrolled too late to be staged ahead');

  // Meanwhile the first steps of the enrollments (LinkedIn note tasks) drain.
  const drainStart = performance.now();
  for (;;) {
    // The queue phase's tasks belong to no enrollment; each enrollment's first step opens one.
    const [n] = await db.select({ n: count() }).from(tasks).where(and(eq(tasks.workspaceId, ws!.id), isNotNull(tasks.enrollmentId)));
    if ((n?.n ?? 0) >= ENROLLMENTS + WARMUP || performance.now() - drainStart > 900_000) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  log(`first steps of ${ENROLLMENTS} enrollments done ${seconds(performance.now() - drainStart).toFixed(1)} s after the last burst start`);
  // Staging opens 10 minutes before the due time; count what is queued 30 s before it.
  const countAt = dueAt.getTime() - 30_000;
  if (Date.now() < countAt) await new Promise((r) => setTimeout(r, countAt - Date.now()));
  const [staged] = await db.select({ n: count() }).from(touches).where(eq(touches.workspaceId, ws!.id));
  log(`${staged?.n ?? 0}/${BURST} burst emails staged ${seconds(dueAt.getTime() - Date.now()).toFixed(0)} s before they are due`);
  const burstDeadline = dueAt.getTime() + 600_000;
  for (;;) {
    const [n] = await db.select({ n: count() }).from(touches).where(and(eq(touches.workspaceId, ws!.id), eq(touches.status, 'sent')));
    if ((n?.n ?? 0) >= BURST || Date.now() > burstDeadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const rows = await db
    .select({ ms: sql<string>`extract(epoch from (${touches.sentAt} - ${dueAt.toISOString()}::timestamptz)) * 1000` })
    .from(touches)
    .where(and(eq(touches.workspaceId, ws!.id), eq(touches.status, 'sent')));
  const lateness = rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
  log(`burst: ${lateness.length}/${BURST} emails handed to the provider`);

  // Replies over IMAP: a worker of its own watching BENCH_IMAP_MAILBOXES mailboxes (0: skipped) on a local Dovecot.
  const imapFigures = Number(process.env.BENCH_IMAP_MAILBOXES ?? 500) > 0 ? await measureImapReplies({ db, databaseUrl, temporal: client, temporalAddress: dev.address, workerEntry, bundle, log }) : {};
  log(`imap: ${JSON.stringify(imapFigures)}`);

  // History size of one whole default cadence, from the recorded run replayed by the tests.
  // The whole default cadence as today's code records it (one local activity per step entry).
  const recorded = JSON.parse(readFileSync(new URL('../tests/histories/announced-call-paris-meeting.json', import.meta.url), 'utf8')) as { events: unknown[] };

  const figures = {
    enrollments: ENROLLMENTS,
    concurrency: CONCURRENCY,
    enroll_per_s: Math.round(enrollPerS),
    baseline_start_per_s: Math.round(baselinePerS),
    enroll_vs_baseline: Number((enrollPerS / baselinePerS).toFixed(3)),
    burst_size: BURST,
    burst_sent: lateness.length,
    burst_lateness_ms_p50: Math.round(percentile(lateness, 50)),
    burst_lateness_ms_p99: Math.round(percentile(lateness, 99)),
    worker_rss_mb_peak: Math.round(rssPeak),
    history_events_per_cadence: recorded.events.length,
    import_prospects_per_s: Math.round(importPerS),
    ...queue,
    ...hooks,
    ...reportFigures,
    ...consoleFigures,
    ...imapFigures,
  };
  log(`worker memory at its peak: ${JSON.stringify(peakSample)}`);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  await client.connection.close();
  await handle.close();
  await dev.stop();
  await cluster?.stop();
}
