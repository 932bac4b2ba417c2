// `npm run start:worker`: the Temporal worker alone, against an external Temporal and PostgreSQL.
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { configureProcess } from './config.js';
import { onShutdown } from './shutdown.js';
import { connectWorkerConnection, createTemporalClient } from './temporal.js';
import { startChannelServices } from './channel-services.js';
import { channelRegistryFor } from './channels.js';
import { processSecurity } from './secret-key.js';
import { startEnrollmentReconciler } from './enrollment-reconciler.js';
import { startWebhookNudger } from './webhook-nudger.js';
import { createRelanceWorker, installWorkerRuntime, stopWorker } from './worker.js';
import { log } from '../logging/log.js';
import { dnsResolverFor } from '../channels/email/sender-dns.js';

const config = configureProcess();
if (!config.databaseUrl) {
  log.error('start:worker needs DATABASE_URL (the embedded PGlite serves one process: use `npm start`)');
  process.exit(2);
}
installWorkerRuntime();
const handle = await openDatabase(config);
await migrateDatabase(handle);
const connection = await connectWorkerConnection(config.temporal);
// Activities signal other enrollments (an opt-out stops them all).
const temporal = createTemporalClient(config.temporal);
const security = processSecurity();
const channels = channelRegistryFor(config.mail, security, handle.db);
const worker = await createRelanceWorker({
  connection,
  namespace: config.temporal.namespace,
  taskQueue: config.temporal.taskQueue,
  deps: { db: handle.db, temporal, channels, secrets: security.secrets, webhooks: { allowList: security.allowList } },
});
const running = worker.run();
const channelServices = startChannelServices({ db: handle.db, temporal, channels, google: config.mail.google, microsoft: config.mail.microsoft, secrets: security.secrets, allowList: security.allowList, imap: config.imap, dns: dnsResolverFor({ servers: config.dnsServers }) });
const nudger = await startWebhookNudger({ db: handle.db, temporal, taskQueue: config.temporal.taskQueue });
const reconciler = startEnrollmentReconciler({ db: handle.db, temporal, taskQueue: config.temporal.taskQueue, graceMs: config.enrollmentStartGraceMs });
log.info({ taskQueue: config.temporal.taskQueue, temporal: config.temporal.address }, 'worker started');
onShutdown(
  [
    // Nothing new is taken; the sends and activities in flight end, the rest is handed back.
    ['intake', () => Promise.all([nudger.stop(), reconciler.stop(), channelServices.stop({ closeChannels: false }), stopWorker(worker, running)])],
    ['channels', () => channels.close()],
    ['temporal client', () => temporal.connection.close()],
    ['temporal connection', () => connection.close()],
    ['database', handle.close],
  ],
  { graceMs: config.shutdownGraceMs },
);
await running;
