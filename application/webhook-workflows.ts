// Starting (or waking) a subscription's delivery workflow from outside Temporal.
import type { Client } from '@temporalio/client';
import { signalIfRunning } from './workflow-errors.js';
import { webhookWorkflowId, webhooksPendingSignal, type WebhookWorkflowInput } from '../workflows/webhooks/messages.js';

/** Signal-with-start: wakes the running workflow, or starts one (after a re-enable, a restart). */
export async function nudgeWebhookWorkflow(temporal: Client, taskQueue: string, subscriptionId: string): Promise<void> {
  const args: [WebhookWorkflowInput] = [{ subscriptionId }];
  await temporal.workflow.signalWithStart('webhookDeliveryWorkflow', {
    workflowId: webhookWorkflowId(subscriptionId),
    taskQueue,
    args,
    signal: webhooksPendingSignal,
  });
}

/** Wakes a running workflow only (after a delete, so it sees the subscription is gone and ends). */
export async function wakeWebhookWorkflow(temporal: Client, subscriptionId: string): Promise<void> {
  await signalIfRunning(() => temporal.workflow.getHandle(webhookWorkflowId(subscriptionId)).signal(webhooksPendingSignal));
}
