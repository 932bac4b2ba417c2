// Enrolling a prospect: checks every id against the workspace and inserts the row in one
// statement, freezes the sequence's latest published version into the workflow input, and
// starts one workflow per (prospect, sequence). Enrolling again finds the row; if its workflow
// was never started (the process died between the insert and the start), it is started then.
import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { enrollments } from '../../db/schema.js';
import { enrollmentWorkflowId } from '../../workflows/ids.js';
import type { WorkflowDeps } from '../deps.js';
import { ProblemError } from '../problem.js';
import { checkAndInsertEnrollment, type EnrollFindings } from './enroll-statement.js';
import { enrollmentInput, ensureEnrollmentStarted, startEnrollmentWorkflow } from './enrollment-start.js';

type Enrollment = typeof enrollments.$inferSelect;

export type EnrollRequest = {
  prospectId: string;
  sequenceId: string;
  repId: string;
  context?: string | undefined;
  pretext?: string | undefined;
  startAt?: string | undefined;
  /** One of the rep's mailboxes; by default the rep's default mailbox at send time. */
  mailboxId?: string | undefined;
};

const invalid = (field: string, message: string) => new ProblemError('validation-failed', 422, `body.${field}: ${message}`, { errors: [{ field: `body.${field}`, message }] });

function notFound(field: string, what: string) {
  return new ProblemError('not-found', 404, `${what} not found in this workspace`, {
    errors: [{ field: `body.${field}`, message: `no such ${what} in this workspace` }],
  });
}

export async function enroll(deps: WorkflowDeps, workspaceId: string, body: EnrollRequest) {
  const { db } = deps;
  const id = uuidv7();
  const workflowId = enrollmentWorkflowId(id);
  const attempt = {
    id,
    workspaceId,
    prospectId: body.prospectId,
    sequenceId: body.sequenceId,
    repId: body.repId,
    workflowId,
    context: body.context ?? null,
    pretext: body.pretext ?? null,
    mailboxId: body.mailboxId ?? null,
    startAt: body.startAt ? new Date(body.startAt) : null,
  };
  const found = await checkAndInsertEnrollment(db, attempt);
  refuseUnlessAllowed(found, body);
  if (!found.inserted) {
    const [existing] = await db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.workspaceId, workspaceId), eq(enrollments.prospectId, body.prospectId), eq(enrollments.sequenceId, body.sequenceId)));
    if (existing!.status === 'pending') await ensureEnrollmentStarted(deps, existing!, found.accountId);
    return { row: existing!, created: false };
  }
  const version = found.version!;
  const row: Enrollment = {
    ...attempt,
    id: found.inserted.id,
    sequenceVersion: version,
    status: 'pending',
    stopReason: null,
    pauseReason: null,
    pausedUntil: null,
    currentStepId: null,
    startCheckedAt: null,
    completedAt: null,
    createdAt: found.inserted.createdAt,
    updatedAt: found.inserted.updatedAt,
  };
  try {
    await startEnrollmentWorkflow(deps, workflowId, await enrollmentInput(db, row, found.accountId));
  } catch (err) {
    // Temporal refused: remove the row so no enrollment is left without its workflow, unless a
    // reconciler has claimed it meanwhile (start_checked_at): then it starts it, and it stays.
    await db.delete(enrollments).where(and(eq(enrollments.id, row.id), eq(enrollments.status, 'pending'), isNull(enrollments.startCheckedAt)));
    throw err;
  }
  return { row, created: true };
}

/** The checks' refusals, in the order a reader expects them: who, then what, then which version. */
function refuseUnlessAllowed(f: EnrollFindings, body: EnrollRequest): void {
  if (!f.prospectFound) throw notFound('prospectId', 'prospect');
  if (f.prospectStatus === 'opted_out') {
    throw new ProblemError('conflict', 409, 'the prospect opted out: no cadence may touch them', { errors: [{ field: 'body.prospectId', message: 'the prospect opted out' }] });
  }
  // A suppressed address (or domain) is never enrolled: the list applies to every channel.
  if (f.suppressedBy) throw invalid('prospectId', `the prospect's address is on the suppression list (suppressed: ${f.suppressedBy})`);
  if (!f.repFound) throw notFound('repId', 'rep');
  // The mailbox must be one of the enrolling rep's, in the workspace, and not disabled.
  if (body.mailboxId && !f.mailboxStatus) throw invalid('mailboxId', "not one of the rep's mailboxes in this workspace");
  if (body.mailboxId && f.mailboxStatus === 'disabled') throw invalid('mailboxId', 'the mailbox is disabled');
  if (!f.sequenceStatus) throw notFound('sequenceId', 'sequence');
  if (f.sequenceStatus === 'archived') throw new ProblemError('conflict', 409, 'the sequence is archived');
  if (f.version === null) throw new ProblemError('conflict', 409, 'the sequence has no published version');
}
