// What Temporal answers when a call reaches an enrollment's or a subscription's workflow: shared
// by the API (which maps it onto HTTP, api/temporal-errors.ts) and the application layer.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

/** The workflow is over (or never ran): a signal or an update has nothing to reach. */
export function isWorkflowGone(err: unknown): boolean {
  return err instanceof Error && (err.name === 'WorkflowNotFoundError' || /already completed/i.test(err.message));
}

/** Only "not found": a finished workflow no longer exists for a signal. */
export function isWorkflowNotFound(err: unknown): boolean {
  return err instanceof Error && err.name === 'WorkflowNotFoundError';
}

/** The failure a workflow's update validator raised (its type and message), if that is what `err` is. */
export function updateRejection(err: unknown): ApplicationFailure | null {
  return err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure ? err.cause : null;
}

/** Signals a workflow; false when it has already finished (nothing left to tell). */
export async function signalIfRunning(run: () => Promise<void>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    if (!isWorkflowNotFound(err)) throw err;
    return false;
  }
}
