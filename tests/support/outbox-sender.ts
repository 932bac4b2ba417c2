// A worker process for the crash test (tests/channels/exactly-once.test.ts): the real outbox
// dispatcher over the real channel registry and database, until it is killed. Run with
// `node --import tsx`; DATABASE_URL and WEBHOOK_ALLOWED_HOSTS (the test SMTP server) from the
// environment. Prints "ready" once dispatching.
import { createChannelRegistry } from '../../channels/registry.js';
import { openDatabase } from '../../db/client.js';
import { startOutboxDispatcher } from '../../runtime/outbox-dispatcher.js';
import { processSecurity } from '../../runtime/secret-key.js';

const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, maxConnections: 4 });
const channels = createChannelRegistry({
  // As an entry does: the secret key and allow-list (WEBHOOK_ALLOWED_HOSTS) from the environment.
  ...processSecurity(),
  google: { clientId: undefined, clientSecret: undefined, rootUrl: undefined, tokenUrl: undefined },
  localOutboxDir: null,
  publicUrl: 'http://relance.test',
});
// As many sends in flight as the mailbox's SMTP pool has connections.
const dispatcher = startOutboxDispatcher({ db: handle.db, channels, intervalMs: 50, concurrency: Number(process.env.OUTBOX_CONCURRENCY ?? 2) });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void dispatcher
    .stop()
    .then(() => channels.close())
    .then(() => handle.close())
    .then(() => process.exit(0));
});
