// A worker process's IMAP watchers alone, for the kill test (tests/mail/imap-replies.test.ts):
// the real supervisor, watchers and inbound-mail path over the real database and Temporal, until
// it is killed. Run with `node --import tsx`; DATABASE_URL, TEMPORAL_ADDRESS, IMAP_HOLDER and
// WEBHOOK_ALLOWED_HOSTS (the test IMAP server) from the environment. Prints "ready" once started.
import { Client, Connection } from '@temporalio/client';
import { openDatabase } from '../../db/client.js';
import { startImapWatchers } from '../../runtime/imap-watchers.js';
import { processSecurity } from '../../runtime/secret-key.js';

const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, maxConnections: 4 });
const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
const temporal = new Client({ connection, namespace: 'default' });
startImapWatchers({ db: handle.db, temporal, ...processSecurity(), holder: process.env.IMAP_HOLDER!, tickMs: 100, leaseMs: 1500, pollMs: 300, backoff: { minMs: 100, maxMs: 500 } });
process.stdout.write('ready\n');
