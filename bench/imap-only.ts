// `npm run bench:imap`: only the IMAP figures of `npm run bench` (imap_reply_to_stop_ms_p95,
// imap_watchers_rss_mb over BENCH_IMAP_MAILBOXES mailboxes, default 500), on a throw-away
// PostgreSQL, a Temporal dev server and a local Dovecot. Prints one JSON line on stdout.
import { Client, Connection } from '@temporalio/client';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { bundleEntry } from '../runtime/entry-bundle.js';
import { ensureWorkflowBundle } from '../runtime/workflow-bundle.js';
import { startThrowawayPostgres } from '../scripts/lib/pg-cluster.js';
import { freePort } from '../scripts/lib/ports.js';
import { startTemporalDevServer } from '../scripts/lib/temporal-dev-server.js';
import { measureImapReplies } from './imap.js';

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const cluster = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres();
const databaseUrl = process.env.DATABASE_URL ?? cluster!.url;
const [dev, bundle, workerEntry] = await Promise.all([freePort().then((port) => startTemporalDevServer({ port })), ensureWorkflowBundle(), bundleEntry('bench/worker-process.ts')]);
const handle = await openDatabase({ databaseUrl, maxConnections: 20 });
try {
  await migrateDatabase(handle);
  const temporal = new Client({ connection: await Connection.connect({ address: dev.address }) });
  try {
    console.log(JSON.stringify(await measureImapReplies({ db: handle.db, databaseUrl, temporal, temporalAddress: dev.address, workerEntry, bundle, log })));
  } finally {
    await temporal.connection.close();
  }
} finally {
  await handle.close();
  await dev.stop();
  await cluster?.stop();
}
