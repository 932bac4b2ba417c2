// Reps' sending mailboxes: who may see one, its JSON (never its credentials), live send figures,
// the one default per rep, and what a reconnection releases. Every query is scoped to the
// caller's workspace; a rep key sees only its own user's mailboxes.
import { and, asc, eq, inArray, isNull, like, ne, or, sql } from 'drizzle-orm';
import type { SmtpSettings } from '../../channels/email/smtp.js';
import { imapSettingsOf } from '../../channels/email/imap-settings.js';
import { dkimDnsRecord } from '../../channels/email/dkim-key.js';
import type { SendingDomainCheck } from '../../channels/email/sender-dns.js';
import { dailyCapAt, warmupDay, warmupEndsAt, warmupOf } from '../../domain/channels/warmup.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { calendarHolds, enrollments, mailboxes, tasks, touches, users } from '../../db/schema.js';
import { appendEvent } from '../../application/timeline.js';
import { httpsOrAllowed, UnsafeUrlError, vetUrl, type AllowList, type LookupAll } from '../../security/ssrf.js';
import type { Principal } from '../middleware/auth.js';
import { ProblemError } from '../problem.js';
import { findInWorkspace } from './in-workspace.js';

export type Mailbox = typeof mailboxes.$inferSelect;

export const invalid = (field: string, message: string) => new ProblemError('validation-failed', 422, `${field}: ${message}`, { errors: [{ field, message }] });

/** SMTP and IMAP hosts are customer-chosen outbound targets, vetted like webhook URLs (security/ssrf.ts). */
export async function vetMailboxHost(s: { host: string; port: number }, allowList: AllowList, lookup: LookupAll | undefined, field: string): Promise<void> {
  const bare = s.host.replace(/^\[|\]$/g, '');
  const host = bare.includes(':') ? `[${bare}]` : bare;
  try {
    await vetUrl(`http://${host}:${s.port}/`, allowList, lookup);
  } catch (err) {
    if (!(err instanceof UnsafeUrlError)) throw err;
    throw invalid(field, err.message.replace('webhooks may not reach', 'mailboxes may not use'));
  }
}

/** An OAuth2 token endpoint gets a client secret and a refresh token: https (or an allowed host), vetted like a webhook URL. */
export async function vetTokenUrl(url: string, allowList: AllowList, lookup: LookupAll | undefined, field: string): Promise<void> {
  const problem = httpsOrAllowed(url, allowList);
  if (problem) throw invalid(field, problem);
  try {
    await vetUrl(url, allowList, lookup);
  } catch (err) {
    if (!(err instanceof UnsafeUrlError)) throw err;
    throw invalid(field, err.message.replace('webhooks may not reach', 'mailboxes may not use'));
  }
}

/** The mailbox, if the caller may see it: a rep key only its own user's ("not found" otherwise). */
export const findMailbox = (db: Database, p: Principal, id: string): Promise<Mailbox> =>
  findInWorkspace(db, mailboxes, p.workspaceId, id, 'mailbox', p.role === 'rep' ? { also: eq(mailboxes.userId, p.userId ?? sql`null`) } : {});

