// `npm run bench:queue`: only the rep's queue figure of `npm run bench` (tasks_p50_ms,
// tasks_p99_ms over 100,000 tasks), on a throw-away PostgreSQL, without Temporal or the worker:
// the queue never reaches them. Prints one JSON line of figures on stdout.
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.js';
import { processSecurity } from '../runtime/secret-key.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { workspaces } from '../db/schema.js';
import { startThrowawayPostgres } from '../scripts/lib/pg-cluster.js';
import { measureTaskQueue } from './task-queue.js';

const cluster = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres();
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL ?? cluster!.url, maxConnections: 30 });
try {
  await migrateDatabase(handle);
  const [ws] = await handle.db.insert(workspaces).values({ name: 'Queue bench', timeZone: 'UTC' }).returning();
  // A lazy connection: the queue routes never call Temporal, so it is never opened.
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = createApp({ ...processSecurity(), db: handle.db, temporal, taskQueue: 'bench' });
  console.log(JSON.stringify(await measureTaskQueue({ db: handle.db, app, workspaceId: ws!.id })));
} finally {
  await handle.close();
  await cluster?.stop();
}
