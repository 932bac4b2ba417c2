// `npm run bench:console`: only the console's figures of `npm run bench`, on a throw-away
// PostgreSQL and Temporal dev server with a worker in this process. One JSON line on stdout.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createChannelRegistry } from '../channels/registry.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { processSecurity } from '../runtime/secret-key.js';
import { createRelanceWorker } from '../runtime/worker.js';
import { ensureWorkflowBundle } from '../runtime/workflow-bundle.js';
import { startThrowawayPostgres } from '../scripts/lib/pg-cluster.js';
import { freePort } from '../scripts/lib/ports.js';
import { startTemporalDevServer } from '../scripts/lib/temporal-dev-server.js';
import { measureConsole } from './console.js';

Runtime.install({ logger: new DefaultLogger('WARN') });
const cluster = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres();
const [dev, bundle] = await Promise.all([freePort().then((port) => startTemporalDevServer({ port })), ensureWorkflowBundle()]);
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL ?? cluster!.url, maxConnections: 20 });
const taskQueue = 'bench-console';
try {
  await migrateDatabase(handle);
  const temporal = new Client({ connection: await Connection.connect({ address: dev.address }) });
  const security = processSecurity();
  const channels = createChannelRegistry({ ...security, google: { clientId: undefined, clientSecret: undefined, rootUrl: undefined, tokenUrl: undefined }, localOutboxDir: join(tmpdir(), `relance-bench-outbox-${process.pid}`), publicUrl: 'http://localhost:3000' });
  const worker = await createRelanceWorker({ connection: await NativeConnection.connect({ address: dev.address }), namespace: 'default', taskQueue, deps: { db: handle.db, temporal, channels, secrets: security.secrets, webhooks: { allowList: security.allowList } }, workflowBundlePath: bundle });
  const running = worker.run();
  try {
    console.log(JSON.stringify(await measureConsole({ db: handle.db, temporal, taskQueue, security })));
  } finally {
    worker.shutdown();
    await running;
    await temporal.connection.close();
  }
} finally {
  await handle.close();
  await dev.stop();
  await cluster?.stop();
}
