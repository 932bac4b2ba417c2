// Enrollment life-cycle writes and exits that reach beyond one enrollment (an opt-out stops
// every enrollment of the prospect; a reply may stop the others at the same account).
import type { Client } from '@temporalio/client';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments, prospects } from '../db/schema.js';
import { writeEnrollmentStatus, type SetStatusInput } from '../application/enrollment-status.js';
import { markOptedOut, signalEach } from '../application/prospect-events.js';
import { appendEvent } from '../application/timeline.js';

export type { EnrollmentStatus, SetStatusInput } from '../application/enrollment-status.js';

export function createEnrollmentActivities({ db, temporal }: { db: Database; temporal?: Client | undefined }) {
  return {
    async setEnrollmentStatus(i: SetStatusInput): Promise<void> {
      await db.transaction((tx) => writeEnrollmentStatus(tx, i));
    },

    async appendTimeline(i: { workspaceId: string; prospectId: string; enrollmentId: string; type: string; dedupeKey: string; payload?: Record<string, unknown> }): Promise<void> {
      await appendEvent(db, i);
    },

    /**
     * Applies an exit to the other enrollments: an opt-out marks the prospect and stops all of
     * its enrollments; an account-wide reply stops the enrollments of the account's other contacts.
     */
    async propagateExit(i: {
      workspaceId: string;
      prospectId: string;
      enrollmentId: string;
      kind: 'opt_out' | 'account_reply';
      accountId?: string | null;
    }): Promise<{ signalled: number }> {
      if (i.kind === 'opt_out') await markOptedOut(db, { workspaceId: i.workspaceId, prospectId: i.prospectId });
      const prospectIds =
        i.kind === 'opt_out'
          ? [i.prospectId]
          : i.accountId
            ? (await db.select({ id: prospects.id }).from(prospects).where(and(eq(prospects.workspaceId, i.workspaceId), eq(prospects.accountId, i.accountId)))).map((r) => r.id)
            : [];
      if (prospectIds.length === 0 || !temporal) return { signalled: 0 };
      const others = await db
        .select({ workflowId: enrollments.workflowId })
        .from(enrollments)
        .where(
          and(
            eq(enrollments.workspaceId, i.workspaceId),
            inArray(enrollments.prospectId, prospectIds),
            inArray(enrollments.status, ['pending', 'active', 'paused']),
            ne(enrollments.id, i.enrollmentId),
          ),
        );
      const type = i.kind === 'opt_out' ? 'opt_out' : 'account_replied';
      return { signalled: await signalEach(temporal, others, () => ({ type, source: 'propagated' })) };
    },
  };
}
