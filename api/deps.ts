import type { Client } from '@temporalio/client';
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import type { SecretBox } from '../security/secrets.js';
import type { AllowList, LookupAll } from '../security/ssrf.js';
import type { UnsubscribeSigner } from '../security/unsubscribe-token.js';
import type { ClickSigner } from '../security/click-token.js';
import type { RateLimit } from './middleware/rate-limit.js';

/** What the HTTP layer needs; injected so tests pass their own database and Temporal client. */
export type ApiDeps = {
  db: Database;
  temporal: Client;
  taskQueue: string;
  /** Authorizes POST /v1/workspaces; without it workspaces cannot be created over HTTP. */
  operatorToken?: string | undefined;
  /** Per API key; defaults to 100 requests per second with bursts of 200. */
  rateLimit?: RateLimit | undefined;
  /**
   * The workspace secret box (the process's secret key): seals webhook, inbound-source and action
   * provider secrets, mailbox credentials and the idempotent answers replayed to a key.
   */
  secrets: SecretBox;
  /** Verifies the one-click unsubscribe links the outbox signs (same secret key). */
  unsubscribe: UnsubscribeSigner;
  /** Verifies tracked links (click tracking) the outbox signs (same secret key). */
  clicks: ClickSigner;
  /** Private hosts an operator lets webhook, action provider and SMTP URLs reach (WEBHOOK_ALLOWED_HOSTS). */
  allowList: AllowList;
  /** Resolves a URL's host for the SSRF guard; the system resolver by default (tests pass their own). */
  lookup?: LookupAll | undefined;
  /** Sends invitation and reset links by email (the process's channel registry); none: they are only shown. */
  channels?: ChannelRegistry | undefined;
  /** DNS queries of the sending-domain check (SPF, DKIM, DMARC); the system's resolver by default (DNS_SERVERS). */
  dns?: import('../channels/email/sender-dns.js').DnsResolve | undefined;
  /** Mail settings: the local outbox folder (its page), the public URL of unsubscribe links. */
  mail?: { localOutboxDir?: string | null; publicUrl?: string } | undefined;
  /** Sign-in attempts per client address per minute, failures before a lockout, its length. */
  signIn?: Partial<import('./auth/throttle.js').SignInLimits> | undefined;
  /** The built console (runtime/console-bundle.ts), served at /; none: / is not served. */
  consoleDir?: string | null | undefined;
  /** What "now" is for due and overdue tasks; Date.now by default (tests on the time-skipping server pass its clock). */
  clock?: (() => number | Promise<number>) | undefined;
};

/** What a service that starts or signals workflows needs (the API, the benchmark, provisioning scripts). */
export type WorkflowDeps = Pick<ApiDeps, 'db' | 'temporal' | 'taskQueue'>;

/** "Now" as the API reads it: the deps' clock, else the system's. */
export const clockOf = (deps: Pick<ApiDeps, 'clock'>) => async () => (deps.clock ? deps.clock() : Date.now());
