// An invitation or password reset link sent by email, through the workspace's own mail path: the
// mailbox asked for (an admin may name any of the workspace's), else the inviter's own (default
// first), else the local outbox when the deployment keeps one. It is a transactional message to a
// person of the workspace, not a cadence touch: no outbox row (the row would have to keep the
// link's token until it leaves), no pacing or mailbox caps (a person is waiting for it), no
// prospect suppression list (ops often list their own company's domain so no cadence reaches a
// colleague: that must not keep a colleague out of the console), no unsubscribe link. It is sent
// while the request waits, so the answer says what really happened; the link is shown either way.
import { and, asc, desc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { ChannelRegistry, EmailProvider, MailboxRow, SendOutcome } from '../../channels/types.js';
import type { Database } from '../../db/client.js';
import { mailboxes, users, workspaces } from '../../db/schema.js';
import { ProblemError } from '../problem.js';
import type { Principal } from '../middleware/auth.js';
import type { LinkPurpose } from './links.js';

/** A provider that has not answered by then: the answer says so (it may still leave). */
const SEND_WAIT_MS = 20_000;

export type LinkEmailOutcome = {
  sent: boolean;
  to: string;
  /** The mailbox it left from; null: the local outbox, or not sent. */
  mailbox: { id: string; address: string } | null;
  provider: string | null;
  /** Why it was not sent (null when sent). */
  reason: string | null;
};

type Person = typeof users.$inferSelect;
type Sender = { provider: EmailProvider; mailbox: MailboxRow | null } | { reason: string };

export async function sendLinkEmail(
  db: Database,
  channels: ChannelRegistry | undefined,
  o: { caller: Principal; mailboxId: string | undefined; user: Person; purpose: Exclude<LinkPurpose, 'setup'>; linkId: string; url: string; expiresAt: Date },
): Promise<LinkEmailOutcome> {
  const { caller, user } = o;
  const notSent = (reason: string): LinkEmailOutcome => ({ sent: false, to: user.email, mailbox: null, provider: null, reason });
  const sender = await senderFor(db, channels, caller, o.mailboxId);
  if ('reason' in sender) return notSent(sender.reason);
  const [ws] = await db.select({ name: workspaces.name, timeZone: workspaces.timeZone }).from(workspaces).where(eq(workspaces.id, caller.workspaceId));
  const [inviter] = caller.userId ? await db.select({ name: users.name, email: users.email }).from(users).where(and(eq(users.id, caller.userId), eq(users.workspaceId, caller.workspaceId))) : [];
  const from = sender.mailbox
    ? { name: sender.mailbox.displayName ?? inviter?.name ?? ws!.name, address: sender.mailbox.address }
    : { name: inviter?.name ?? ws!.name, address: inviter?.email ?? 'no-reply@relance.local' };
  const domain = from.address.slice(from.address.lastIndexOf('@') + 1) || 'relance.local';
  const text = linkEmail({ purpose: o.purpose, person: user.name, workspace: ws!.name, inviter: inviter?.name ?? null, url: o.url, expiresAt: o.expiresAt, timeZone: user.timeZone ?? ws!.timeZone });
  const outcome = await withinWait(
    sender.provider.send({
      workspaceId: caller.workspaceId,
      // The link's row id: the local outbox names its file by it.
      touchId: o.linkId,
      enrollmentId: null,
      prospectId: null,
      messageId: `<${o.purpose}-${o.linkId}.relance@${domain}>`,
      inReplyTo: null,
      references: [],
      threadId: null,
      from,
      to: { name: user.name, address: user.email },
      subject: text.subject,
      text: text.body,
      unsubscribeUrl: null,
      date: new Date(),
    }),
  );
  const via = { mailbox: sender.mailbox ? { id: sender.mailbox.id, address: sender.mailbox.address } : null, provider: sender.provider.id };
  if (outcome.status === 'sent') return { sent: true, to: user.email, ...via, reason: null };
  return { sent: false, to: user.email, ...via, reason: `${reasonOf(outcome)}: copy the link and send it yourself` };
}

async function senderFor(db: Database, channels: ChannelRegistry | undefined, caller: Principal, mailboxId: string | undefined): Promise<Sender> {
  if (mailboxId) {
    const [box] = await db.select().from(mailboxes).where(and(eq(mailboxes.id, mailboxId), eq(mailboxes.workspaceId, caller.workspaceId)));
    if (!box) throw new ProblemError('not-found', 404, 'no such mailbox in this workspace', { errors: [{ field: 'body.mailboxId', message: 'unknown' }] });
    // Sending as a colleague is the admin's call only.
    if (box.userId !== caller.userId && caller.role !== 'admin') throw new ProblemError('forbidden', 403, "only an admin may send from someone else's mailbox", { errors: [{ field: 'body.mailboxId', message: 'not yours' }] });
    if (!channels) return { reason: 'this server sends no email' };
    if (box.status !== 'connected') return { reason: `the mailbox ${box.address} is ${box.status}` };
    return providerOf(channels, box);
  }
  if (!channels) return { reason: 'this server sends no email' };
  if (caller.userId) {
    const [box] = await db
      .select()
      .from(mailboxes)
      .where(and(eq(mailboxes.workspaceId, caller.workspaceId), eq(mailboxes.userId, caller.userId), eq(mailboxes.status, 'connected')))
      .orderBy(desc(mailboxes.isDefault), asc(mailboxes.createdAt), asc(mailboxes.id))
      .limit(1);
    if (box) return providerOf(channels, box);
  }
  const local = channels.emailFor(null);
  if (local) return { provider: local, mailbox: null };
  return { reason: caller.userId ? 'you have no connected mailbox to send from' : 'this API key acts as no one: name a mailbox (mailboxId) to send from' };
}

function providerOf(channels: ChannelRegistry, box: MailboxRow): Sender {
  const provider = channels.emailFor(box);
  return provider ? { provider, mailbox: box } : { reason: `the mailbox ${box.address} cannot send` };
}

function withinWait(sending: Promise<SendOutcome>): Promise<SendOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<SendOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'uncertain', detail: `the mailbox did not answer within ${SEND_WAIT_MS / 1000} s (it may still leave)` }), SEND_WAIT_MS);
  });
  return Promise.race([sending.catch((err: unknown) => ({ status: 'uncertain' as const, detail: `the mailbox failed mid-send: ${err instanceof Error ? err.message : 'unknown error'}` })), late]).finally(() => clearTimeout(timer));
}