export function mailboxJson(m: Mailbox, now = Date.now()) {
  return {
    id: m.id,
    userId: m.userId,
    address: m.address,
    displayName: m.displayName,
    provider: m.provider,
    status: m.status,
    statusDetail: m.statusDetail,
    statusChangedAt: m.statusChangedAt?.toISOString() ?? null,
    isDefault: m.isDefault,
    smtp: m.provider === 'smtp' ? (m.settings as SmtpSettings) : null,
    imap: imapJson(m),
    hasCredentials: m.sealedSecret !== null,
    dailyCap: m.dailyCap,
    hourlyCap: m.hourlyCap,
    minGapSeconds: m.minGapSeconds,
    domainDailyCap: m.domainDailyCap,
    calendarHolds: m.calendarHolds,
    ...deliverabilityJson(m, now),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** The warm-up ramp and today's cap, the DKIM record to publish, the last DNS check (never a key). */
function deliverabilityJson(m: Mailbox, now: number) {
  const w = warmupOf(m);
  const domain = m.address.slice(m.address.lastIndexOf('@') + 1);
  return {
    warmup: w && { startCap: w.startCap, step: w.step, startedAt: new Date(w.startedAt).toISOString(), day: warmupDay(w, now) + 1, fullCapFrom: new Date(warmupEndsAt(m.dailyCap, w)).toISOString() },
    effectiveDailyCap: dailyCapAt(m.dailyCap, w, now),
    dkim: m.dkimSelector && m.dkimPublicKey ? { selector: m.dkimSelector, domain, dnsRecord: dkimDnsRecord(m.dkimSelector, domain, m.dkimPublicKey) } : null,
    dns: (m.dnsCheck as SendingDomainCheck | null) ?? null,
  };
}

function imapJson(m: Mailbox) {
  const settings = imapSettingsOf(m);
  if (!settings) return null;
  const status = m.imapStatusDetail ? ('failing' as const) : m.imapCheckedAt ? ('reading' as const) : ('pending' as const);
  return { ...settings, hasOwnPassword: m.imapSealedSecret !== null, status, detail: m.imapStatusDetail, checkedAt: m.imapCheckedAt?.toISOString() ?? null };
}

/** What the mailbox sent and holds, from its touches (index touches_mailbox_time). */
export type MailboxFigures = { sentLastHour: number; sentToday: number; scheduled: number; held: number; uncertain: number };
const NO_FIGURES: MailboxFigures = { sentLastHour: 0, sentToday: 0, scheduled: 0, held: 0, uncertain: 0 };

/** The live send figures of several mailboxes of a workspace in one query (a list page's), by id. */
export async function mailboxFiguresOf(db: Database, workspaceId: string, ids: readonly string[]): Promise<Map<string, MailboxFigures>> {
  if (ids.length === 0) return new Map();
  const count = (cond: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${cond}))::int`;
  const rows = await db
    .select({
      mailboxId: touches.mailboxId,
      sentLastHour: count(sql`${touches.status} = 'sent' and ${touches.sentAt} > now() - interval '1 hour'`),
      sentToday: count(sql`${touches.status} = 'sent' and ${touches.sentAt} > now() - interval '24 hours'`),
      scheduled: count(sql`${touches.status} in ('scheduled', 'sending')`),
      held: count(sql`${touches.status} = 'held'`),
      uncertain: count(sql`${touches.status} = 'uncertain'`),
    })
    .from(touches)
    .where(and(inArray(touches.mailboxId, [...ids]), eq(touches.workspaceId, workspaceId)))
    .groupBy(touches.mailboxId);
  const byId = new Map(rows.map(({ mailboxId, ...f }) => [mailboxId!, f]));
  return new Map(ids.map((id) => [id, byId.get(id) ?? NO_FIGURES]));
}

export const mailboxFigures = async (db: Database, m: Mailbox): Promise<MailboxFigures> => (await mailboxFiguresOf(db, m.workspaceId, [m.id])).get(m.id)!;

/** Serializes default changes of one user (the partial unique index allows one default). */
export async function lockUser(tx: DbOrTx, workspaceId: string, userId: string): Promise<boolean> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.workspaceId, workspaceId))).for('update');
  return rows.length > 0;
}

/** Makes this mailbox its user's default (call with the user locked). */
export async function makeDefault(tx: DbOrTx, m: Pick<Mailbox, 'id' | 'userId' | 'workspaceId'>): Promise<void> {
  await tx
    .update(mailboxes)
    .set({ isDefault: false, updatedAt: sql`now()` })
    .where(and(eq(mailboxes.userId, m.userId), eq(mailboxes.workspaceId, m.workspaceId), eq(mailboxes.isDefault, true), ne(mailboxes.id, m.id)));
  await tx.update(mailboxes).set({ isDefault: true, updatedAt: sql`now()` }).where(eq(mailboxes.id, m.id));
}

/**
 * A new mailbox: disconnected until it has credentials; the user's default when asked, or when
 * the user has none yet. Connected at once, it also releases the emails its owner had held.
 */
export async function createMailbox(db: Database, values: typeof mailboxes.$inferInsert, isDefault: boolean | undefined): Promise<Mailbox> {
  return db.transaction(async (tx) => {
    const t = tx;
    if (!(await lockUser(t, values.workspaceId, values.userId))) throw invalid('body.userId', 'no such user in this workspace');
    const [current] = await t.select({ id: mailboxes.id }).from(mailboxes).where(and(eq(mailboxes.userId, values.userId), eq(mailboxes.isDefault, true)));
    const connected = values.sealedSecret != null;
    const [inserted] = await t
      .insert(mailboxes)
      .values({ ...values, status: connected ? 'connected' : 'disconnected', statusDetail: connected ? null : 'no credentials', statusChangedAt: new Date() })
      .onConflictDoNothing({ target: [mailboxes.workspaceId, mailboxes.address] })
      .returning();
    if (!inserted) throw new ProblemError('conflict', 409, 'a mailbox with this address exists in this workspace', { errors: [{ field: 'body.address', message: 'already used' }] });
    if (isDefault === true || (!current && isDefault !== false)) await makeDefault(t, inserted);
    if (connected) return markConnected(t, inserted, {}, 'mailbox added', 'mailbox.connected');
    const [fresh] = await t.select().from(mailboxes).where(eq(mailboxes.id, inserted.id));
    return fresh!;
  });
}

/**
 * The mailbox works again (new credentials, or ops re-enabled it): its held emails go back to the
 * outbox (which re-checks whether an announced call is still fresh), the rep's "reconnect" tasks
 * close, and the timeline says so. Emails of the owner held for want of any mailbox leave too.
 */
export async function markConnected(tx: DbOrTx, m: Mailbox, set: Partial<typeof mailboxes.$inferInsert>, reason: string, event = 'mailbox.reconnected'): Promise<Mailbox> {
  const [row] = await tx
    .update(mailboxes)
    .set({ ...set, status: 'connected', statusDetail: null, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId)))
    .returning();
  const owned = tx.select({ id: enrollments.id }).from(enrollments).where(and(eq(enrollments.workspaceId, m.workspaceId), eq(enrollments.repId, m.userId)));
  // The backlog leaves paced, not in one burst: one email per gap, at most the hourly cap an
  // hour, and while warming up no faster than the day's ramp cap spread over the day (the
  // outbox still re-plans any whose announced call would come too soon).
  const warmup = warmupOf(row!);
  const rampSpacing = warmup ? Math.ceil(86_400 / Math.max(1, dailyCapAt(row!.dailyCap, warmup, Date.now()))) : 0;
  const spacing = Math.max(row!.minGapSeconds, Math.ceil(3600 / Math.max(1, row!.hourlyCap)), rampSpacing);
  const backlog = tx
    .select({ id: touches.id, n: sql<number>`row_number() over (order by ${touches.scheduledAt}, ${touches.id}) - 1`.as('n') })
    .from(touches)
    .where(and(eq(touches.workspaceId, m.workspaceId), eq(touches.status, 'held'), eq(touches.mailboxId, m.id)))
    .as('backlog');
  const paced = await tx
    .update(touches)
    .set({ status: 'scheduled', detail: null, scheduledAt: sql`now() + ${backlog.n} * ${`${spacing} seconds`}::interval` })
    .from(backlog)
    .where(and(eq(touches.id, backlog.id), eq(touches.status, 'held')))
    .returning({ id: touches.id });
  const unassigned = await tx
    .update(touches)
    .set({ status: 'scheduled', detail: null })
    .where(and(eq(touches.workspaceId, m.workspaceId), eq(touches.status, 'held'), isNull(touches.mailboxId), eq(touches.channel, 'email'), inArray(touches.enrollmentId, owned)))
    .returning({ id: touches.id });
  const released = [...paced, ...unassigned];
  await tx
    .update(tasks)
    .set({ status: 'done', outcome: { outcome: 'done', note: reason }, completedAt: sql`now()` })
    .where(and(eq(tasks.workspaceId, m.workspaceId), isNull(tasks.enrollmentId), inArray(tasks.kind, ['mailbox_disconnected', 'mailbox_paused']), eq(tasks.status, 'open'), like(tasks.stepKey, `mailbox:${m.id}:%`)));
  await appendEvent(tx, {
    workspaceId: m.workspaceId,
    type: event,
    payload: { mailboxId: m.id, userId: m.userId, reason, emailsReleased: released.length },
    dedupeKey: `${event}:${m.id}:${row!.updatedAt.getTime()}`,
  });
  return row!;
}

/**
 * Deletes a mailbox unless emails still wait on it or its calendar holds are not cleaned up:
 * those would be silently lost (reconnect or disable it instead). Its past touches keep their
 * history (mailbox_id set null); another of the user's mailboxes becomes the default.
 */
export async function deleteMailbox(db: Database, m: Mailbox): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx;
    await lockUser(t, m.workspaceId, m.userId);
    const [waiting] = await t
      .select({ n: sql<number>`count(*)::int` })
      .from(touches)
      .where(and(eq(touches.mailboxId, m.id), inArray(touches.status, ['scheduled', 'sending', 'held'])));
    const [holds] = await t
      .select({ n: sql<number>`count(*)::int` })
      .from(calendarHolds)
      .where(and(eq(calendarHolds.mailboxId, m.id), or(sql`${calendarHolds.version} > ${calendarHolds.syncedVersion}`, and(eq(calendarHolds.existsRemotely, true), sql`${calendarHolds.endsAt} > now()`))));
    if (waiting!.n > 0 || holds!.n > 0) {
      throw new ProblemError('conflict', 409, `the mailbox still has ${waiting!.n} email(s) waiting and ${holds!.n} calendar hold(s) to sync: reconnect it, or disable it (PATCH status) and let them settle`);
    }
    await t.delete(mailboxes).where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId)));
    if (!m.isDefault) return;
    const [next] = await t.select().from(mailboxes).where(and(eq(mailboxes.userId, m.userId), eq(mailboxes.workspaceId, m.workspaceId))).orderBy(asc(mailboxes.createdAt), asc(mailboxes.id)).limit(1);
    if (next) await makeDefault(t, next);
  });
}
