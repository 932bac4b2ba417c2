// `npm start`: the whole service in one command on embedded defaults: Temporal dev server
// (SQLite under ./data), PGlite (under ./data) unless DATABASE_URL is set, the worker and the API.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from '../api/app.js';
import { startHttpServer } from '../api/server.js';
import { setupLinkIfNeeded } from '../api/auth/links.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { configureProcess } from '../runtime/config.js';
import { onShutdown } from '../runtime/shutdown.js';
import { connectWorkerConnection, createTemporalClient } from '../runtime/temporal.js';
import { startChannelServices } from '../runtime/channel-services.js';
import { channelRegistryFor } from '../runtime/channels.js';
import { processSecurity } from '../runtime/secret-key.js';
import { startEnrollmentReconciler } from '../runtime/enrollment-reconciler.js';
import { startWebhookNudger } from '../runtime/webhook-nudger.js';
import { createRelanceWorker, installWorkerRuntime, stopWorker } from '../runtime/worker.js';
import { ensureWorkflowBundle } from '../runtime/workflow-bundle.js';
import { ensureConsoleBuild } from '../runtime/console-bundle.js';
import { startTemporalDevServer } from './lib/temporal-dev-server.js';
import { dnsResolverFor } from '../channels/email/sender-dns.js';

const started = Date.now();
const log = (msg: string) => console.log(`[relance] ${msg}`);
const config = configureProcess();
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
const [handle, bundlePath, devServer, consoleDir] = await Promise.all([
  openDatabase(config).then(async (h) => (await migrateDatabase(h), h)),
  ensureWorkflowBundle(),
  devServerPromise,
  ensureConsoleBuild(),
]);
const temporalConfig = devServer ? { ...config.temporal, address: devServer.address } : config.temporal;

const connection = await connectWorkerConnection(temporalConfig);
const temporal = createTemporalClient(temporalConfig);
const security = processSecurity();
const channels = channelRegistryFor(config.mail, security, handle.db);
const worker = await createRelanceWorker({
  connection,
  namespace: temporalConfig.namespace,
  taskQueue: temporalConfig.taskQueue,
  deps: { db: handle.db, temporal, channels, secrets: security.secrets, webhooks: { allowList: security.allowList } },
  workflowBundlePath: bundlePath,
});
const workerRun = worker.run();
const dns = dnsResolverFor({ servers: config.dnsServers });
const channelServices = startChannelServices({ db: handle.db, temporal, channels, google: config.mail.google, microsoft: config.mail.microsoft, secrets: security.secrets, allowList: security.allowList, imap: config.imap, dns });
const nudger = await startWebhookNudger({ db: handle.db, temporal, taskQueue: temporalConfig.taskQueue });
const reconciler = startEnrollmentReconciler({ db: handle.db, temporal, taskQueue: temporalConfig.taskQueue, graceMs: config.enrollmentStartGraceMs });
const operatorToken = config.operatorToken ?? localOperatorToken(config.dataDir);
const app = createApp({ ...security, channels, db: handle.db, temporal, taskQueue: temporalConfig.taskQueue, operatorToken, rateLimit: config.rateLimit, mail: config.mail, dns, consoleDir });
const server = await startHttpServer(app, config.host, config.port);

const setupLink = await setupLinkIfNeeded(handle.db, config.mail.publicUrl);

log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
log(`API          ${server.url}`);
log(`API docs     ${server.url}/docs  (OpenAPI: ${server.url}/openapi.json)`);
log(`health       ${server.url}/health`);
log(`Temporal     ${temporalConfig.address} (namespace ${temporalConfig.namespace})`);
if (devServer?.uiUrl) log(`Temporal UI  ${devServer.uiUrl}`);
log(`database     ${handle.describe}`);
if (config.mail.localOutboxDir) log(`local outbox ${server.url}/outbox  (emails of reps without a mailbox; the operator token is the password)`);
if (setupLink) log(`first sign-in ${setupLink}  (one-time, 24 h: creates the first workspace and its admin)`);
else log(`console      ${server.url}/`);
if (!config.operatorToken) log(`operator     token in ${join(config.dataDir, 'operator-token')} (POST /v1/workspaces with it)`);

onShutdown(
  [
    ['api', server.close],
    // Nothing new is taken; the sends and activities in flight end, the rest is handed back.
    ['intake', () => Promise.all([nudger.stop(), reconciler.stop(), channelServices.stop({ closeChannels: false }), stopWorker(worker, workerRun)])],
    ['channels', () => channels.close()],
    ['temporal client', () => temporal.connection.close()],
    ['temporal connection', () => connection.close()],
    ['database', handle.close],
    ['temporal dev server', async () => devServer?.stop()],
  ],
  { graceMs: config.shutdownGraceMs },
);
await workerRun.catch((err: unknown) => {
  console.error('[relance] worker failed:', err);
  process.kill(process.pid, 'SIGTERM');
});

/** npm start without RELANCE_OPERATOR_TOKEN: a random token kept in the data folder, owner-only. */
function localOperatorToken(dataDir: string): string {
  const path = join(dataDir, 'operator-token');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  return token;
}
