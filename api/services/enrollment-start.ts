// Starting an enrollment's workflow from its row, by the workflow id fixed when the row was
// created. The enroll call starts it right after the insert; when that start was lost (the API
// process died in between), whoever finds the row still pending starts it: a later enroll call,
// a control on the enrollment, or the reconciler (runtime/enrollment-reconciler.ts). Idempotent:
// a running workflow is found and kept, a closed one is never run a second time.
import { and, eq } from 'drizzle-orm';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client, type UpdateDefinition } from '@temporalio/client';
import type { Database } from '../../db/client.js';
import { enrollments, prospects, sequenceVersions } from '../../db/schema.js';
import { parseSequenceDefinition, type SequenceDefinition } from '../../domain/sequences/index.js';
import type { EnrollmentInput } from '../../workflows/enrollment/input.js';

export type EnrollmentStartDeps = { db: Database; temporal: Client; taskQueue: string };
export type EnrollmentRow = typeof enrollments.$inferSelect;

/**
 * Published versions never change: each is read, parsed and validated once per process. The
 * key holds the workspace, so a version is only ever served to the workspace that owns it.
 */
const parsedVersions = new Map<string, SequenceDefinition>();
export async function definitionOf(db: Database, workspaceId: string, sequenceId: string, version: number): Promise<SequenceDefinition> {
  const key = `${workspaceId}/${sequenceId}@${version}`;
  let def = parsedVersions.get(key);
  if (!def) {
    const [row] = await db
      .select({ definition: sequenceVersions.definition })
      .from(sequenceVersions)
      .where(and(eq(sequenceVersions.sequenceId, sequenceId), eq(sequenceVersions.workspaceId, workspaceId), eq(sequenceVersions.version, version)));
    def = parseSequenceDefinition(row!.definition);
    if (parsedVersions.size >= 1000) parsedVersions.delete(parsedVersions.keys().next().value!);
    parsedVersions.set(key, def);
  }
  return def;
}

type StartFields = Pick<EnrollmentRow, 'id' | 'workspaceId' | 'prospectId' | 'sequenceId' | 'sequenceVersion' | 'workflowId' | 'startAt'>;

/** The workflow input of an enrollment: its frozen sequence version, and its start time if it has one. */
export async function enrollmentInput(db: Database, row: StartFields, accountId: string | null): Promise<EnrollmentInput> {
  return {
    version: 2,
    workspaceId: row.workspaceId,
    enrollmentId: row.id,
    prospectId: row.prospectId,
    accountId,
    sequence: { id: row.sequenceId, version: row.sequenceVersion, definition: await definitionOf(db, row.workspaceId, row.sequenceId, row.sequenceVersion) },
    ...(row.startAt ? { startAt: row.startAt.toISOString() } : {}),
  };
}

/** How an enrollment's workflow is started: by its fixed id, a running one kept, a closed one never run again. */
const startOptions = (deps: EnrollmentStartDeps, workflowId: string, input: EnrollmentInput) => ({
  taskQueue: deps.taskQueue,
  workflowId,
  args: [input] as [EnrollmentInput],
  workflowIdConflictPolicy: 'USE_EXISTING' as const,
  workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
});

/**
 * Starts the workflow by its fixed id: a running one is kept; a closed one is never run again
 * (WorkflowExecutionAlreadyStartedError).
 */
export async function startEnrollmentWorkflow(deps: EnrollmentStartDeps, workflowId: string, input: EnrollmentInput): Promise<void> {
  await deps.temporal.workflow.start('enrollmentWorkflow', startOptions(deps, workflowId, input));
}

/** The prospect's account, which the workflow input carries. */
async function accountOf(db: Database, row: StartFields): Promise<string | null> {
  const [p] = await db.select({ accountId: prospects.accountId }).from(prospects).where(and(eq(prospects.id, row.prospectId), eq(prospects.workspaceId, row.workspaceId)));
  return p?.accountId ?? null;
}

/**
 * Makes sure the workflow of a pending enrollment exists: started if it never was, kept if it
 * runs, left alone if it already ran ('closed'). The account is read from the prospect unless
 * the caller has it.
 */
export async function ensureEnrollmentStarted(deps: EnrollmentStartDeps, row: StartFields, accountId?: string | null): Promise<'running' | 'closed'> {
  const account = accountId !== undefined ? accountId : await accountOf(deps.db, row);
  try {
    await startEnrollmentWorkflow(deps, row.workflowId, await enrollmentInput(deps.db, row, account));
    return 'running';
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return 'closed';
    throw err;
  }
}

/**
 * A control (stop, pause...) on a pending enrollment: its workflow is started and given the update
 * in one call (update-with-start), so the update cannot race the start. A workflow that already
 * ran gets the plain update, which tells the caller the enrollment is over.
 */
export async function startAndUpdate<Ret, Arg>(deps: EnrollmentStartDeps, row: StartFields, update: UpdateDefinition<Ret, [Arg]>, args: [Arg]): Promise<Ret> {
  const input = await enrollmentInput(deps.db, row, await accountOf(deps.db, row));
  const startWorkflowOperation = new WithStartWorkflowOperation('enrollmentWorkflow', startOptions(deps, row.workflowId, input));
  try {
    return await deps.temporal.workflow.executeUpdateWithStart(update, { args, startWorkflowOperation });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return deps.temporal.workflow.getHandle(row.workflowId).executeUpdate(update, { args });
    throw err;
  }
}
