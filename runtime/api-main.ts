// `npm run start:api`: the HTTP API alone, against an external Temporal and PostgreSQL.
import { createApp } from '../api/app.js';
import { consoleBuildOrNull } from './console-bundle.js';
import { startHttpServer } from '../api/server.js';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { configureProcess } from './config.js';
import { processSecurity } from './secret-key.js';
import { channelRegistryFor } from './channels.js';
import { onShutdown } from './shutdown.js';
import { createTemporalClient } from './temporal.js';
import { log } from '../logging/log.js';
import { dnsResolverFor } from '../channels/email/sender-dns.js';

const config = configureProcess();
if (!config.databaseUrl) {
  log.error('start:api needs DATABASE_URL (the embedded PGlite serves one process: use `npm start`)');
  process.exit(2);
}
const handle = await openDatabase(config);
await migrateDatabase(handle);
const temporal = createTemporalClient(config.temporal);
// The same secrets, unsubscribe signer and allow-list as the worker's (and the tests' harness).
const security = processSecurity();
// Invitation and reset links leave through the workspace's mailboxes (api/auth/link-mail.ts).
const channels = channelRegistryFor(config.mail, security, handle.db);
const app = createApp({ ...security, channels, db: handle.db, temporal, taskQueue: config.temporal.taskQueue, operatorToken: config.operatorToken, rateLimit: config.rateLimit, mail: config.mail, dns: dnsResolverFor({ servers: config.dnsServers }), consoleDir: await consoleBuildOrNull() });
const server = await startHttpServer(app, config.host, config.port);
log.info({ url: server.url, docs: `${server.url}/docs`, temporal: config.temporal.address }, 'API started');
onShutdown(
  [
    ['api', server.close],
    ['channels', () => channels.close()],
    ['temporal client', () => temporal.connection.close()],
    ['database', handle.close],
  ],
  { graceMs: config.shutdownGraceMs },
);
