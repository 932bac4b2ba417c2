import type { Client } from '@temporalio/client';
import type { Database } from '../db/client.js';
import type { SecretBox } from '../security/secrets.js';
import type { AllowList, LookupAll } from '../security/ssrf.js';
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
  /** Webhook URL checks and secret sealing; by default WEBHOOK_ALLOWED_HOSTS and RELANCE_SECRET_KEY. */
  webhooks?: { allowList?: AllowList; lookup?: LookupAll; box?: SecretBox } | undefined;
  /** Mail settings: the local outbox folder (its page), the public URL of unsubscribe links. */
  mail?: { localOutboxDir?: string | null; publicUrl?: string } | undefined;
  /** Sign-in attempts per client address per minute, failures before a lockout, its length. */
  signIn?: Partial<import('./auth/throttle.js').SignInLimits> | undefined;
  /** The built console (runtime/console-bundle.ts), served at /; none: / is not served. */
  consoleDir?: string | null | undefined;
  /** What "now" is for due and overdue tasks; Date.now by default (tests on the time-skipping server pass its clock). */
  clock?: (() => number | Promise<number>) | undefined;
};
