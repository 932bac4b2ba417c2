// The channel-provider interface (one module per provider, Novu style). The cadence engine
// only knows this interface; the channels work fills in SMTP, Gmail and HTTP providers.
export type OutboundTouch = {
  workspaceId: string;
  enrollmentId: string;
  prospectId: string;
  /** Deterministic per (enrollment, step visit): providers use it as their idempotency key. */
  stepKey: string;
  channel: 'email';
  to: { name: string; email: string };
  from: { repId: string; name: string; email: string };
  subject: string;
  body: string;
  announcedCallAt: string | null;
};

export type SendResult =
  | { status: 'sent'; provider: string; providerMessageId?: string }
  | { status: 'failed'; provider: string; detail: string; retryable: boolean };

export interface ChannelProvider {
  readonly id: string;
  send(touch: OutboundTouch): Promise<SendResult>;
}

export type ChannelRegistry = { email: ChannelProvider };
