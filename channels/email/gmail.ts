// Sending from a rep's Gmail mailbox through the Gmail API: the same MIME bytes as SMTP (our
// Message-ID, threading and unsubscribe headers) posted raw, in the thread of the cadence's
// previous email. One OAuth client per mailbox keeps the access token between sends.
// Exactly once: when a send gets no answer, Gmail may have accepted it, so the mailbox is
// searched for our Message-ID (rfc822msgid:) before anything is sent again.
import { googleAccountOf, type GoogleAccess } from '../google/clients.js';
import { googleFailure } from '../google/errors.js';
import type { GoogleConfig } from '../config.js';
import type { SecretBox } from '../../security/secrets.js';
import type { EmailProvider, MailboxRow, OutboundEmail, SendOutcome } from '../types.js';
import { buildMime } from './mime.js';

export function createGmailSender(mailbox: MailboxRow, secrets: SecretBox, google: GoogleConfig): EmailProvider {
  let accessing: Promise<GoogleAccess> | undefined;
  const clients = () => (accessing ??= googleAccountOf(mailbox, secrets, google));
  // Message-IDs whose send went unanswered: checked again before the next attempt, since
  // Gmail's search may take a moment to show a message it accepted.
  const unanswered = new Set<string>();

  async function findSent(messageId: string): Promise<{ providerMessageId: string; threadId?: string | undefined } | null> {
    const access = await clients();
    if (!access.ok) throw new Error(access.detail);
    const res = await access.account.gmail.users.messages.list({ userId: 'me', q: `rfc822msgid:${messageId.replace(/^<|>$/g, '')}`, includeSpamTrash: true, maxResults: 1 });
    const found = res.data.messages?.[0];
    return found?.id ? { providerMessageId: found.id, threadId: found.threadId ?? undefined } : null;
  }

  /** Whether an unanswered send reached the mailbox; null when it certainly did not. */
  async function checkSent(messageId: string, why: string): Promise<SendOutcome | null> {
    try {
      const found = await findSent(messageId);
      if (!found) return null;
      unanswered.delete(messageId);
      return { status: 'sent', ...found };
    } catch (err) {
      // Even a revoked grant: the message may be out, so it is never resent blindly.
      return { status: 'uncertain', detail: `${why}; checking the mailbox failed too (${googleFailure(err).detail}): not resent` };
    }
  }

  async function send(email: OutboundEmail): Promise<SendOutcome> {
    const access = await clients();
    if (!access.ok) return { status: 'disconnected', detail: access.detail };
    if (unanswered.has(email.messageId)) {
      const known = await checkSent(email.messageId, 'an earlier attempt got no answer from Gmail');
      if (known) return known;
    }
    let raw: Buffer;
    try {
      raw = await buildMime(email);
    } catch (err) {
      return { status: 'failed', detail: `the message could not be built: ${err instanceof Error ? err.message : String(err)}` };
    }
    try {
      const res = await access.account.gmail.users.messages.send({
        userId: 'me',
        requestBody: { raw: raw.toString('base64url'), ...(email.threadId ? { threadId: email.threadId } : {}) },
      });
      unanswered.delete(email.messageId);
      return { status: 'sent', providerMessageId: res.data.id ?? undefined, threadId: res.data.threadId ?? undefined };
    } catch (err) {
      const f = googleFailure(err);
      switch (f.kind) {
        case 'revoked':
          return { status: 'disconnected', detail: f.detail };
        case 'transient':
          return { status: 'retry', detail: f.detail, retryAfterMs: f.retryAfterMs };
        case 'no_response': {
          unanswered.add(email.messageId);
          const known = await checkSent(email.messageId, f.detail);
          return known ?? { status: 'retry', detail: `${f.detail}; the message is not in the mailbox: sent again later` };
        }
        case 'refused':
          // The thread is gone from the mailbox (deleted by the rep): the follow-up starts a new one.
          if (f.status === 404 && email.threadId) return send({ ...email, threadId: null });
          return { status: 'failed', detail: f.detail };
      }
    }
  }

  return { id: 'gmail', send, findSent };
}
