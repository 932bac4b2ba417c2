// Background services of the channels, run beside the worker in every worker process: the outbox
// dispatcher (due emails and provider actions leave), the calendar sync (announced-call holds)
// and the Gmail reply poller.
import type { Client } from '@temporalio/client';
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import type { SecretBox } from '../security/secrets.js';
import { startCalendarSync } from './calendar-sync.js';
import type { GoogleConfig } from './config.js';
import { startGmailPoller } from './gmail-poller.js';
import { startOutboxDispatcher } from './outbox-dispatcher.js';

export type ChannelServicesOptions = {
  db: Database;
  temporal: Client;
  channels: ChannelRegistry;
  /** Google OAuth client and endpoints, and the workspace secret box mailbox tokens are sealed in. */
  google: GoogleConfig;
  secrets: SecretBox;
  /** Gmail reply polling interval (default 30 s); calendar hold sync interval (default 5 s). */
  pollIntervalMs?: number;
  calendarIntervalMs?: number;
};

export type ChannelServices = {
  /** Stops the loops (the dispatcher hands back what it had not started), then closes the channels unless told not to. */
  stop: (o?: { closeChannels?: boolean }) => Promise<void>;
};

export function startChannelServices(o: ChannelServicesOptions): ChannelServices {
  const dispatcher = startOutboxDispatcher({ db: o.db, channels: o.channels });
  const { google, secrets } = o;
  const calendar = startCalendarSync({ db: o.db, google, secrets, ...(o.calendarIntervalMs ? { intervalMs: o.calendarIntervalMs } : {}) });
  const poller = startGmailPoller({ db: o.db, temporal: o.temporal, google, secrets, ...(o.pollIntervalMs ? { intervalMs: o.pollIntervalMs } : {}) });
  return {
    stop: async ({ closeChannels = true } = {}) => {
      await Promise.all([dispatcher.stop(), calendar.stop(), poller.stop()]);
      if (closeChannels) await o.channels.close();
    },
  };
}
