// Staging an email in the outbox: one transaction per (enrollment, step visit) that picks the
// mailbox, paces the send on it, reserves the announced call from the time the email will really
// leave, renders the template with that time, threads it under the cadence's previous email and
// writes the touch with its deterministic Message-ID. Idempotent: a retry returns the touch.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ChannelRegistry, MailboxRow } from '../channels/types.js';
import type { Database, DbOrTx } from '../db/client.js';
import { touches } from '../db/schema.js';
import { renderTemplate, variantFor, type Step } from '../domain/sequences/index.js';
import type { TimingRulesInput } from '../domain/timing/index.js';
import { loadEnrollmentContext, type EnrollmentContext } from '../application/enrollment-context.js';
import { lockSendingMailbox, pacedSendTime } from './pacing.js';
import { reserveCallSlot } from '../application/call-slots.js';
import { suppressionOf } from '../application/suppression.js';
import { noMailboxTask, openSystemTask } from '../application/system-tasks.js';
import { templateVars } from '../application/template-vars.js';
import { appendEvent } from '../application/timeline.js';
import { trackLinks } from '../domain/mail/tracked-links.js';
import { MAX_TRACKED_URL } from '../security/click-token.js';

type TouchRow = typeof touches.$inferSelect;
export type DeliveryStatus = TouchRow['status'];

export type StageRequest = {
  workspaceId: string;
  enrollmentId: string;
  stepKey: string;
  step: Step;
  /** The earliest it may leave (the step's due time, or now when later). */
  desiredAt: string;
  /** The sequence's timing override (send window, business days). */
  timing?: TimingRulesInput | null;
  /** Pace the send on its mailbox (the legacy path sends at desiredAt). */
  pace: boolean;
  /** Reserve the announced call slot (this key) from the paced send time; with `callStep`, its task shows as upcoming. */
  announce?: { slotKey: string; at: string; callStep?: Step } | null;
  /** A reschedule overrode the timing rules: the email leaves when asked, caps still apply. */
  ignoreTimingRules?: boolean;
  /** Legacy path: the slot was reserved before staging. */
  announcedCallAt?: string | null;
};
export type StageEmailResult = { touchId: string; status: DeliveryStatus; detail: string | null; sendAt: string; announcedCallAt: string | null };

export const NO_MAILBOX = 'the rep has no mailbox';

const resultOf = (t: TouchRow): StageEmailResult => ({
  touchId: t.id,
  status: t.status,
  detail: t.detail,
  sendAt: (t.scheduledAt ?? t.createdAt).toISOString(),
  announcedCallAt: t.announcedCallAt?.toISOString() ?? null,
});

/** `<enrollment.step-visit.relance@sending-domain>`: the same on every attempt and every retry. */
export function messageIdFor(enrollmentId: string, stepKey: string, mailbox: MailboxRow | null): string {
  const domain = mailbox?.address.slice(mailbox.address.lastIndexOf('@') + 1) || 'relance.local';
  return `<${enrollmentId}.${stepKey.replace(/#/g, '-')}.relance@${domain}>`;
}

