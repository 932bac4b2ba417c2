// The worker under benchmark, in its own process so its resident memory is its own.
// Prints {"rss_mb": n, "cpu_ms": n, ...} every half second on stdout.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { openDatabase } from '../db/client.js';
import { createChannelRegistry } from '../channels/registry.js';
import { startChannelServices } from '../runtime/channel-services.js';
import { processSecurity } from '../runtime/secret-key.js';
import { createRelanceWorker } from '../runtime/worker.js';

Runtime.install({ logger: new DefaultLogger('WARN') });
const address = process.env.TEMPORAL_ADDRESS!;
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, maxConnections: 20 });
const connection = await NativeConnection.connect({ address });
const client = new Client({ connection: await Connection.connect({ address }) });
// Reps in the benchmark have no mailbox: their emails go to the local outbox (BENCH_OUTBOX_DIR).
const security = processSecurity();
const NO_GOOGLE = { clientId: undefined, clientSecret: undefined, rootUrl: undefined, tokenUrl: undefined };
const channels = createChannelRegistry({ ...security, google: NO_GOOGLE, localOutboxDir: process.env.BENCH_OUTBOX_DIR!, publicUrl: 'http://localhost:3000' });
const worker = await createRelanceWorker({
  connection,
  namespace: 'default',
  taskQueue: process.env.TASK_QUEUE!,
  deps: { db: handle.db, temporal: client, channels, secrets: security.secrets, webhooks: { allowList: security.allowList } },
  workflowBundlePath: process.env.WORKFLOW_BUNDLE!,
});
const timer = setInterval(() => {
  const m = process.memoryUsage();
  const cpu = process.cpuUsage();
  const mb = (n: number) => Math.round(n / 1048576);
  process.stdout.write(`${JSON.stringify({ rss_mb: mb(m.rss), heap_mb: mb(m.heapUsed), external_mb: mb(m.external), cpu_ms: Math.round((cpu.user + cpu.system) / 1000) })}\n`);
}, Number(process.env.RSS_SAMPLE_MS ?? 500));
// BENCH_IMAP_WATCHERS: this worker also reads its mailboxes' replies over IMAP (bench/imap.ts).
const imapWatchers = Number(process.env.BENCH_IMAP_WATCHERS ?? 0);
const channelServices = startChannelServices({ db: handle.db, temporal: client, channels, google: NO_GOOGLE, secrets: security.secrets, allowList: security.allowList, imap: imapWatchers > 0 ? { maxWatchers: imapWatchers } : null });
process.on('SIGTERM', () => worker.shutdown());
await worker.run();
await channelServices.stop();
clearInterval(timer);
await handle.close();
process.exit(0);
