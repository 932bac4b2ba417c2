// What the reply pollers of API mailboxes (Gmail, Microsoft 365) share: which mailboxes and
// threads they read (only the threads of emails whose enrollment is still running, and only the
// mailboxes that have some), the round over those mailboxes (a refused grant disconnects the
// mailbox and tells the rep; anything else waits for the next round), and what a fetched message
// becomes (parsed, then applied once through the inbound-mail path). Every worker process runs the
// pollers; a mailbox's turn is taken in the database before it is read, so a fleet reads each
// mailbox once a round instead of once per worker (quota, and no position written backwards).
import type { Client } from '@temporalio/client';
import { and, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { applyInboundMail } from '../api/services/inbound-mail.js';
import type { MailboxRow, ProviderFailure } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { enrollments, mailboxes, touches } from '../db/schema.js';
import { findUnstorable } from '../db/storable.js';
import { MailParseError, parseRawMail } from '../domain/mail/from-mime.js';
import { log } from '../logging/log.js';
import { disconnectMailboxNow } from '../outbox/disconnect-now.js';

/** `turnMs`: a mailbox polled here is not polled again, by any worker, for this long (the round); absent: always polled. */
type Deps = { db: Database; temporal: Client; turnMs?: number };
type Provider = 'gmail' | 'microsoft';

/** What one poll of one mailbox did. */
export type MailboxPoll = { seen: number; applied: number; resynced: boolean };

const LIVE = ['pending', 'active', 'paused'] as const;

/** Threads (Gmail threads, Outlook conversations) of this mailbox's touches whose enrollment is still running. */
export async function knownThreads(db: Database, m: MailboxRow): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ threadId: touches.threadId })
    .from(touches)
    .innerJoin(enrollments, eq(enrollments.id, touches.enrollmentId))
    .where(and(eq(touches.workspaceId, m.workspaceId), eq(touches.mailboxId, m.id), isNotNull(touches.threadId), inArray(enrollments.status, [...LIVE])));
  return new Set(rows.map((r) => r.threadId!));
}

/**
 * Mailboxes of a provider with threads of live enrollments: the ones worth reading. Connected, or
 * paused by the bounce guard (its emails wait, but a reply must still stop the cadence).
 */
export async function mailboxesWithLiveThreads(db: Database, provider: Provider): Promise<MailboxRow[]> {
  const live = db
    .select({ id: touches.mailboxId })
    .from(touches)
    .innerJoin(enrollments, eq(enrollments.id, touches.enrollmentId))
    .where(and(isNotNull(touches.threadId), inArray(enrollments.status, [...LIVE])));
  return db
    .select()
    .from(mailboxes)
    .where(and(eq(mailboxes.provider, provider), inArray(mailboxes.status, ['connected', 'paused']), inArray(mailboxes.id, live)));
}

/** A provider's accounts as the poll loop asks for them: the mailbox's client, or why there is none. */
export const clientsOf =
  <A, C>(accounts: { for(m: MailboxRow): Promise<({ ok: true } & A) | { ok: false; detail: string }> }, client: (a: A) => C) =>
  async (m: MailboxRow): Promise<{ ok: true; client: C } | { ok: false; detail: string }> => {
    const a = await accounts.for(m);
    return a.ok ? { ok: true, client: client(a) } : a;
  };

/** One round: each mailbox worth reading gets its client and is polled; a refused grant disconnects it. */
export async function pollMailboxes<C>(
  deps: Deps,
  provider: Provider,
  clientOf: (m: MailboxRow) => Promise<{ ok: true; client: C } | { ok: false; detail: string }>,
  poll: (client: C, m: MailboxRow) => Promise<unknown>,
  failureOf: (err: unknown) => ProviderFailure,
): Promise<void> {
  for (const m of await mailboxesWithLiveThreads(deps.db, provider)) {
    if (deps.turnMs !== undefined && !(await takeTurn(deps.db, m, deps.turnMs))) continue;
    try {
      const access = await clientOf(m);
      if (!access.ok) {
        await disconnectMailboxNow(deps.db, m, access.detail);
        continue;
      }
      await poll(access.client, m);
    } catch (err) {
      const f = failureOf(err);
      if (f.kind === 'revoked') await disconnectMailboxNow(deps.db, m, f.detail);
      else log.error({ err, mailboxId: m.id, failure: f.kind }, `${provider}: polling the mailbox failed; retrying next round`);
    }
  }
}

/** Takes this round's turn to read the mailbox: false when another worker took it first. */
export async function takeTurn(db: Database, m: MailboxRow, turnMs: number): Promise<boolean> {
  const taken = await db
    .update(mailboxes)
    .set({ replyPollNotBefore: sql`now() + ${`${Math.max(1, Math.round(turnMs))} milliseconds`}::interval` })
    .where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId), or(isNull(mailboxes.replyPollNotBefore), lte(mailboxes.replyPollNotBefore, sql`now()`))))
    .returning({ id: mailboxes.id });
  return taken.length === 1;
}

/** A message fetched from the mailbox (raw MIME), applied once unless it is unreadable, unstorable or the rep's own. */
export async function applyFetchedMail(deps: Deps, m: MailboxRow, provider: Provider, providerId: string, raw: Buffer, receivedAt: Date): Promise<boolean> {
  let mail;
  try {
    mail = await parseRawMail(raw, receivedAt.toISOString());
  } catch (err) {
    if (err instanceof MailParseError) return false; // unreadable: nothing to act on
    throw err;
  }
  // Text PostgreSQL cannot store (a NUL in an encoded subject): nothing a cadence can act on.
  if (findUnstorable(mail).length > 0) return false;
  if (mail.from.toLowerCase() === m.address.toLowerCase()) return false;
  const r = await applyInboundMail(deps, { workspaceId: m.workspaceId, mail, source: provider, dedupeKey: mail.messageId ?? `${provider}:${m.id}:${providerId}`, mailboxId: m.id });
  return r.applied;
}
