// Every accepted enrollment ends up running. The API inserts the row, then starts its workflow;
// a process that dies in between (kill -9, an out-of-memory kill, a lost machine) leaves the row
// pending with no workflow. This loop starts the workflow of any enrollment still pending a grace
// period after it should have begun, by its deterministic id: a running workflow is kept, a closed
// one never run again (api/services/enrollment-start.ts).
//
// It runs in every worker process, not in the API: the API process is the one whose death leaves
// these rows, and a workflow needs a worker anyway; worker processes run the other background
// loops (outbox, calendar, Gmail, webhooks). Several processes share the rows safely: each claims
// a batch by stamping start_checked_at (`for update skip locked`), so a row is looked at by one
// process once per grace period, and a start is idempotent anyway.
import { sql } from 'drizzle-orm';
import type { Client } from '@temporalio/client';
import type { Database } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { mapLimited } from '../api/services/bulk-enroll.js';
import { ensureEnrollmentStarted, type EnrollmentRow } from '../api/services/enrollment-start.js';
import { log } from '../logging/log.js';
import { startPeriodic, type Periodic } from './periodic.js';

export type EnrollmentReconcilerOptions = {
  db: Database;
  temporal: Client;
  taskQueue: string;
  /** How long after its start time a pending enrollment is left to the API (default 60 s). */
  graceMs?: number;
  intervalMs?: number;
  batchSize?: number;
};

type Claimed = Pick<EnrollmentRow, 'id' | 'workspaceId' | 'prospectId' | 'sequenceId' | 'sequenceVersion' | 'workflowId' | 'startAt'> & { accountId: string | null };
type Row = { id: string; workspace_id: string; prospect_id: string; sequence_id: string; sequence_version: number; workflow_id: string; start_at: string | Date | null; account_id: string | null };

/** Claims pending enrollments past their grace (and not looked at within it), oldest first. */
export async function claimStalledEnrollments(db: Database, graceMs: number, limit: number): Promise<Claimed[]> {
  const grace = sql`now() - ${`${graceMs} milliseconds`}::interval`;
  const result = await db.execute<Row>(sql`
    update enrollments e set start_checked_at = now()
    from prospects p
    where e.id in (
        select id from enrollments
        where status = 'pending' and coalesce(start_at, created_at) < ${grace}
          and (start_checked_at is null or start_checked_at < ${grace})
        order by coalesce(start_at, created_at)
        limit ${limit}
        for update skip locked)
      and p.id = e.prospect_id and p.workspace_id = e.workspace_id
    returning e.id, e.workspace_id, e.prospect_id, e.sequence_id, e.sequence_version, e.workflow_id, e.start_at, p.account_id`);
  return rowsOf<Row>(result).map((r) => ({
    id: r.id,
    workspaceId: r.workspace_id,
    prospectId: r.prospect_id,
    sequenceId: r.sequence_id,
    sequenceVersion: r.sequence_version,
    workflowId: r.workflow_id,
    startAt: r.start_at === null ? null : new Date(r.start_at),
    accountId: r.account_id,
  }));
}

/** One pass: every stalled enrollment claimed now gets its workflow. Returns how many were looked at. */
export async function reconcilePendingEnrollments(o: EnrollmentReconcilerOptions, stopped: () => boolean = () => false): Promise<number> {
  const limit = o.batchSize ?? 200;
  let seen = 0;
  for (;;) {
    const claimed = await claimStalledEnrollments(o.db, o.graceMs ?? 60_000, limit);
    await mapLimited(claimed, 8, async (row) => {
      try {
        await ensureEnrollmentStarted(o, row, row.accountId);
      } catch (err) {
        // Temporal unreachable: the row is claimed again after the grace period.
        log.error({ err, workflowId: row.workflowId }, 'enrollment reconciler: could not start the workflow; retried after the grace period');
      }
    });
    seen += claimed.length;
    if (stopped() || claimed.length < limit) return seen;
  }
}

export function startEnrollmentReconciler(o: EnrollmentReconcilerOptions): Periodic {
  return startPeriodic('enrollment reconciler', o.intervalMs ?? Math.min(15_000, o.graceMs ?? 60_000), async (stopped) => {
    const seen = await reconcilePendingEnrollments(o, stopped);
    if (seen > 0) log.info({ pending: seen }, 'enrollment reconciler: made sure pending enrollments have their workflow');
  });
}
