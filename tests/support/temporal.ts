// A worker of the real Relance code on its own task queue, against the run's dev server.
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import type { Database } from '../../db/client.js';
import { defaultChannels } from '../../channels/local-outbox.js';
import type { WebhookActivityOptions } from '../../activities/webhooks.js';
import { startOutboxDispatcher } from '../../runtime/outbox-dispatcher.js';
import { startWebhookNudger } from '../../runtime/webhook-nudger.js';
import { createRelanceWorker } from '../../runtime/worker.js';

export type TestTemporal = {
  client: Client;
  taskQueue: string;
  worker: Worker;
  stop: () => Promise<void>;
};

let runtimeInstalled = false;
/** Worker state chatter at INFO drowns test output; keep warnings and errors. */
export function quietTemporalRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

export type TestWorkerOptions = {
  /** Webhook delivery settings (allow-list for a local receiver, short backoff). */
  webhooks?: WebhookActivityOptions;
  /** Runs the webhook nudger (LISTEN relance_webhooks) beside the worker. */
  webhookNudger?: boolean;
};

export async function startTestWorker(db: Database, opts: TestWorkerOptions = {}): Promise<TestTemporal> {
  quietTemporalRuntime();
  const address = inject('temporalAddress');
  const taskQueue = `test-${randomBytes(4).toString('hex')}`;
  const nativeConnection = await NativeConnection.connect({ address });
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace: 'default' });
  const worker = await createRelanceWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: { db, temporal: client, ...(opts.webhooks ? { webhooks: opts.webhooks } : {}) },
    workflowBundlePath: inject('workflowBundle'),
  });
  const running = worker.run();
  // The real dispatcher sends due emails, as in production.
  const dispatcher = startOutboxDispatcher({ db, channels: defaultChannels() });
  const nudger = opts.webhookNudger ? await startWebhookNudger({ db, temporal: client, taskQueue }) : null;
  return {
    client,
    taskQueue,
    worker,
    stop: async () => {
      await nudger?.stop();
      await dispatcher.stop();
      worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
    },
  };
}
