// A booked meeting becomes a handoff (PLAYBOOK §5), written in the transaction that closes the
// call task: who set it, for whom, when and where, the call's notes and recording, the prospect's
// context and pretext. One per call task (a retried close finds the one it wrote).
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { enrollments, handoffs, tasks, users } from '../../db/schema.js';
import type { TaskOutcome } from '../../domain/cadence/outcome.js';
import { appendEvent } from '../timeline.js';

/** `at`: when the call booked it (the workflow's time, which reports read). */
export type BookedMeetingInput = { workspaceId: string; enrollmentId: string; prospectId: string; taskId: string; outcome: TaskOutcome; at: Date };

/** The handoff's id (written now, or by an earlier attempt). */
export async function bookHandoff(tx: DbOrTx, i: BookedMeetingInput): Promise<string> {
  const [existing] = await tx.select({ id: handoffs.id }).from(handoffs).where(eq(handoffs.sourceTaskId, i.taskId));
  if (existing) return existing.id;
  const [task] = await tx.select({ repId: tasks.repId, outcome: tasks.outcome }).from(tasks).where(eq(tasks.id, i.taskId));
  const [enrollment] = await tx.select({ context: enrollments.context, pretext: enrollments.pretext }).from(enrollments).where(eq(enrollments.id, i.enrollmentId));
  const m = i.outcome.meeting ?? {};
  // The API checked the field rep; a caller that did not (a telephony report) leaves it to assign.
  const [fieldRep] = m.fieldRepId
    ? await tx.select({ id: users.id }).from(users).where(and(eq(users.id, m.fieldRepId), eq(users.workspaceId, i.workspaceId)))
    : [];
  const meetingAt = m.startsAt ? new Date(m.startsAt) : null;
  const recordingUrl = m.recordingUrl ?? ((task?.outcome as { recordingUrl?: string } | null)?.recordingUrl ?? null);
  const [row] = await tx
    .insert(handoffs)
    .values({
      workspaceId: i.workspaceId,
      prospectId: i.prospectId,
      enrollmentId: i.enrollmentId,
      sourceTaskId: i.taskId,
      setterId: task!.repId,
      fieldRepId: fieldRep?.id ?? null,
      meetingAt,
      location: m.location ?? null,
      notes: i.outcome.note ?? null,
      recordingUrl,
      context: enrollment?.context ?? null,
      pretext: enrollment?.pretext ?? null,
      status: fieldRep && meetingAt ? 'scheduled' : 'to_schedule',
      createdAt: i.at,
      updatedAt: i.at,
    })
    .onConflictDoNothing({ target: handoffs.sourceTaskId })
    .returning({ id: handoffs.id });
  if (!row) {
    const [again] = await tx.select({ id: handoffs.id }).from(handoffs).where(eq(handoffs.sourceTaskId, i.taskId));
    return again!.id;
  }
  await appendEvent(tx, {
    workspaceId: i.workspaceId,
    prospectId: i.prospectId,
    enrollmentId: i.enrollmentId,
    type: 'handoff.created',
    payload: { handoffId: row.id, setterId: task!.repId, fieldRepId: fieldRep?.id ?? null, meetingAt: meetingAt?.toISOString() ?? null },
    dedupeKey: `handoff.created:${row.id}`,
  });
  return row.id;
}
