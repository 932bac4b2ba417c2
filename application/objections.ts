// The objections heard on a call, kept for the objections report (PLAYBOOK §2) with where they
// were heard and their tag, in the transaction that logs the call.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { enrollments, objections } from '../db/schema.js';
import { objectionTag } from '../domain/reports/objection-tag.js';

export async function recordObjections(
  tx: DbOrTx,
  i: { workspaceId: string; enrollmentId: string; prospectId: string; taskId: string; repId: string; stepKey: string; texts: string[]; heardAt: Date },
): Promise<void> {
  const [enrollment] = await tx.select({ sequenceId: enrollments.sequenceId }).from(enrollments).where(eq(enrollments.id, i.enrollmentId));
  const stepId = i.stepKey.split('#')[0]!;
  await tx
    .insert(objections)
    .values(
      i.texts.map((text, position) => ({
        workspaceId: i.workspaceId,
        taskId: i.taskId,
        position,
        enrollmentId: i.enrollmentId,
        prospectId: i.prospectId,
        repId: i.repId,
        sequenceId: enrollment?.sequenceId ?? null,
        stepId,
        tag: objectionTag(text),
        text,
        heardAt: i.heardAt,
      })),
    )
    .onConflictDoNothing({ target: [objections.taskId, objections.position] });
}
