// SIGTERM to the worker's process group, as a container runtime or a service manager sends it,
// through `npm run start:worker` (npm, its shell and node all get it), in the middle of a burst
// over a slow SMTP server (1 s a message): the worker stops claiming, lets the sends in flight
// end, hands the rest back (`scheduled`, the attempt not counted) and exits within its grace
// period. Nothing is left `sending` (each would become uncertain); a worker started afterwards
// sends the rest, and every email is received exactly once.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { touches } from '../../db/schema.js';
import { deploymentEnv, killHard, startWorker, type RelanceProcess } from '../../drills/harness/processes.js';
import { startOutboxDispatcher } from '../../runtime/outbox-dispatcher.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { dueEmails, receivedCounts } from '../support/due-emails.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { testChannelRegistry } from '../support/temporal.js';
import { LOOPBACK_ALLOWED } from '../support/security.js';

const GRACE_SECONDS = 10;
let db: TestDatabase;
let smtp: TestSmtpServer;
let worker: RelanceProcess | undefined;

beforeAll(async () => {
  [db, smtp] = await Promise.all([createTestDatabase(), startTestSmtpServer()]);
});
afterAll(async () => {
  if (worker) await killHard(worker);
  await smtp?.close();
  await db?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGTERM to the worker process group mid-burst', () => {
  it('drains: in-flight sends end, the rest goes back to scheduled, the process exits in its grace period', async () => {
    const { ws, touches: staged } = await dueEmails(db.db, smtp, 100);
    smtp.setDataDelay(1000);
    const env = { ...deploymentEnv({ databaseUrl: db.url, temporalAddress: inject('temporalAddress'), taskQueue: `sigterm-${randomBytes(4).toString('hex')}` }), SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS) };
    worker = await startWorker(env, { viaNpm: true });
    await smtp.waitFor(3, 60_000);

    worker.killGroup('SIGTERM');
    // The grace period, and as much again for a loaded machine: then it is killed, and fails below.
    for (let waited = 0; worker.groupAlive() && waited < 2 * GRACE_SECONDS * 1000; waited += 100) await sleep(100);
    const exitedByItself = !worker.groupAlive();
    if (!exitedByItself) await killHard(worker);
    smtp.setDataDelay(0);

    const rows = await db.db.select().from(touches).where(eq(touches.workspaceId, ws));
    const counts = receivedCounts(smtp);
    expect(rows.filter((r) => r.status === 'sending')).toEqual([]);
    expect(exitedByItself).toBe(true);
    expect(worker.output()).toContain('"msg":"stopped"');
    const sent = rows.filter((r) => r.status === 'sent');
    const back = rows.filter((r) => r.status === 'scheduled');
    expect(sent.length + back.length).toBe(staged.length);
    expect(back.length).toBeGreaterThan(0);
    // What the server got is exactly what is recorded as sent; what went back was never tried.
    expect(sent.map((r) => r.messageId).sort()).toEqual([...counts.keys()].sort());
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(back.every((r) => r.attempts === 0 && r.sentAt === null && r.claimedAt === null)).toBe(true);
    worker = undefined;

    // The next worker sends the rest: each email exactly once in all.
    const channels = testChannelRegistry({ localOutboxDir: null, allowList: LOOPBACK_ALLOWED });
    const dispatcher = startOutboxDispatcher({ db: db.db, channels, intervalMs: 50 });
    try {
      await smtp.waitFor(staged.length, 60_000);
    } finally {
      await dispatcher.stop();
      await channels.close();
    }
    const after = receivedCounts(smtp);
    expect(after.size).toBe(staged.length);
    expect([...after.values()].every((c) => c === 1)).toBe(true);
    const final = await db.db.select().from(touches).where(eq(touches.workspaceId, ws));
    expect(final.every((r) => r.status === 'sent')).toBe(true);
  }, 120_000);
});
