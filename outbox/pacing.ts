// Which mailbox an email leaves from, and when: the enrollment's mailbox, else the rep's default,
// else the rep's first usable one; then the earliest time its caps and the prospect's send
// window allow. Runs inside the staging transaction, with the mailbox row locked, so two
// enrollments of one rep never book the same minute.
import { ApplicationFailure } from '@temporalio/activity';
import { and, asc, desc, eq, gte, inArray, ne, or, sql } from 'drizzle-orm';
import type { MailboxRow } from '../channels/types.js';
import type { Database, DbOrTx } from '../db/client.js';
import { mailboxes, touches } from '../db/schema.js';
import { domainOf, PacingError } from '../domain/channels/pacing.js';
import { nextWarmSendTime, warmupOf } from '../domain/channels/warmup.js';
import { scheduleTouch, TimingError } from '../domain/timing/index.js';
import type { EnrollmentContext } from '../application/enrollment-context.js';

/** Statuses that hold a place in the mailbox's pacing (sent, leaving, or waiting to leave). */
const BOOKED = ['scheduled', 'sending', 'sent', 'uncertain', 'held'] as const;
const DAY_MS = 24 * 3_600_000;

/**
 * The mailbox the enrollment's emails leave from, locked (FOR UPDATE) until the transaction
 * ends; null when the rep has none. An explicitly chosen mailbox is kept even when disconnected
 * or disabled: its emails are then held, visibly, rather than sent from another address.
 */
export async function lockSendingMailbox(tx: DbOrTx, ctx: EnrollmentContext): Promise<MailboxRow | null> {
  const chosen = ctx.enrollment.mailboxId;
  const rows = await tx
    .select()
    .from(mailboxes)
    .where(and(eq(mailboxes.workspaceId, ctx.workspace.id), chosen ? or(eq(mailboxes.id, chosen), eq(mailboxes.userId, ctx.rep.id)) : eq(mailboxes.userId, ctx.rep.id)))
    .orderBy(
      ...(chosen ? [desc(sql`${mailboxes.id} = ${chosen}`)] : []),
      desc(sql`${mailboxes.status} <> 'disabled'`),
      desc(mailboxes.isDefault),
      asc(mailboxes.createdAt),
      asc(mailboxes.id),
    )
    .for('update');
  const first = rows[0];
  if (!first) return null;
  // Not the enrollment's own and disabled by ops: no mailbox to send from.
  return first.id === chosen || first.status !== 'disabled' ? first : null;
}

/** Whether the rep has any mailbox an email could now leave from (a held email may be staged again). */
export async function repHasMailbox(db: Database, workspaceId: string, repId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: mailboxes.id })
    .from(mailboxes)
    .where(and(eq(mailboxes.workspaceId, workspaceId), eq(mailboxes.userId, repId), ne(mailboxes.status, 'disabled')))
    .limit(1);
  return Boolean(row);
}

/**
 * The earliest instant >= desired the mailbox's caps, gap and per-domain cap allow, inside the
 * prospect's send window on a business day (unless a reschedule overrode the timing rules).
 * A mailbox warming up has the daily cap of the ramp day each send falls in. Reads the mailbox's
 * bookings from a day before on.
 */
export async function pacedSendTime(tx: DbOrTx, mailbox: MailboxRow, ctx: EnrollmentContext, desired: string, to: string | null, except?: string, ignoreWindows = false): Promise<string> {
  const from = new Date(Date.parse(desired) - DAY_MS);
  const rows = await tx
    .select({ sentAt: touches.sentAt, scheduledAt: touches.scheduledAt, to: touches.toAddress, id: touches.id })
    .from(touches)
    .where(and(eq(touches.mailboxId, mailbox.id), gte(touches.scheduledAt, from), inArray(touches.status, [...BOOKED])));
  const bookings = rows.filter((r) => r.id !== except).map((r) => ({ at: (r.sentAt ?? r.scheduledAt)!.getTime(), domain: domainOf(r.to) }));
  // A reschedule that overrode the timing rules keeps its time; the mailbox's caps still hold.
  const fit = ignoreWindows ? (t: number) => t : (t: number) => Date.parse(scheduleTouch({ earliest: new Date(t).toISOString(), channel: 'email', place: ctx.place, rules: ctx.rules }));
  try {
    const at = nextWarmSendTime({
      warmup: warmupOf(mailbox),
      caps: { dailyCap: mailbox.dailyCap, hourlyCap: mailbox.hourlyCap, minGapSeconds: mailbox.minGapSeconds, domainDailyCap: mailbox.domainDailyCap },
      bookings,
      domain: domainOf(to),
      desired: Date.parse(desired),
      fit,
    });
    return new Date(at).toISOString();
  } catch (err) {
    if (err instanceof TimingError || err instanceof PacingError) throw ApplicationFailure.nonRetryable(err.message, 'InvalidTiming');
    throw err;
  }
}
