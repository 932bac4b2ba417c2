// What sending a batch of claimed touches needs to know, read in a handful of queries whatever
// the batch size: the prospects and reps, the suppression list, the mailboxes, the threads of
// follow-ups, and for provider touches their action provider and rep task.
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ActionProviderRow, MailboxRow } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { actionProviders, enrollments, mailboxes, prospects, suppressions, tasks, touches, users } from '../db/schema.js';
import { suppressionKeys } from '../application/suppression.js';

export type TouchRow = typeof touches.$inferSelect;

export type Person = {
  status: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  timeZone: string | null;
  repId: string;
  repName: string;
  repEmail: string;
  repPhone: string | null;
};

export type ThreadEntry = { messageId: string; threadId: string | null; stepKey: string };

export type SendContext = {
  people: Map<string, Person>;
  /** Touch id -> the suppression list entry covering its recipient. */
  suppressed: Map<string, string>;
  mailboxes: Map<string, MailboxRow>;
  /** Enrollment id -> its emails that left, oldest first (References of a follow-up). */
  threads: Map<string, ThreadEntry[]>;
  /** `${workspaceId}:${channel}` -> the workspace's provider for that channel. */
  actionProviders: Map<string, ActionProviderRow>;
  /** `${enrollmentId}:${stepKey}` -> the rep task a provider touch performs. */
  tasks: Map<string, { id: string; status: string }>;
};

export const fullName = (p: Pick<Person, 'firstName' | 'lastName'>) => [p.firstName, p.lastName].filter(Boolean).join(' ');

export async function loadSendContext(db: Database, batch: readonly TouchRow[]): Promise<SendContext> {
  const enrollmentIds = unique(batch.map((t) => t.enrollmentId));
  const people = await db
    .select({
      enrollmentId: enrollments.id,
      status: prospects.status,
      firstName: prospects.firstName,
      lastName: prospects.lastName,
      email: prospects.email,
      phone: prospects.phone,
      linkedinUrl: prospects.linkedinUrl,
      timeZone: prospects.timeZone,
      repId: users.id,
      repName: users.name,
      repEmail: users.email,
      repPhone: users.phone,
    })
    .from(enrollments)
    .innerJoin(prospects, eq(prospects.id, enrollments.prospectId))
    .innerJoin(users, eq(users.id, enrollments.repId))
    .where(inArray(enrollments.id, enrollmentIds));
  const byEnrollment = new Map(people.map(({ enrollmentId, ...p }) => [enrollmentId, p]));
  const mailboxIds = unique(batch.map((t) => t.mailboxId).filter((id): id is string => id !== null));
  const followUps = unique(batch.filter((t) => t.inReplyTo).map((t) => t.enrollmentId));
  const actions = batch.filter((t) => t.channel !== 'email');
  const [suppressed, boxes, threads, providers, actionTasks] = await Promise.all([
    suppressedRecipients(db, batch, byEnrollment),
    mailboxIds.length ? db.select().from(mailboxes).where(inArray(mailboxes.id, mailboxIds)) : [],
    followUps.length ? threadsOf(db, followUps) : new Map<string, ThreadEntry[]>(),
    actions.length ? db.select().from(actionProviders).where(inArray(actionProviders.workspaceId, unique(actions.map((t) => t.workspaceId)))) : [],
    actions.length
      ? db
          .select({ id: tasks.id, status: tasks.status, enrollmentId: tasks.enrollmentId, stepKey: tasks.stepKey })
          .from(tasks)
          .where(and(inArray(tasks.enrollmentId, unique(actions.map((t) => t.enrollmentId))), inArray(tasks.stepKey, unique(actions.map((t) => t.stepKey)))))
      : [],
  ]);
  return {
    people: byEnrollment,
    suppressed,
    mailboxes: new Map(boxes.map((m) => [m.id, m])),
    threads,
    actionProviders: new Map(providers.map((p) => [`${p.workspaceId}:${p.channel}`, p])),
    tasks: new Map(actionTasks.map((t) => [`${t.enrollmentId}:${t.stepKey}`, { id: t.id, status: t.status }])),
  };
}

/**
 * The suppression list, on every channel, for the whole batch in one query: the address itself
 * or its domain or a parent domain (application/suppression.ts).
 */
async function suppressedRecipients(db: Database, batch: readonly TouchRow[], people: Map<string, Person>): Promise<Map<string, string>> {
  const wanted = batch.flatMap((t) => {
    const address = t.toAddress ?? people.get(t.enrollmentId)?.email;
    // Most specific first: the first listed one names the hit.
    return address ? [{ t, values: suppressionKeys(address) }] : [];
  });
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ workspaceId: suppressions.workspaceId, value: suppressions.value })
    .from(suppressions)
    .where(and(inArray(suppressions.workspaceId, unique(batch.map((t) => t.workspaceId))), inArray(suppressions.value, unique(wanted.flatMap((w) => w.values)))));
  const listed = new Set(rows.map((r) => `${r.workspaceId}|${r.value}`));
  const out = new Map<string, string>();
  for (const { t, values } of wanted) {
    const hit = values.find((v) => listed.has(`${t.workspaceId}|${v}`));
    if (hit) out.set(t.id, `suppressed: ${hit}`);
  }
  return out;
}

async function threadsOf(db: Database, enrollmentIds: string[]): Promise<Map<string, ThreadEntry[]>> {
  const rows = await db
    .select({ enrollmentId: touches.enrollmentId, messageId: touches.messageId, threadId: touches.threadId, stepKey: touches.stepKey })
    .from(touches)
    .where(and(inArray(touches.enrollmentId, enrollmentIds), eq(touches.channel, 'email'), inArray(touches.status, ['sent', 'uncertain']), isNotNull(touches.messageId)))
    .orderBy(asc(sql`coalesce(${touches.sentAt}, ${touches.scheduledAt})`));
  const out = new Map<string, ThreadEntry[]>();
  for (const r of rows) {
    const list = out.get(r.enrollmentId) ?? [];
    list.push({ messageId: r.messageId!, threadId: r.threadId, stepKey: r.stepKey });
    out.set(r.enrollmentId, list);
  }
  return out;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