const reasonOf = (o: Exclude<SendOutcome, { status: 'sent' }>) =>
  o.status === 'disconnected' ? `the mailbox refused its credentials (${o.detail})`
  : o.status === 'retry' ? `the mail server deferred it (${o.detail})`
  : o.status === 'failed' ? `the mail server refused it (${o.detail})`
  : o.detail;

/** The email itself: who invites, to which workspace, the link, until when (in the person's zone). */
export function linkEmail(o: { purpose: 'invitation' | 'reset'; person: string; workspace: string; inviter: string | null; url: string; expiresAt: Date; timeZone: string }) {
  const until = DateTime.fromJSDate(o.expiresAt).setZone(o.timeZone).setLocale('en-GB').toFormat("cccc d LLLL yyyy, HH:mm '('z')'");
  const by = o.inviter ?? `The ${o.workspace} team`;
  if (o.purpose === 'invitation') {
    return {
      subject: `${by} invites you to ${o.workspace} on Relance`,
      body: `Hello ${o.person},\n\n${by} invites you to join ${o.workspace} on Relance.\nChoose your password here (the link works once, until ${until}):\n\n${o.url}\n\nIf you did not expect this invitation, ignore this email.\n`,
    };
  }
  return {
    subject: `Reset your Relance password for ${o.workspace}`,
    body: `Hello ${o.person},\n\n${by} sent you a link to choose a new password for ${o.workspace} on Relance.\nIt works once, until ${until}, and signs you out everywhere else:\n\n${o.url}\n\nIf you did not ask for it, ignore this email: your password stays as it is.\n`,
  };
}
