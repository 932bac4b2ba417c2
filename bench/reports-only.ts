// `npm run bench:reports`: only the reports' figures of `npm run bench` (reports_p95_ms), on a
// throw-away PostgreSQL, without Temporal or the worker: reports never reach them.
// BENCH_REPORT_EVENTS and BENCH_REPORT_TASKS scale the seeded history (default 1,000,000 and 200,000).
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { installDefaultSequences } from '../api/services/sequences.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { workspaces } from '../db/schema.js';
import { processSecurity } from '../runtime/secret-key.js';
import { startThrowawayPostgres } from '../scripts/lib/pg-cluster.js';
import { measureReports } from './reports.js';

const cluster = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres();
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL ?? cluster!.url, maxConnections: 10 });
try {
  await migrateDatabase(handle);
  const [ws] = await handle.db.insert(workspaces).values({ name: 'Reports bench', timeZone: 'UTC' }).returning();
  await installDefaultSequences(handle.db, ws!.id);
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = createApp({ ...processSecurity(), db: handle.db, temporal, taskQueue: 'bench' });
  const figures = await measureReports({
    db: handle.db,
    app,
    workspaceId: ws!.id,
    events: Number(process.env.BENCH_REPORT_EVENTS ?? 1_000_000),
    tasks: Number(process.env.BENCH_REPORT_TASKS ?? 200_000),
  });
  console.log(JSON.stringify(figures));
} finally {
  await handle.close();
  await cluster?.stop();
}
