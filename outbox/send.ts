// Sending one claimed touch: the last checks (opt-out, suppression list, a stale announcement,
// the mailbox's state), then the provider, and what its answer means for the touch. No write
// here but the "send started" mark of a mailbox email; outbox-record.ts writes the results.
import { and, eq, sql } from 'drizzle-orm';
import type { ChannelRegistry, MailboxRow, OutboundAction, SendOutcome } from '../channels/types.js';
import { resultSourceOf } from '../channels/actions/task.js';
import type { Database } from '../db/client.js';
import { ANNOUNCEMENT_EXPIRED, announcementFresh } from '../domain/outbox/restage.js';
import { touches } from '../db/schema.js';
import type { UnsubscribeSigner } from '../security/unsubscribe-token.js';
import { NO_MAILBOX, type DeliveryStatus } from './staging.js';
import { fullName, type Person, type SendContext, type TouchRow } from './send-context.js';

/** Transient failures (SMTP 4xx, connection refused) are retried this many times in all. */
export const MAX_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 3_600_000;

export type SendResult = {
  t: TouchRow;
  /** `sending`: another sender took the touch over; nothing to record. */
  status: DeliveryStatus;
  detail: string | null;
  provider: string;
  sentAt?: Date;
  /** Retry: when it is due again. */
  nextAt?: Date;
  providerMessageId?: string | null;
  threadId?: string | null;
  /** The mailbox refused its credentials: it is marked disconnected, its emails held. */
  disconnected?: MailboxRow;
  who?: Person | undefined;
};

export type SendEnv = { db: Database; channels: ChannelRegistry; ctx: SendContext; signer: UnsubscribeSigner; now: Date; fixedSentAt?: Date | undefined };

export const isMailboxProvider = (provider: string) => provider === 'smtp' || provider === 'gmail' || provider === 'microsoft';

export async function sendOne(env: SendEnv, t: TouchRow): Promise<SendResult> {
  const who = env.ctx.people.get(t.enrollmentId);
  const done = (status: DeliveryStatus, detail: string | null, extra: Partial<SendResult> = {}): SendResult => ({ t, status, detail, provider: t.provider, who, ...extra });
  const refused =
    !who ? 'prospect or rep no longer exists'
    : who.status === 'opted_out' ? 'prospect opted out'
    : who.status === 'invalid_email' && t.channel === 'email' ? 'email address marked invalid'
    : env.ctx.suppressed.get(t.id) ?? null;
  if (refused || !who) return done('suppressed', refused);
  return t.channel === 'email' ? sendEmail(env, t, who, done) : performAction(env, t, who, done);
}

type Done = (status: DeliveryStatus, detail: string | null, extra?: Partial<SendResult>) => SendResult;

async function sendEmail(env: SendEnv, t: TouchRow, who: Person, done: Done): Promise<SendResult> {
  // Staged again by its workflow with a fresh slot: never an email announcing a call minutes away.
  if (t.announcedCallAt && !announcementFresh(t.announcedCallAt.getTime(), env.now.getTime())) return done('cancelled', ANNOUNCEMENT_EXPIRED);
  const mailbox = t.mailboxId ? env.ctx.mailboxes.get(t.mailboxId) ?? null : null;
  if (!mailbox && isMailboxProvider(t.provider)) return done('held', NO_MAILBOX);
  if (mailbox && mailbox.status !== 'connected') return done('held', mailbox.statusDetail ?? `mailbox ${mailbox.status}`);
  const sender = env.channels.emailFor(mailbox);
  if (!sender) return done('held', NO_MAILBOX);
  if (mailbox && !(await markStarted(env.db, t))) return done('sending', null);
  const thread = env.ctx.threads.get(t.enrollmentId)?.filter((e) => e.stepKey !== t.stepKey) ?? [];
  const outcome = await attempt(() =>
    sender.send({
      workspaceId: t.workspaceId,
      touchId: t.id,
      enrollmentId: t.enrollmentId,
      prospectId: t.prospectId,
      messageId: t.messageId ?? `<${t.id}@relance.local>`,
      attempt: t.attempts,
      inReplyTo: t.inReplyTo,
      references: t.inReplyTo ? thread.map((e) => e.messageId) : [],
      threadId: t.threadId ?? thread.at(-1)?.threadId ?? null,
      from: mailbox ? { name: mailbox.displayName ?? who.repName, address: mailbox.address } : { name: who.repName, address: who.repEmail },
      to: { name: fullName(who), address: t.toAddress ?? '' },
      subject: t.subject ?? '',
      text: t.body ?? '',
      unsubscribeUrl: `${env.channels.publicUrl}/v1/unsubscribe/${env.signer.sign({ workspaceId: t.workspaceId, prospectId: t.prospectId, touchId: t.id })}`,
      date: t.scheduledAt ?? env.now,
    }),
  );
  return mapOutcome(env, t, outcome, sender.id, done, mailbox);
}

