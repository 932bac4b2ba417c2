// Replies read over IMAP at scale: one worker process (its own, so its memory is measured alone)
// watches BENCH_IMAP_MAILBOXES mailboxes on a local Dovecot, each with a live cadence whose email
// left from it; one reply per mailbox is APPENDed, and the time from the APPEND to the enrollment
// row's stop (`completed_at`) is measured. The worker's resident memory is sampled while every
// watcher is connected.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { enroll } from '../api/services/enroll.js';
import { createSequence } from '../api/services/sequences.js';
import type { Database } from '../db/client.js';
import { enrollments, mailboxes, prospects, touches, users, workspaces } from '../db/schema.js';
import { parseSequenceDefinition } from '../domain/sequences/index.js';
import { startTestImapServer } from '../scripts/lib/dovecot.js';
import { secretBoxFromEnv } from '../runtime/secret-key.js';
import { percentile, pool } from './pool.js';

export type ImapBenchOptions = { db: Database; databaseUrl: string; temporal: Client; temporalAddress: string; workerEntry: string; bundle: string; mailboxes?: number; log: (m: string) => void };

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`imap bench: ${what} not reached in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function measureImapReplies(o: ImapBenchOptions) {
  const n = o.mailboxes ?? Number(process.env.BENCH_IMAP_MAILBOXES ?? 500);
  const { db, log } = o;
  const taskQueue = 'bench-imap';
  const users_ = Array.from({ length: n }, (_, i) => ({ username: `rep${i}@imap.bench.test`, password: `imap-pass-${i}` }));
  const imap = await startTestImapServer(users_);
  const secrets = secretBoxFromEnv();
  const alwaysOpen = { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0, maxTouchesPerWeek: 1000 };
  const [ws] = await db.insert(workspaces).values({ name: 'Bench IMAP', timeZone: 'UTC', timingRules: alwaysOpen }).returning();
  const [rep] = await db.insert(users).values({ workspaceId: ws!.id, email: 'sdr@imap.bench.test', name: 'Bench SDR' }).returning();
  const boxes = await db
    .insert(mailboxes)
    .values(
      users_.map((u, i) => ({
        workspaceId: ws!.id, userId: rep!.id, address: u.username, provider: 'smtp' as const, isDefault: i === 0,
        settings: { host: '127.0.0.1', port: 2525, secure: false, requireTls: false, username: u.username }, sealedSecret: secrets.seal('smtp-unused'),
        imapSettings: { host: imap.host, port: imap.port, secure: false, requireTls: false, username: u.username }, imapSealedSecret: secrets.seal(u.password),
      })),
    )
    .returning({ id: mailboxes.id });
  const people = await db
    .insert(prospects)
    .values(users_.map((_, i) => ({ workspaceId: ws!.id, email: `prospect${i}@globex.bench.test`, firstName: `P${i}`, lastName: 'Bench', timeZone: 'UTC' })))
    .returning({ id: prospects.id });
  // A cadence that stays active: its only step is a task two days out.
  const { sequence } = await createSequence(db, ws!.id, parseSequenceDefinition({ schemaVersion: 1, key: 'imap-bench', name: 'IMAP bench', steps: [{ id: 'research', type: 'task', title: 'Research the account', timing: { kind: 'after', minutes: 2880 } }] }));
  const ids: string[] = new Array<string>(n);
  await pool(n, 16, async (i) => {
    const r = await enroll({ db, temporal: o.temporal, taskQueue }, ws!.id, { prospectId: people[i]!.id, sequenceId: sequence.id, repId: rep!.id });
    ids[i] = r.row.id;
  });
  await db.insert(touches).values(
    ids.map((enrollmentId, i) => ({
      workspaceId: ws!.id, enrollmentId, prospectId: people[i]!.id, stepKey: 'intro#1', channel: 'email' as const, provider: 'smtp' as const, status: 'sent' as const,
      toAddress: `prospect${i}@globex.bench.test`, subject: 'A quick call on Tuesday?', mailboxId: boxes[i]!.id, messageId: `<bench.${i}@relance.bench.test>`, sentAt: new Date(),
    })),
  );
  log(`imap: ${n} mailboxes, enrollments and sent emails seeded`);

  let rssMax = 0;
  let measuring = false;
  const t0 = performance.now();
  const worker = spawn(process.execPath, ['--max-old-space-size=192', '--max-semi-space-size=4', o.workerEntry], {
    env: { ...process.env, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1/32', DATABASE_URL: o.databaseUrl, TEMPORAL_ADDRESS: o.temporalAddress, TASK_QUEUE: taskQueue, WORKFLOW_BUNDLE: o.bundle, BENCH_IMAP_WATCHERS: String(n), BENCH_OUTBOX_DIR: join(tmpdir(), `relance-bench-imap-${process.pid}`) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  worker.stdout.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n').filter(Boolean)) {
      try {
        const sample = JSON.parse(line) as { rss_mb: number };
        if (measuring && sample.rss_mb > rssMax) rssMax = sample.rss_mb;
      } catch {
        /* a log line */
      }
    }
  });
  try {
    await until('enrollments active', 300_000, async () => (await db.select({ c: count() }).from(enrollments).where(and(eq(enrollments.workspaceId, ws!.id), eq(enrollments.status, 'active'))))[0]!.c === n);
    await until('every mailbox read', 600_000, async () => (await db.select({ c: count() }).from(mailboxes).where(and(eq(mailboxes.workspaceId, ws!.id), isNotNull(mailboxes.imapCheckedAt))))[0]!.c === n);
    log(`imap: ${n} watchers connected and every folder read ${((performance.now() - t0) / 1000).toFixed(1)} s after the worker started`);
    measuring = true;
    // One reply per mailbox, four APPEND sessions at a time; the APPEND's answer is the arrival.
    const arrived = new Map<string, number>();
    await pool(n, 4, async (i) => {
      const raw = [`From: P${i} <prospect${i}@globex.bench.test>`, `To: ${users_[i]!.username}`, 'Subject: Re: A quick call on Tuesday?', `Message-ID: <reply.${i}@globex.bench.test>`, `In-Reply-To: <bench.${i}@relance.bench.test>`, `Date: ${new Date().toUTCString()}`, '', 'Sure, call me.', ''].join('\r\n');
      await imap.deliver(users_[i]!, raw);
      arrived.set(ids[i]!, Date.now());
    });
    log(`imap: ${n} replies delivered`);
    await until('every cadence stopped', 600_000, async () => (await db.select({ c: count() }).from(enrollments).where(and(eq(enrollments.workspaceId, ws!.id), eq(enrollments.status, 'stopped'))))[0]!.c === n);
    const rows = await db
      .select({ id: enrollments.id, at: sql<string>`(extract(epoch from ${enrollments.completedAt}) * 1000)::float8` })
      .from(enrollments)
      .where(and(eq(enrollments.workspaceId, ws!.id), inArray(enrollments.id, ids)));
    const lags = rows.map((r) => Number(r.at) - arrived.get(r.id)!).sort((a, b) => a - b);
    // A few more samples with every watcher back in IDLE.
    await new Promise((r) => setTimeout(r, 3000));
    return { imap_mailboxes: n, imap_reply_to_stop_ms_p50: Math.round(percentile(lags, 50)), imap_reply_to_stop_ms_p95: Math.round(percentile(lags, 95)), imap_watchers_rss_mb: Math.round(rssMax) };
  } finally {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
    await imap.close();
  }
}
