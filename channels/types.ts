// The channel contracts (Novu style: one module per provider behind a small interface). The
// outbox knows only these: an email leaves through the EmailProvider of its mailbox, a
// LinkedIn/call/voicemail touch through the workspace's ActionProvider when it has one (else
// the touch is a rep task and never reaches this layer).
import type { UnsubscribeSigner } from '../security/unsubscribe-token.js';
import type { ClickSigner } from '../security/click-token.js';
import type { actionProviders, mailboxes } from '../db/schema.js';
import type { ActionChannel } from '../domain/sequences/step-types.js';

export type MailboxRow = typeof mailboxes.$inferSelect;
export type ActionProviderRow = typeof actionProviders.$inferSelect;

export type Address = { name: string; address: string };

/** An email ready to leave, built from a staged touch. Everything in it is deterministic per touch. */
export type OutboundEmail = {
  workspaceId: string;
  touchId: string;
  /** Null for a transactional email to a person of the workspace (an invitation, a reset link). */
  enrollmentId: string | null;
  prospectId: string | null;
  /** RFC 5322 Message-ID with angle brackets; the same on every attempt. */
  messageId: string;
  /** Message-ID of the cadence's previous email (In-Reply-To); null for the first one. */
  inReplyTo: string | null;
  /** Message-IDs of the thread so far, oldest first (References). */
  references: string[];
  /** Provider thread id of the previous email (Gmail threadId), when known. */
  threadId: string | null;
  from: Address;
  to: Address;
  subject: string;
  text: string;
  /** RFC 8058 one-click unsubscribe URL: List-Unsubscribe and List-Unsubscribe-Post; null for a transactional email. */
  unsubscribeUrl: string | null;
  /** Date header: when the touch was due. */
  date: Date;
  /** Which claim of the touch this is (1: the first); a later one may follow a sender that died mid-send. */
  attempt?: number | undefined;
};

/**
 * How a send ended, as far as the provider can tell:
 * - sent: accepted by the provider;
 * - retry: certainly not accepted (SMTP 4xx, connection refused): try again later;
 * - failed: refused for good (SMTP 5xx, invalid recipient): recorded, not retried;
 * - uncertain: may have been accepted (connection lost after the data was sent): never resent;
 * - disconnected: the mailbox's credentials are missing, refused or revoked: the email waits.
 */
export type SendOutcome =
  | { status: 'sent'; providerMessageId?: string | undefined; threadId?: string | undefined }
  | { status: 'retry'; detail: string; retryAfterMs?: number | undefined }
  | { status: 'failed'; detail: string }
  | { status: 'uncertain'; detail: string }
  | { status: 'disconnected'; detail: string };

/**
 * What a failed call to a mailbox provider's API (Gmail, Microsoft Graph) means for the caller:
 * - revoked: the refresh token or the app was refused (or a fresh access token was): the
 *   mailbox needs reconnecting;
 * - transient: certainly not carried out, try later (429, 5xx, connection refused, token endpoint down);
 * - no_response: the request left but no answer came back: it may have been carried out;
 * - refused: any other answer (400 bad input, 404, 409, 410...): `status` and the provider's `reason`.
 */
export type ProviderFailure =
  | { kind: 'revoked'; detail: string }
  | { kind: 'transient'; detail: string; retryAfterMs?: number | undefined }
  | { kind: 'no_response'; detail: string }
  | { kind: 'refused'; status: number; reason: string | null; detail: string };

export interface EmailProvider {
  /** smtp, gmail or local-outbox: recorded on the touch. */
  readonly id: string;
  send(email: OutboundEmail): Promise<SendOutcome>;
  /**
   * Whether a message with this Message-ID reached the mailbox (Gmail: search rfc822msgid:).
   * Absent when the provider cannot tell (SMTP): a crash mid-send then leaves the touch uncertain.
   */
  findSent?(messageId: string): Promise<{ providerMessageId: string; threadId?: string | undefined } | null>;
  close?(): Promise<void>;
}

/** A LinkedIn, call or voicemail touch handed to an external automation or telephony service. */
export type OutboundAction = {
  workspaceId: string;
  /** Idempotency key for the provider: the same on every attempt. */
  touchId: string;
  /** The rep task the result completes (through the signed inbound webhook). */
  taskId: string;
  enrollmentId: string;
  prospectId: string;
  channel: ActionChannel;
  stepKey: string;
  dueAt: string;
  prospect: { name: string; email: string | null; phone: string | null; linkedinUrl: string | null; timeZone: string | null };
  rep: { id: string; name: string; email: string; phone: string | null };
  /** The rendered note, voicemail script or call script. */
  message: string | null;
  /** Where the provider reports the result (the workspace's signed inbound endpoint). */
  resultUrl: string;
};

export interface ActionProvider {
  readonly id: string;
  perform(action: OutboundAction): Promise<SendOutcome>;
}

export interface ChannelRegistry {
  /**
   * The provider sending from a mailbox, reused across sends (one pooled SMTP transport or one
   * OAuth client per mailbox, rebuilt when its settings or credentials change). With no mailbox:
   * the local outbox when the deployment keeps one, else null (the email is held).
   */
  emailFor(mailbox: MailboxRow | null): EmailProvider | null;
  actionFor(provider: ActionProviderRow): ActionProvider;
  /** Base URL of links in emails (one-click unsubscribe). */
  readonly publicUrl: string;
  /** Signs each email's one-click unsubscribe link. */
  readonly unsubscribe: UnsubscribeSigner;
  /** Signs tracked links of workspaces with click tracking on; null: never rewritten. */
  readonly clicks: ClickSigner | null;
  close(): Promise<void>;
}
