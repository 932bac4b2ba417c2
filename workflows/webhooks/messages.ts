// Names shared by the webhook delivery workflow and the processes that start and nudge it.
import { defineSignal } from '@temporalio/workflow';

export type WebhookWorkflowInput = { subscriptionId: string };

/** "There may be new pending deliveries": wakes the workflow before its 60 s poll. */
export const webhooksPendingSignal = defineSignal('webhooksPending');

/** One workflow per subscription, so its deliveries go out one at a time, in order. */
export const webhookWorkflowId = (subscriptionId: string) => `webhooks:${subscriptionId}`;
