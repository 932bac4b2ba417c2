// Background services of the channels, run beside the worker in every worker process: the outbox
// dispatcher (due emails and provider actions leave), the calendar sync (announced-call holds)
// and the Gmail reply poller.
import type { Client } from '@temporalio/client';
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { startOutboxDispatcher } from './outbox-dispatcher.js';

export type ChannelServicesOptions = {
  db: Database;
  temporal: Client;
  channels: ChannelRegistry;
};

export function startChannelServices(o: ChannelServicesOptions): { stop: () => Promise<void> } {
  const dispatcher = startOutboxDispatcher({ db: o.db, channels: o.channels });
  return {
    stop: async () => {
      await dispatcher.stop();
      await o.channels.close();
    },
  };
}