async function performAction(env: SendEnv, t: TouchRow, who: Person, done: Done): Promise<SendResult> {
  const row = env.ctx.actionProviders.get(`${t.workspaceId}:${t.channel}`);
  if (!row || row.status !== 'active') return done('failed', 'no active action provider for this channel: the rep performs the task');
  const task = env.ctx.tasks.get(`${t.enrollmentId}:${t.stepKey}`);
  if (!task || task.status !== 'open') return done('cancelled', 'the task is no longer open');
  const channel = t.channel as OutboundAction['channel'];
  const provider = env.channels.actionFor(row);
  const outcome = await attempt(() =>
    provider.perform({
      workspaceId: t.workspaceId,
      touchId: t.id,
      taskId: task.id,
      enrollmentId: t.enrollmentId,
      prospectId: t.prospectId,
      channel,
      stepKey: t.stepKey,
      dueAt: (t.scheduledAt ?? env.now).toISOString(),
      prospect: { name: fullName(who), email: who.email, phone: who.phone, linkedinUrl: who.linkedinUrl, timeZone: who.timeZone },
      rep: { id: who.repId, name: who.repName, email: who.repEmail, phone: who.repPhone },
      message: t.body,
      resultUrl: `${env.channels.publicUrl}/v1/inbound/${t.workspaceId}/${resultSourceOf(channel)}`,
    }),
  );
  return mapOutcome(env, t, outcome, provider.id, done, null);
}

/** A provider that throws may or may not have acted: never repeated blindly. */
async function attempt(fn: () => Promise<SendOutcome>): Promise<SendOutcome> {
  try {
    return await fn();
  } catch (err) {
    return { status: 'uncertain', detail: `the provider failed mid-send: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function mapOutcome(env: SendEnv, t: TouchRow, o: SendOutcome, provider: string, done: Done, mailbox: MailboxRow | null): SendResult {
  const extra = { provider };
  switch (o.status) {
    case 'sent':
      return done('sent', null, { ...extra, sentAt: env.fixedSentAt ?? new Date(), providerMessageId: o.providerMessageId ?? null, threadId: o.threadId ?? null });
    case 'retry': {
      if (t.attempts >= MAX_ATTEMPTS) return done('failed', `gave up after ${t.attempts} attempts: ${o.detail}`, extra);
      const backoff = o.retryAfterMs ?? Math.min(60_000 * 2 ** Math.max(0, t.attempts - 1), MAX_BACKOFF_MS);
      return done('scheduled', o.detail, { ...extra, nextAt: new Date(env.now.getTime() + backoff) });
    }
    case 'failed':
    case 'uncertain':
      return done(o.status, o.detail, extra);
    case 'disconnected':
      // An action provider has no reconnect flow: the rep performs the task instead.
      return mailbox ? done('held', o.detail, { ...extra, disconnected: mailbox }) : done('failed', o.detail, extra);
  }
}

/**
 * Marks a mailbox email as handed to its provider, under this sender's claim (the attempt
 * count): a sender that lost its claim (the stale-claim sweep gave the touch back) sends
 * nothing, and the sweep tells a send that started (uncertain) from one that never did.
 */
async function markStarted(db: Database, t: TouchRow): Promise<boolean> {
  const rows = await db
    .update(touches)
    .set({ sentAt: sql`clock_timestamp()` })
    .where(and(eq(touches.id, t.id), eq(touches.status, 'sending'), eq(touches.attempts, t.attempts)))
    .returning({ id: touches.id });
  return rows.length > 0;
}
