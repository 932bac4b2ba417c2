// `npm start`: the whole service in one command on embedded defaults: Temporal dev server
// (SQLite under ./data), PGlite (under ./data) unless DATABASE_URL is set, the worker and the API.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from '../api/app.js';
import { startHttpServer } from '../api/server.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { loadConfig } from '../runtime/config.js';
import { onShutdown } from '../runtime/shutdown.js';
import { connectWorkerConnection, createTemporalClient } from '../runtime/temporal.js';
import { startOutboxDispatcher } from '../runtime/outbox-dispatcher.js';
import { createRelanceWorker, installWorkerRuntime, stopWorker } from '../runtime/worker.js';
import { defaultChannels } from '../channels/local-outbox.js';
import { ensureWorkflowBundle } from '../runtime/workflow-bundle.js';
import { startTemporalDevServer } from './lib/temporal-dev-server.js';

const started = Date.now();
const log = (msg: string) => console.log(`[relance] ${msg}`);
const config = loadConfig();
installWorkerRuntime();
const dataDir = resolve(config.dataDir);
mkdirSync(dataDir, { recursive: true });

// Independent start-up work runs side by side: the CLI build or bundle is the slow part.
const devServerPromise = config.temporal.embedded
  ? (() => {
      const port = Number(config.temporal.address.split(':').pop() ?? 7233);
      return startTemporalDevServer({
        port,
        uiPort: config.temporal.uiPort,
        dbFilename: join(dataDir, 'temporal.db'),
        onLog: (l) => log(`temporal: ${l}`),
      });
    })()
  : undefined;
const [handle, bundlePath, devServer] = await Promise.all([
  openDatabase(config).then(async (h) => (await migrateDatabase(h), h)),
  ensureWorkflowBundle(),
  devServerPromise,
]);
const temporalConfig = devServer ? { ...config.temporal, address: devServer.address } : config.temporal;

const connection = await connectWorkerConnection(temporalConfig);
const temporal = createTemporalClient(temporalConfig);
const worker = await createRelanceWorker({
  connection,
  namespace: temporalConfig.namespace,
  taskQueue: temporalConfig.taskQueue,
  deps: { db: handle.db, temporal },
  workflowBundlePath: bundlePath,
});
const workerRun = worker.run();
const dispatcher = startOutboxDispatcher({ db: handle.db, channels: defaultChannels() });
const app = createApp({ db: handle.db, temporal, taskQueue: temporalConfig.taskQueue });
const server = await startHttpServer(app, config.host, config.port);

log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
log(`API          ${server.url}`);
log(`API docs     ${server.url}/docs  (OpenAPI: ${server.url}/openapi.json)`);
log(`health       ${server.url}/health`);
log(`Temporal     ${temporalConfig.address} (namespace ${temporalConfig.namespace})`);
if (devServer?.uiUrl) log(`Temporal UI  ${devServer.uiUrl}`);
log(`database     ${handle.describe}`);

onShutdown([
  ['api', server.close],
  ['outbox dispatcher', () => dispatcher.stop()],
  ['worker', () => stopWorker(worker, workerRun)],
  ['temporal client', () => temporal.connection.close()],
  ['temporal connection', () => connection.close()],
  ['database', handle.close],
  ['temporal dev server', async () => devServer?.stop()],
]);
await workerRun.catch((err: unknown) => {
  console.error('[relance] worker failed:', err);
  process.kill(process.pid, 'SIGTERM');
});
