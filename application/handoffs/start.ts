// Starting a handoff's follow-up workflow: by its fixed id, so a second start (a retried
// activity, a reconciler) finds the running one and never runs it twice.
import type { Client } from '@temporalio/client';
import { handoffWorkflowId, type HandoffWorkflowInput } from '../../workflows/handoff/messages.js';

export async function startHandoffFollowUp(temporal: Client, taskQueue: string, i: { workspaceId: string; handoffId: string }): Promise<void> {
  const args: [HandoffWorkflowInput] = [{ v: 1, workspaceId: i.workspaceId, handoffId: i.handoffId }];
  await temporal.workflow.start('handoffWorkflow', {
    workflowId: handoffWorkflowId(i.handoffId),
    taskQueue,
    args,
    workflowIdConflictPolicy: 'USE_EXISTING',
    // A finished follow-up is never run again for the same handoff.
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  }).catch((err: unknown) => {
    if ((err as { name?: string }).name === 'WorkflowExecutionAlreadyStartedError') return;
    throw err;
  });
}
