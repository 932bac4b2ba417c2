// A worker of the real Relance code on its own task queue, against the run's dev server.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import type { Database } from '../../db/client.js';
import { createChannelRegistry } from '../../channels/registry.js';
import type { ChannelRegistry } from '../../channels/types.js';
import type { MicrosoftConfig } from '../../channels/config.js';
import { startChannelServices } from '../../runtime/channel-services.js';
import type { ActivityDeps } from '../../activities/index.js';
import type { WebhookActivityOptions } from '../../activities/webhooks.js';
import { startWebhookNudger } from '../../runtime/webhook-nudger.js';
import { createRelanceWorker } from '../../runtime/worker.js';
import { testSecurity } from './security.js';

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
  /** Webhook delivery settings (allow-list for a local receiver, short backoff); the process's allow-list by default. */
  webhooks?: WebhookActivityOptions;
  /** Runs the webhook nudger (LISTEN relance_webhooks) beside the worker. */
  webhookNudger?: boolean;
  /** Mail providers; by default a local outbox in a temporary folder. */
  channels?: ChannelRegistry;
  /** Microsoft 365 for the channel services (reply polling every `pollIntervalMs`, Outlook holds); absent: not configured. */
  microsoft?: MicrosoftConfig;
  pollIntervalMs?: number;
};

/** What a deployment without GOOGLE_CLIENT_ID and friends has. */
export const UNCONFIGURED_GOOGLE = { clientId: undefined, clientSecret: undefined, rootUrl: undefined, tokenUrl: undefined };

/** What createActivities takes in a test: the process's secret box and allow-list, the given channels. */
export function testActivityDeps(db: Database, channels: ChannelRegistry = testChannelRegistry(), overrides: Partial<ActivityDeps> = {}): ActivityDeps {
  return { db, channels, secrets: testSecurity.secrets, webhooks: { allowList: testSecurity.allowList }, ...overrides };
}

/** A registry over the local outbox in a fresh temporary folder (reps without a mailbox). */
export function testChannelRegistry(overrides: Partial<Parameters<typeof createChannelRegistry>[0]> = {}): ChannelRegistry {
  return createChannelRegistry({
    ...testSecurity,
    google: { clientId: 'test-client', clientSecret: 'test-secret', rootUrl: undefined, tokenUrl: undefined },
    localOutboxDir: mkdtempSync(join(tmpdir(), 'relance-outbox-')),
    publicUrl: 'http://relance.test',
    ...overrides,
  });
}

export async function startTestWorker(db: Database, opts: TestWorkerOptions = {}): Promise<TestTemporal> {
  quietTemporalRuntime();
  const address = inject('temporalAddress');
  const taskQueue = `test-${randomBytes(4).toString('hex')}`;
  const nativeConnection = await NativeConnection.connect({ address });
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace: 'default' });
  const channels = opts.channels ?? testChannelRegistry();
  const worker = await createRelanceWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: { db, temporal: client, channels, secrets: testSecurity.secrets, webhooks: opts.webhooks ?? { allowList: testSecurity.allowList } },
    workflowBundlePath: inject('workflowBundle'),
  });
  const running = worker.run();
  // The real dispatcher sends due emails, as in production; no Google client is configured.
  const dispatcher = startChannelServices({
    db,
    temporal: client,
    channels,
    google: UNCONFIGURED_GOOGLE,
    secrets: testSecurity.secrets,
    ...(opts.microsoft ? { microsoft: opts.microsoft, calendarIntervalMs: 100 } : {}),
    ...(opts.pollIntervalMs ? { pollIntervalMs: opts.pollIntervalMs } : {}),
  });
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
