// Background services of the channels, run beside the worker in every worker process: the outbox
// dispatcher (due emails and provider actions leave), the calendar sync (announced-call holds)
// the Gmail and Microsoft 365 reply pollers, the IMAP reply watchers of SMTP mailboxes and the
// daily check of the mailboxes' sending domains.
import type { Client } from '@temporalio/client';
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import type { SecretBox } from '../security/secrets.js';
import { EMPTY_ALLOW_LIST, type AllowList } from '../security/ssrf.js';
import { startCalendarSync } from './calendar-sync.js';
import type { GoogleConfig, MicrosoftConfig } from './config.js';
import { startGmailPoller } from './gmail-poller.js';
import { startOutlookPoller } from './outlook-poller.js';
import { startImapWatchers, type ImapWatchersConfig } from './imap-watchers.js';
import { startOutboxDispatcher } from './outbox-dispatcher.js';
import { startSendingDomainChecks } from './sending-domain-checks.js';
import type { DnsResolve } from '../channels/email/sender-dns.js';

export type ChannelServicesOptions = {
  db: Database;
  temporal: Client;
  channels: ChannelRegistry;
  /** Google OAuth client and endpoints, and the workspace secret box mailbox tokens are sealed in. */
  google: GoogleConfig;
  /** The Microsoft Entra app and Graph's URL; absent: Microsoft 365 mailboxes are neither read nor given holds. */
  microsoft?: MicrosoftConfig;
  secrets: SecretBox;
  /** Private hosts mail servers may be at (the operator's WEBHOOK_ALLOWED_HOSTS), for the IMAP watchers. */
  allowList?: AllowList;
  /** Gmail and Microsoft 365 reply polling interval (default 30 s); calendar hold sync interval (default 5 s). */
  pollIntervalMs?: number;
  calendarIntervalMs?: number;
  /** The IMAP reply watchers (the process's configuration); absent or null: none. */
  imap?: ImapWatchersConfig | null;
  /** The resolver the mailboxes' sending domains are checked with every day (DNS_SERVERS); absent: not checked here. */
  dns?: DnsResolve | null;
};

export type ChannelServices = {
  /** Stops the loops (the dispatcher hands back what it had not started), then closes the channels unless told not to. */
  stop: (o?: { closeChannels?: boolean }) => Promise<void>;
};

export function startChannelServices(o: ChannelServicesOptions): ChannelServices {
  const dispatcher = startOutboxDispatcher({ db: o.db, channels: o.channels });
  const { google, microsoft, secrets } = o;
  const calendar = startCalendarSync({ db: o.db, google, ...(microsoft ? { microsoft } : {}), secrets, ...(o.calendarIntervalMs ? { intervalMs: o.calendarIntervalMs } : {}) });
  const every = o.pollIntervalMs ? { intervalMs: o.pollIntervalMs } : {};
  const poller = startGmailPoller({ db: o.db, temporal: o.temporal, google, secrets, ...every });
  const outlook = microsoft ? startOutlookPoller({ db: o.db, temporal: o.temporal, microsoft, secrets, ...every }) : null;
  const domains = o.dns ? startSendingDomainChecks({ db: o.db, resolve: o.dns }) : null;
  const imap = o.imap ? startImapWatchers({ ...o.imap, db: o.db, temporal: o.temporal, secrets, allowList: o.allowList ?? EMPTY_ALLOW_LIST }) : null;
  return {
    stop: async ({ closeChannels = true } = {}) => {
      await Promise.all([dispatcher.stop(), calendar.stop(), poller.stop(), outlook?.stop(), imap?.stop(), domains?.stop()]);
      if (closeChannels) await o.channels.close();
    },
  };
}
