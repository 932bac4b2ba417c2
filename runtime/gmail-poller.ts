// Replies, out-of-office answers and bounces reaching a rep's Gmail mailbox: each connected Gmail
// mailbox with threads of live enrollments is read through its history (messages added since
// the last poll); a message in one of those threads that is not ours is parsed and handed to
// applyInboundMail (applied once per email). The history id advances only after processing.
// With no history id yet, or one Gmail no longer keeps (404), the known threads are read whole,
// so a reply that came before the first poll is never lost.
import type { Client } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import { createGoogleAccounts, type GoogleAccount, type GoogleAccounts } from '../channels/google/clients.js';
import { googleFailure } from '../channels/google/errors.js';
import type { MailboxRow } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { mailboxes } from '../db/schema.js';
import type { SecretBox } from '../security/secrets.js';
import type { GoogleConfig } from './config.js';
import { applyFetchedMail, knownThreads, clientsOf, pollMailboxes, type MailboxPoll } from './reply-polling.js';
import { startPeriodic } from './periodic.js';

type Deps = { db: Database; temporal: Client; turnMs?: number };
type Added = { id: string; threadId: string; labelIds: string[] };

/** Messages added since `start`, oldest first; null when Gmail no longer keeps that history. */
async function addedSince(g: GoogleAccount, start: string): Promise<{ added: Added[]; historyId: string } | null> {
  const added: Added[] = [];
  let pageToken: string | undefined;
  let historyId = start;
  try {
    do {
      const res = await g.gmail.users.history.list({ userId: 'me', startHistoryId: start, historyTypes: ['messageAdded'], maxResults: 500, ...(pageToken ? { pageToken } : {}) });
      for (const h of res.data.history ?? []) {
        for (const a of h.messagesAdded ?? []) if (a.message?.id && a.message.threadId) added.push({ id: a.message.id, threadId: a.message.threadId, labelIds: a.message.labelIds ?? [] });
      }
      historyId = res.data.historyId ?? historyId;
      pageToken = res.data.nextPageToken ?? undefined;
    } while (pageToken);
  } catch (err) {
    const f = googleFailure(err);
    if (f.kind === 'refused' && f.status === 404) return null;
    throw err;
  }
  return { added, historyId };
}

/** Every message of the known threads (first poll, or history lost). */
async function wholeThreads(g: GoogleAccount, threads: Set<string>): Promise<Added[]> {
  const out: Added[] = [];
  for (const threadId of threads) {
    try {
      const res = await g.gmail.users.threads.get({ userId: 'me', id: threadId, format: 'minimal' });
      for (const m of res.data.messages ?? []) if (m.id) out.push({ id: m.id, threadId, labelIds: m.labelIds ?? [] });
    } catch (err) {
      const f = googleFailure(err);
      if (!(f.kind === 'refused' && f.status === 404)) throw err; // 404: the rep deleted the thread
    }
  }
  return out;
}

/** Reads one mailbox's new mail in the threads of its live enrollments and applies it. */
export async function pollGmailMailbox(deps: Deps, g: GoogleAccount, m: MailboxRow): Promise<MailboxPoll> {
  const threads = await knownThreads(deps.db, m);
  let candidates: Added[];
  let historyId: string;
  const since = m.gmailHistoryId ? await addedSince(g, m.gmailHistoryId) : null;
  if (since) {
    ({ added: candidates, historyId } = since);
  } else {
    // Read the position first: whatever arrives while the threads are read comes in the next history.
    historyId = (await g.gmail.users.getProfile({ userId: 'me' })).data.historyId!;
    candidates = await wholeThreads(g, threads);
  }
  let applied = 0;
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.id) || !threads.has(c.threadId) || c.labelIds.includes('SENT') || c.labelIds.includes('DRAFT')) continue;
    seen.add(c.id);
    if (await applyMessage(deps, g, m, c.id)) applied++;
  }
  await deps.db
    .update(mailboxes)
    .set({ gmailHistoryId: historyId })
    .where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId)));
  return { seen: seen.size, applied, resynced: !since };
}

async function applyMessage(deps: Deps, g: GoogleAccount, m: MailboxRow, id: string): Promise<boolean> {
  let raw: string | null | undefined;
  let internalDate: string | null | undefined;
  try {
    ({ raw, internalDate } = (await g.gmail.users.messages.get({ userId: 'me', id, format: 'raw' })).data);
  } catch (err) {
    const f = googleFailure(err);
    if (f.kind === 'refused' && f.status === 404) return false; // deleted since
    throw err;
  }
  if (!raw) return false;
  return applyFetchedMail(deps, m, 'gmail', id, Buffer.from(raw, 'base64url'), new Date(Number(internalDate) || Date.now()));
}

/** Polls every connected Gmail mailbox with threads of live enrollments. */
export async function pollGmailMailboxes(deps: Deps, accounts: GoogleAccounts): Promise<void> {
  await pollMailboxes(deps, 'gmail', clientsOf(accounts, (a) => a.account), (g, m) => pollGmailMailbox(deps, g, m), googleFailure);
}

export type GmailPollerOptions = Deps & { google: GoogleConfig; secrets: SecretBox; intervalMs?: number };

export function startGmailPoller(o: GmailPollerOptions): { stop: () => Promise<void> } {
  const accounts = createGoogleAccounts(o.google, o.secrets);
  return startPeriodic('gmail polling', o.intervalMs ?? 30_000, () => pollGmailMailboxes({ ...o, turnMs: o.intervalMs ?? 30_000 }, accounts));
}
