// A meeting booked in the CRM (outside the cadence) is a handoff too (PLAYBOOK §5): credited to
// the setter the CRM names, else to the rep of the prospect's latest enrollment; held by the field
// rep the CRM names when that person is one of the workspace's field reps, else left to assign.
// Written with its `meeting.booked` event in one transaction, once per CRM message.
import { and, desc, eq, sql, TransactionRollbackError } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { enrollments, events, handoffs, users } from '../../db/schema.js';
import { appendEvent } from '../timeline.js';

export type CrmMeeting = {
  workspaceId: string;
  prospectId: string;
  /** The inbound message's key: a redelivery finds the handoff it wrote. */
  dedupeKey: string;
  meetingAt: Date | null;
  location: string | null;
  note: string | null;
  setterEmail: string | null;
  fieldRepEmail: string | null;
};

/** handoffId null: nobody to credit (no setter named, no enrollment); fieldRepFound false: a field rep was named but is not one here. */
export type CrmHandoff = { handoffId: string | null; fieldRepFound: boolean };

const LIVE = ['pending', 'active', 'paused'] as const;

async function userByEmail(db: Database, workspaceId: string, email: string | null, fieldRep = false) {
  if (!email) return null;
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), sql`lower(${users.email}) = ${email.toLowerCase()}`, fieldRep ? eq(users.fieldRep, true) : undefined));
  return u ?? null;
}

export async function bookCrmMeeting(db: Database, m: CrmMeeting): Promise<CrmHandoff> {
  const setter = await userByEmail(db, m.workspaceId, m.setterEmail);
  // The latest enrollment, a running one first: the SDR whose cadence led to the meeting.
  const [enrollment] = await db
    .select({ id: enrollments.id, repId: enrollments.repId, context: enrollments.context, pretext: enrollments.pretext })
    .from(enrollments)
    .where(and(eq(enrollments.workspaceId, m.workspaceId), eq(enrollments.prospectId, m.prospectId)))
    .orderBy(sql`${enrollments.status} in (${sql.join(LIVE.map((s) => sql`${s}`), sql`, `)}) desc`, desc(enrollments.createdAt))
    .limit(1);
  const fieldRep = await userByEmail(db, m.workspaceId, m.fieldRepEmail, true);
  const fieldRepFound = !m.fieldRepEmail || fieldRep !== null;
  const setterId = setter?.id ?? enrollment?.repId ?? null;
  const meetingEvent = { workspaceId: m.workspaceId, prospectId: m.prospectId, type: 'meeting.booked', dedupeKey: m.dedupeKey };
  const base = { source: 'crm', meetingAt: m.meetingAt?.toISOString() ?? null, note: m.note };
  if (!setterId) {
    await appendEvent(db, { ...meetingEvent, payload: { ...base, handoffId: null } });
    return { handoffId: null, fieldRepFound };
  }
  const written = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(handoffs)
      .values({
        workspaceId: m.workspaceId,
        prospectId: m.prospectId,
        enrollmentId: enrollment?.id ?? null,
        setterId,
        fieldRepId: fieldRep?.id ?? null,
        meetingAt: m.meetingAt,
        location: m.location,
        notes: m.note,
        context: enrollment?.context ?? null,
        pretext: enrollment?.pretext ?? null,
        status: fieldRep && m.meetingAt ? 'scheduled' : 'to_schedule',
      })
      .returning({ id: handoffs.id });
    // A redelivered message: its event exists; this attempt's handoff is rolled back.
    if (!(await appendEvent(tx, { ...meetingEvent, payload: { ...base, handoffId: row!.id } }))) tx.rollback();
    await appendEvent(tx, {
      workspaceId: m.workspaceId,
      prospectId: m.prospectId,
      ...(enrollment ? { enrollmentId: enrollment.id } : {}),
      type: 'handoff.created',
      payload: { handoffId: row!.id, setterId, fieldRepId: fieldRep?.id ?? null, meetingAt: m.meetingAt?.toISOString() ?? null, source: 'crm' },
      dedupeKey: `handoff.created:${row!.id}`,
    });
    return row!.id;
  }).catch(async (err: unknown) => {
    if (!(err instanceof TransactionRollbackError)) throw err;
    const [first] = await db.select({ payload: events.payload }).from(events).where(and(eq(events.workspaceId, m.workspaceId), eq(events.dedupeKey, m.dedupeKey)));
    return ((first?.payload as { handoffId?: string | null } | undefined)?.handoffId ?? null) as string | null;
  });
  return { handoffId: written, fieldRepFound };
}
