// PostgreSQL restarted in the middle of a burst over real SMTP: the emails the server accepted
// while the database was away are recorded as sent once it is back (the outcome write is
// retried), not left `sending` to become uncertain; the sends that could not start are handed
// back and leave later. Every email is received exactly once, none is uncertain. The cluster is
// this file's own, so the restart disturbs no other test.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { touches } from '../../db/schema.js';
import { startOutboxDispatcher } from '../../runtime/outbox-dispatcher.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/lib/pg-cluster.js';
import { dueEmails, receivedCounts } from '../support/due-emails.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { testChannelRegistry } from '../support/temporal.js';
import { LOOPBACK_ALLOWED } from '../support/security.js';

let cluster: ThrowawayPostgres;
let handle: DatabaseHandle;
let smtp: TestSmtpServer;

beforeAll(async () => {
  [cluster, smtp] = await Promise.all([startThrowawayPostgres(), startTestSmtpServer()]);
  handle = await openDatabase({ databaseUrl: cluster.url, maxConnections: 5 });
  await migrateDatabase(handle);
});
afterAll(async () => {
  await handle?.close();
  await smtp?.close();
  await cluster?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FINAL = new Set(['sent', 'uncertain', 'failed']);

describe('a PostgreSQL restart mid-burst', () => {
  it('records every email the SMTP server accepted as sent, once the database is back', async () => {
    const { ws, touches: staged } = await dueEmails(handle.db, smtp, 30);
    smtp.setDataDelay(300);
    const channels = testChannelRegistry({ localOutboxDir: null, allowList: LOOPBACK_ALLOWED });
    // A short stale-claim window: a send left `sending` would be settled (uncertain) within the test.
    const dispatcher = startOutboxDispatcher({ db: handle.db, channels, intervalMs: 50, staleClaimMs: 3_000, sweepEveryMs: 500 });
    let rows: (typeof touches.$inferSelect)[] = [];
    try {
      // Two sends are in flight (the mailbox's pool) when every connection is cut.
      await smtp.waitFor(4, 60_000);
      await cluster.halt('fast');
      await sleep(2_000);
      await cluster.resume();
      smtp.setDataDelay(0);
      for (let i = 0; i < 300; i++) {
        rows = await handle.db
          .select()
          .from(touches)
          .where(eq(touches.workspaceId, ws))
          .catch(() => []);
        if (rows.length === staged.length && rows.every((r) => FINAL.has(r.status)) && rows.every((r) => r.status !== 'uncertain')) break;
        // An uncertain one would be final: stop waiting once the sweep had its chance.
        if (rows.some((r) => r.status === 'uncertain') && i > 100) break;
        await sleep(100);
      }
    } finally {
      await dispatcher.stop();
      await channels.close();
    }
    const counts = receivedCounts(smtp);
    expect(rows.filter((r) => r.status === 'uncertain').map((r) => r.messageId)).toEqual([]);
    expect(rows.map((r) => r.status)).toEqual(staged.map(() => 'sent'));
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect([...counts.keys()].sort()).toEqual(rows.map((r) => r.messageId).sort());
  }, 120_000);
});
