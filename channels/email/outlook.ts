// Sending from a rep's Microsoft 365 mailbox through Microsoft Graph: the same MIME bytes as SMTP
// (our Message-ID, In-Reply-To and References, unsubscribe headers) posted base64 as a draft
// (POST /me/messages), then sent (POST /me/messages/{id}/send). Exchange threads a follow-up
// into the conversation of the email it answers from those headers; the draft's answer gives
// the conversationId, kept as the touch's thread so replies are found in it.
// Exactly once: when a step gets no answer, or a sender died mid-send (a later claim of the
// touch), the mailbox is searched for our Message-ID (internetMessageId) before anything is
// created or sent again; a draft left behind is sent, not duplicated.
import type { Client } from '@microsoft/microsoft-graph-client';
import { microsoftAccountOf, type MicrosoftAccess, type TokenStore } from '../microsoft/clients.js';
import { microsoftFailure } from '../microsoft/errors.js';
import type { MicrosoftConfig } from '../config.js';
import type { SecretBox } from '../../security/secrets.js';
import type { EmailProvider, MailboxRow, OutboundEmail, ProviderFailure, SendOutcome } from '../types.js';
import { buildMime } from './mime.js';

type Found = { id: string; conversationId?: string | undefined; isDraft: boolean };

/** Messages of the mailbox carrying this Message-ID (drafts included), any folder. */
export async function findByMessageId(graph: Client, messageId: string): Promise<Found[]> {
  const res = (await graph
    .api('/me/messages')
    // The SDK puts the value in the URL as it is: encoded here, so a '+', '&' or '#' in a Message-ID survives.
    .filter(encodeURIComponent(`internetMessageId eq '${messageId.replace(/'/g, "''")}'`))
    .select('id,conversationId,isDraft')
    .top(10)
    .get()) as { value?: Array<{ id: string; conversationId?: string; isDraft?: boolean }> };
  return (res.value ?? []).map((m) => ({ id: m.id, conversationId: m.conversationId, isDraft: m.isDraft === true }));
}

export function createOutlookSender(mailbox: MailboxRow, secrets: SecretBox, microsoft: MicrosoftConfig, store?: TokenStore): EmailProvider {
  let access: Promise<MicrosoftAccess> | undefined;
  const client = () => (access ??= microsoftAccountOf(mailbox, secrets, microsoft, store));
  // Message-IDs whose draft or send went unanswered: looked up before the next attempt.
  const unanswered = new Set<string>();
  // Drafts made but not sent yet (the send was refused for now): the next attempt sends the same draft.
  const drafts = new Map<string, Found>();

  async function findSent(messageId: string): Promise<{ providerMessageId: string; threadId?: string | undefined } | null> {
    const a = await client();
    if (!a.ok) throw new Error(a.detail);
    const sent = (await findByMessageId(a.graph, messageId)).find((m) => !m.isDraft);
    return sent ? { providerMessageId: sent.id, threadId: sent.conversationId } : null;
  }

  const outcomeOf = (f: ProviderFailure): SendOutcome =>
    f.kind === 'revoked' ? { status: 'disconnected', detail: f.detail }
    : f.kind === 'transient' ? { status: 'retry', detail: f.detail, retryAfterMs: f.retryAfterMs }
    : f.kind === 'refused' ? { status: 'failed', detail: f.detail }
    : { status: 'uncertain', detail: f.detail };

  /** Sends a draft; an unanswered send is looked up: sent, still a draft (retried), or unknown (uncertain). */
  async function sendDraft(graph: Client, email: OutboundEmail, draft: Found): Promise<SendOutcome> {
    try {
      await graph.api(`/me/messages/${encodeURIComponent(draft.id)}/send`).post(null);
      unanswered.delete(email.messageId);
      drafts.delete(email.messageId);
      return { status: 'sent', providerMessageId: draft.id, threadId: draft.conversationId };
    } catch (err) {
      const f = microsoftFailure(err);
      if (f.kind === 'refused' && f.status === 404) {
        drafts.delete(email.messageId);
        return { status: 'retry', detail: 'the draft disappeared before it was sent: built again later' };
      }
      if (f.kind !== 'no_response') return outcomeOf(f);
      unanswered.add(email.messageId);
      // Looked up, not sent again now: a draft still there is sent at the next attempt.
      return (await lookUp(graph, email, f.detail, false)) ?? { status: 'retry', detail: `${f.detail}; the message is not in the mailbox: built again later` };
    }
  }

  /**
   * What became of an earlier unanswered attempt: sent (done), a draft (sent now, or at the next
   * attempt when `sendFoundDraft` is false), nothing (null: build it again); when the mailbox cannot be
   * searched either, uncertain.
   */
  async function lookUp(graph: Client, email: OutboundEmail, why: string, sendFoundDraft = true): Promise<SendOutcome | null> {
    let found: Found[];
    try {
      found = await findByMessageId(graph, email.messageId);
    } catch (err) {
      // Even a revoked grant: the message may be out, so it is never resent blindly.
      return { status: 'uncertain', detail: `${why}; checking the mailbox failed too (${microsoftFailure(err).detail}): not resent` };
    }
    const sent = found.find((m) => !m.isDraft);
    if (sent) {
      unanswered.delete(email.messageId);
      drafts.delete(email.messageId);
      return { status: 'sent', providerMessageId: sent.id, threadId: sent.conversationId };
    }
    const draft = found[0];
    if (!draft) return null;
    return sendFoundDraft ? sendDraft(graph, email, draft) : { status: 'retry', detail: `${why}; the message is still a draft: sent at the next attempt` };
  }

  async function send(email: OutboundEmail): Promise<SendOutcome> {
    const a = await client();
    if (!a.ok) return { status: 'disconnected', detail: a.detail };
    // An earlier attempt unanswered here, or made by a sender that died (a later claim): what did it leave?
    if (unanswered.has(email.messageId) || (email.attempt ?? 1) > 1) {
      const known = await lookUp(a.graph, email, 'an earlier attempt may have reached Microsoft Graph');
      if (known) return known;
    }
    const made = drafts.get(email.messageId);
    if (made) return sendDraft(a.graph, email, made);
    let raw: Buffer;
    try {
      raw = await buildMime(email);
    } catch (err) {
      return { status: 'failed', detail: `the message could not be built: ${err instanceof Error ? err.message : String(err)}` };
    }
    let draft: Found;
    try {
      const created = (await a.graph.api('/me/messages').header('Content-Type', 'text/plain').post(raw.toString('base64'))) as { id: string; conversationId?: string };
      draft = { id: created.id, conversationId: created.conversationId, isDraft: true };
      drafts.set(email.messageId, draft);
    } catch (err) {
      const f = microsoftFailure(err);
      if (f.kind !== 'no_response') return outcomeOf(f);
      unanswered.add(email.messageId);
      return (await lookUp(a.graph, email, f.detail)) ?? { status: 'retry', detail: `${f.detail}; the message is not in the mailbox: sent again later` };
    }
    return sendDraft(a.graph, email, draft);
  }

  return { id: 'microsoft', send, findSent };
}
