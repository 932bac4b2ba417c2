// An inbound email (Gmail poller, email provider webhook) matched to the touch it answers
// (In-Reply-To, References, the bounced Message-ID) or else to the sender's (the failed
// recipient's) prospect, classified, then applied once: a reply stops, a hard bounce stops and
// invalidates the address, an out-of-office pauses until the return date. Bodies are never logged.
import type { Client } from '@temporalio/client';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { prospectLabels } from '../../application/prospect-labels.js';
import type { Database } from '../../db/client.js';
import { mailboxes, prospects, touches, users } from '../../db/schema.js';
import { answeredMessageIds } from '../../domain/mail/answered.js';
import { classifyInboundMail } from '../../domain/mail/classify.js';
import { findReturnDate } from '../../domain/mail/return-date.js';
import type { InboundMail, MailClassification } from '../../domain/mail/types.js';
import { withReceipt } from './inbound/receipts.js';
import { recordDeliveryProblem } from '../../application/mailbox-pause.js';
import { applyProspectEvent, findProspectIdByEmail, type ProspectEventBody } from '../../application/prospect-events.js';

export type InboundMailResult =
  | { applied: true; prospectId: string; enrollmentId: string | null; touchId: string | null; classification: MailClassification; enrollmentsSignalled: number }
  | { applied: false; reason: string };

type Match = { prospectId: string; enrollmentId: string | null; touchId: string | null; toAddress: string | null; prospectEmail: string | null };

/** The touch the mail is about (by Message-ID), else the prospect of the address it is about. */
async function matchMail(db: Database, workspaceId: string, mail: InboundMail, c: MailClassification): Promise<Match | null> {
  const returned = c.kind === 'bounce' || c.kind === 'complaint';
  const ids = answeredMessageIds(mail, returned);
  if (ids.length > 0) {
    const rows = await db
      .select({ messageId: touches.messageId, prospectId: touches.prospectId, enrollmentId: touches.enrollmentId, touchId: touches.id, toAddress: touches.toAddress, prospectEmail: prospects.email })
      .from(touches)
      .innerJoin(prospects, eq(prospects.id, touches.prospectId))
      .where(and(eq(touches.workspaceId, workspaceId), inArray(touches.messageId, ids)));
    const best = ids.map((id) => rows.find((r) => r.messageId === id)).find((r) => r !== undefined);
    if (best) return best;
  }
  const address = returned ? c.recipient : mail.from;
  const prospectId = address ? await findProspectIdByEmail(db, workspaceId, address) : null;
  return prospectId ? { prospectId, enrollmentId: null, touchId: null, toAddress: null, prospectEmail: address } : null;
}

/** Mail from the workspace's own mailboxes or users (the rep's sent copy, a colleague in CC) answers nothing. */
async function fromWorkspace(db: Database, workspaceId: string, from: string): Promise<boolean> {
  const address = from.toLowerCase();
  const [box] = await db.select({ id: mailboxes.id }).from(mailboxes).where(and(eq(mailboxes.workspaceId, workspaceId), eq(mailboxes.address, address))).limit(1);
  if (box) return true;
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, workspaceId), sql`lower(${users.email}) = ${address}`)).limit(1);
  return user !== undefined;
}

/** The prospect's zone, as the cadence computes it. */
const prospectZone = async (db: Database, workspaceId: string, prospectId: string) => (await prospectLabels(db, workspaceId, [prospectId])).get(prospectId)?.timeZone;

function eventOf(c: Exclude<MailClassification, { kind: 'ignore' }>, mail: InboundMail, m: Match): ProspectEventBody {
  if (c.kind === 'reply') return { type: 'reply', subject: mail.subject.slice(0, 500) };
  if (c.kind === 'auto_reply') return { type: 'auto_reply', returnAt: c.returnAt ?? undefined };
  // Marked as spam: the person never wants our email again.
  if (c.kind === 'complaint') return { type: 'opt_out' };
  // The bounced touch went to an address the prospect no longer has: the current one is fine.
  const moved = m.toAddress && m.prospectEmail && m.toAddress.toLowerCase() !== m.prospectEmail.toLowerCase();
  return moved ? { type: 'bounce', bounceKind: 'soft', detail: `an earlier address bounced: ${c.detail}` } : { type: 'bounce', bounceKind: c.bounceKind, detail: c.detail };
}

async function apply(db: Database, temporal: Client, i: ApplyInput): Promise<InboundMailResult> {
  const { workspaceId, mail } = i;
  const now = Number.isNaN(Date.parse(mail.receivedAt)) ? new Date().toISOString() : mail.receivedAt;
  let classification = classifyInboundMail(mail, { now });
  if (classification.kind === 'ignore') return { applied: false, reason: `ignored: ${classification.reason}` };
  if (classification.kind !== 'bounce' && classification.kind !== 'complaint' && (await fromWorkspace(db, workspaceId, mail.from))) return { applied: false, reason: 'ignored: sent from the workspace itself' };
  const match = await matchMail(db, workspaceId, mail, classification);
  if (!match) return { applied: false, reason: 'no touch or prospect of the workspace this email is about' };
  if (classification.kind === 'auto_reply') {
    // The return day starts at midnight where the prospect is.
    classification = { kind: 'auto_reply', returnAt: findReturnDate(mail, { now, timeZone: await prospectZone(db, workspaceId, match.prospectId) }) };
  }
  const payload = {
    touchId: match.touchId,
    messageId: mail.messageId,
    ...(i.mailboxId ? { mailboxId: i.mailboxId } : {}),
    ...(classification.kind === 'bounce' ? { status: classification.status, recipient: classification.recipient } : {}),
    ...(classification.kind === 'complaint' ? { complaint: true } : {}),
  };
  const event = eventOf(classification, mail, match);
  const r = await applyProspectEvent(
    temporal,
    db,
    { workspaceId, prospectId: match.prospectId, source: i.source, dedupeKey: `mail:${i.dedupeKey}`, enrollmentId: match.enrollmentId, payload },
    event,
  );
  // The mailbox's bounce and complaint rates: past a limit it pauses itself (application/mailbox-pause.ts).
  const problem = event.type === 'bounce' && event.bounceKind === 'hard' ? 'hard_bounce' : classification.kind === 'complaint' ? 'complaint' : null;
  if (problem && match.touchId) await recordDeliveryProblem(db, { workspaceId, touchId: match.touchId, problem });
  return { applied: true, prospectId: match.prospectId, enrollmentId: match.enrollmentId, touchId: match.touchId, classification, enrollmentsSignalled: r.enrollmentsSignalled };
}

type ApplyInput = { workspaceId: string; mail: InboundMail; source: 'gmail' | 'microsoft' | 'imap' | 'email'; dedupeKey: string; mailboxId?: string | undefined };

/**
 * Applies an inbound email once per (workspace, dedupeKey): pass the email's Message-ID when it
 * has one, so the same email seen twice (a provider's retry, the Gmail poller and a webhook)
 * changes nothing the second time. No transaction is held (see inbound/receipts.ts).
 */
export async function applyInboundMail(deps: { db: Database; temporal: Client }, i: ApplyInput): Promise<InboundMailResult> {
  const outcome = await withReceipt(deps.db, { workspaceId: i.workspaceId, source: 'mail', messageId: i.dedupeKey.slice(0, 1000) }, () => apply(deps.db, deps.temporal, i));
  return outcome.duplicate ? { applied: false, reason: 'this email was already received' } : outcome.result;
}
