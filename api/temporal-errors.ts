// Maps what the workflow said about a rejected Update onto HTTP: the validator's failure type
// decides the status, its message becomes the problem's detail.
import { isWorkflowGone, updateRejection } from '../application/workflow-errors.js';
import { ProblemError } from './problem.js';

export function workflowProblem(err: unknown): ProblemError | null {
  const rejected = updateRejection(err);
  if (rejected) {
    const message = rejected.message;
    if (rejected.type === 'InvalidRequest') {
      // Validators say "field: problem"; anything else is about the body as a whole.
      const named = /^([A-Za-z_][\w.]*): /.exec(message);
      const field = named ? `body.${named[1]}` : 'body';
      return new ProblemError('validation-failed', 422, message, { errors: [{ field, message }] });
    }
    if (rejected.type === 'Conflict') return new ProblemError('conflict', 409, message);
  }
  if (isWorkflowGone(err)) return new ProblemError('conflict', 409, 'the enrollment is over');
  return null;
}

/** Runs a workflow call and rethrows rejections as problems (4xx), everything else as is. */
export async function viaWorkflow<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw workflowProblem(err) ?? err;
  }
}
