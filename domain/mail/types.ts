// An email received in a rep's mailbox (Gmail history) or reported by an email provider's
// inbound webhook, reduced to what classification and matching need.
export type InboundMail = {
  from: string;
  to: string[];
  subject: string;
  /** RFC 5322 Message-ID of this message, with angle brackets. */
  messageId: string | null;
  inReplyTo: string | null;
  /** References, oldest first. */
  references: string[];
  /** Header names lower-cased; the first value of each. */
  headers: Record<string, string>;
  text: string;
  receivedAt: string;
  /** For delivery reports (multipart/report): the machine-readable part and the returned headers. */
  deliveryStatus?: string | undefined;
  returnedHeaders?: string | undefined;
  /** For a spam complaint from a mailbox provider's feedback loop (RFC 5965): the machine-readable part. */
  feedbackReport?: string | undefined;
};

export type MailClassification =
  | { kind: 'reply' }
  /** Out-of-office: returnAt when the message gives a return date. */
  | { kind: 'auto_reply'; returnAt: string | null }
  | { kind: 'bounce'; bounceKind: 'hard' | 'soft'; recipient: string | null; status: string | null; detail: string }
  /** The recipient marked our email as spam (a feedback-loop report): never emailed again. */
  | { kind: 'complaint'; recipient: string | null }
  /** Not about a prospect (a newsletter, a calendar notice): ignored. */
  | { kind: 'ignore'; reason: string };
