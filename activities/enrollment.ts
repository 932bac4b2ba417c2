// Enrollment life-cycle writes. Idempotent: a retried activity converges on the same rows.
import { and, eq } from 'drizzle-orm';
import { enrollments } from '../db/schema.js';
import type { Database } from '../db/client.js';
import { appendEvent } from './timeline.js';

export type ActivateEnrollmentInput = { workspaceId: string; enrollmentId: string; prospectId: string };
export type ActivateEnrollmentResult = { status: 'active'; firstActivation: boolean };

export function createEnrollmentActivities({ db }: { db: Database }) {
  return {
    async activateEnrollment(input: ActivateEnrollmentInput): Promise<ActivateEnrollmentResult> {
      return db.transaction(async (tx) => {
        const updated = await tx
          .update(enrollments)
          .set({ status: 'active', updatedAt: new Date() })
          .where(and(eq(enrollments.id, input.enrollmentId), eq(enrollments.workspaceId, input.workspaceId)))
          .returning({ id: enrollments.id });
        if (updated.length === 0) throw new Error(`enrollment ${input.enrollmentId} not found in its workspace`);
        const firstActivation = await appendEvent(tx as unknown as Database, {
          workspaceId: input.workspaceId,
          prospectId: input.prospectId,
          enrollmentId: input.enrollmentId,
          type: 'enrollment.started',
          dedupeKey: `enrollment.started:${input.enrollmentId}`,
        });
        return { status: 'active' as const, firstActivation };
      });
    },
  };
}