export async function stageEmailTouch(db: Database, channels: ChannelRegistry, r: StageRequest): Promise<StageEmailResult> {
  const [existing] = await db.select().from(touches).where(and(eq(touches.enrollmentId, r.enrollmentId), eq(touches.stepKey, r.stepKey)));
  // A retry of a staged (or sent) touch returns it without reading or rendering anything.
  if (existing && existing.status !== 'cancelled') return resultOf(existing);
  const ctx = await loadEnrollmentContext(db, r.workspaceId, r.enrollmentId, r.timing);
  // Checked again when it leaves; refusing here already keeps the queue honest.
  const suppressedBecause =
    ctx.prospect.status === 'opted_out' ? 'prospect opted out'
    : ctx.prospect.status === 'invalid_email' ? 'email address marked invalid'
    : !ctx.prospect.email ? 'prospect has no email address'
    : await suppressionOf(db, r.workspaceId, ctx.prospect.email);
  return db.transaction(async (tx) => {
    const mailbox = await lockSendingMailbox(tx, ctx);
    const local = mailbox ? null : channels.emailFor(null);
    const held = !suppressedBecause && !mailbox && !local;
    const status: DeliveryStatus = suppressedBecause ? 'suppressed' : held ? 'held' : 'scheduled';
    let sendAt = r.desiredAt;
    let announcedCallAt = r.announcedCallAt ?? null;
    if (status === 'scheduled') {
      if (r.pace && mailbox) sendAt = await pacedSendTime(tx, mailbox, ctx, r.desiredAt, ctx.prospect.email, existing?.id, r.ignoreTimingRules === true);
      // The promise follows the real send time: an hour's notice at least, never in the past.
      if (r.announce) {
        const { callStep } = r.announce;
        announcedCallAt = await reserveCallSlot(tx, ctx, { workspaceId: r.workspaceId, enrollmentId: r.enrollmentId, stepKey: r.announce.slotKey, sendAt, at: r.announce.at, ...(callStep ? { callStep } : {}) });
      }
    }
    const previous = await previousEmail(tx, r.enrollmentId, r.stepKey);
    // An A/B step: the enrollment's variant, the same on every retry and re-staging (variants.ts).
    const variant = r.step.variants?.length ? variantFor(r.enrollmentId, r.step.id, r.step.variants) : null;
    const rendered = renderTemplate(variant ?? r.step.template ?? { body: '' }, templateVars(ctx, { announcedCallAt }));
    // The id is known before the insert: a tracked link names its email.
    const touchId = existing?.id ?? randomUUID();
    const values = {
      mailboxId: mailbox?.id ?? null,
      provider: mailbox?.provider ?? local?.id ?? 'none',
      status,
      scheduledAt: new Date(sendAt),
      toAddress: ctx.prospect.email,
      subject: rendered.subject || (previous?.subject ? `Re: ${previous.subject.replace(/^(re:\s*)+/i, '')}` : null),
      body: trackedBody(channels, ctx, touchId, rendered.body),
      variant: variant?.key ?? null,
      announcedCallAt: announcedCallAt ? new Date(announcedCallAt) : null,
      detail: suppressedBecause ?? (held ? NO_MAILBOX : null),
      messageId: messageIdFor(r.enrollmentId, r.stepKey, mailbox),
      inReplyTo: previous?.messageId ?? null,
      threadId: previous?.threadId ?? null,
      claimedAt: null,
      sentAt: null,
    };
    let row: TouchRow | undefined;
    if (existing) {
      // Taken back (a pause, an expired announcement): queued again in place, freshly paced.
      [row] = await tx.update(touches).set(values).where(and(eq(touches.id, existing.id), eq(touches.status, 'cancelled'))).returning();
    } else {
      [row] = await tx
        .insert(touches)
        .values({ id: touchId, workspaceId: r.workspaceId, enrollmentId: r.enrollmentId, prospectId: ctx.prospect.id, stepKey: r.stepKey, channel: 'email', ...values })
        .onConflictDoNothing({ target: [touches.enrollmentId, touches.stepKey] })
        .returning();
    }
    if (!row) {
      const [again] = await tx.select().from(touches).where(and(eq(touches.enrollmentId, r.enrollmentId), eq(touches.stepKey, r.stepKey)));
      return resultOf(again!);
    }
    await recordStaging(tx, ctx, row, status);
    return resultOf(row);
  });
}

/** The cadence's previous email that left: the new one threads under it. */
async function previousEmail(tx: DbOrTx, enrollmentId: string, stepKey: string) {
  const [prev] = await tx
    .select({ messageId: touches.messageId, threadId: touches.threadId, subject: touches.subject })
    .from(touches)
    .where(and(eq(touches.enrollmentId, enrollmentId), eq(touches.channel, 'email'), ne(touches.stepKey, stepKey), inArray(touches.status, ['sent', 'uncertain'])))
    .orderBy(desc(sql`coalesce(${touches.sentAt}, ${touches.scheduledAt})`))
    .limit(1);
  return prev ?? null;
}

async function recordStaging(tx: DbOrTx, ctx: EnrollmentContext, row: TouchRow, status: DeliveryStatus): Promise<void> {
  if (status === 'scheduled') return;
  const base = { workspaceId: row.workspaceId, prospectId: row.prospectId, enrollmentId: row.enrollmentId };
  await appendEvent(tx, { ...base, type: `touch.${status}`, payload: { touchId: row.id, stepKey: row.stepKey, reason: row.detail }, dedupeKey: status === 'suppressed' ? `touch:${row.id}` : `touch.${status}:${row.id}:staged` });
  if (status === 'held') await openSystemTask(tx, noMailboxTask({ workspaceId: row.workspaceId, repId: ctx.rep.id, at: row.scheduledAt ?? new Date() }));
}

/**
 * With click tracking on (the workspace's setting, off by default), each link of the email goes
 * through the signed redirect /v1/clicks/{token}; the stored body is the one that leaves.
 */
function trackedBody(channels: ChannelRegistry, ctx: EnrollmentContext, touchId: string, body: string): string {
  const signer = channels.clicks;
  if (!ctx.workspace.clickTracking || !signer) return body;
  return trackLinks(body, (url) => (url.length > MAX_TRACKED_URL ? null : `${channels.publicUrl}/v1/clicks/${signer.sign({ workspaceId: ctx.workspace.id, touchId, url })}`));
}
