// The channel registry: one provider per mailbox, built on first use and reused (a pooled SMTP
// transport, an OAuth client with its access token), rebuilt when the mailbox row changes.
import { UNCONFIGURED_MICROSOFT, type GoogleConfig, type MicrosoftConfig } from './config.js';
import type { SecretBox } from '../security/secrets.js';
import type { AllowList } from '../security/ssrf.js';
import type { UnsubscribeSigner } from '../security/unsubscribe-token.js';
import type { ClickSigner } from '../security/click-token.js';
import { createHttpActionProvider, type HttpActionOptions } from './actions/http.js';
import { createGmailSender } from './email/gmail.js';
import { createLocalOutbox } from './email/local-outbox.js';
import { createOutlookSender } from './email/outlook.js';
import type { TokenStore } from './microsoft/clients.js';
import { createSmtpSender, type SmtpSenderOptions } from './email/smtp.js';
import type { ActionProvider, ActionProviderRow, ChannelRegistry, EmailProvider, MailboxRow } from './types.js';

export type ChannelRegistryOptions = {
  secrets: SecretBox;
  google: GoogleConfig;
  /** Absent: Microsoft 365 mailboxes are disconnected (not configured). */
  microsoft?: MicrosoftConfig;
  /** Where Microsoft 365 mailboxes' rotated refresh tokens are stored (sealed); absent: kept in memory only. */
  tokenStore?: TokenStore;
  /** Folder of the local outbox for reps without a mailbox; null: their emails are held. */
  localOutboxDir: string | null;
  publicUrl: string;
  /** Signs the one-click unsubscribe link of every email. */
  unsubscribe: UnsubscribeSigner;
  /** Signs tracked links (workspaces with click tracking on); absent: links are never rewritten. */
  clicks?: ClickSigner | undefined;
  /** Private hosts an operator lets SMTP mailboxes and action providers reach (WEBHOOK_ALLOWED_HOSTS). */
  allowList: AllowList;
  actions?: Partial<Omit<HttpActionOptions, 'secrets'>>;
  /** SMTP lookups and timeouts. */
  smtp?: Partial<SmtpSenderOptions>;
  /** Tests replace a provider kind (a provider that fails on purpose, a counting one). */
  overrides?: {
    email?: (mailbox: MailboxRow | null) => EmailProvider | null | undefined;
    action?: (row: ActionProviderRow) => ActionProvider | undefined;
  };
};

export function createChannelRegistry(o: ChannelRegistryOptions): ChannelRegistry {
  const senders = new Map<string, { version: number; provider: EmailProvider }>();
  const fallback = o.localOutboxDir ? createLocalOutbox(o.localOutboxDir) : null;
  const retired: EmailProvider[] = [];
  return {
    publicUrl: o.publicUrl,
    unsubscribe: o.unsubscribe,
    clicks: o.clicks ?? null,
    emailFor(mailbox) {
      const overridden = o.overrides?.email?.(mailbox);
      if (overridden !== undefined) return overridden;
      if (!mailbox) return fallback;
      const version = mailbox.updatedAt.getTime();
      const cached = senders.get(mailbox.id);
      if (cached && cached.version === version) return cached.provider;
      // Settings or credentials changed: the old transport finishes what it holds, then closes.
      if (cached) retired.push(cached.provider);
      const provider =
        mailbox.provider === 'gmail' ? createGmailSender(mailbox, o.secrets, o.google)
        : mailbox.provider === 'microsoft' ? createOutlookSender(mailbox, o.secrets, o.microsoft ?? UNCONFIGURED_MICROSOFT, o.tokenStore)
        : createSmtpSender(mailbox, o.secrets, { allowList: o.allowList, ...o.smtp });
      senders.set(mailbox.id, { version, provider });
      return provider;
    },
    actionFor(row) {
      return o.overrides?.action?.(row) ?? createHttpActionProvider(row, { allowList: o.allowList, ...o.actions, secrets: o.secrets });
    },
    async close() {
      const all = [...senders.values()].map((s) => s.provider).concat(retired, fallback ? [fallback] : []);
      senders.clear();
      retired.length = 0;
      await Promise.allSettled(all.map((p) => p.close?.()));
    },
  };
}
