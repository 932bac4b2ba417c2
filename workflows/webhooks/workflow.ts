// A subscription's delivery loop: deliver what is pending, then sleep until nudged (or 60 s, in
// case a nudge was lost). Retries of a failing message are the activity's retry policy, with no
// attempt cap: the activity itself gives a message up after 24 h and disables the subscription
// after days of failures, which ends this workflow.
import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { webhooksPendingSignal, type WebhookWorkflowInput } from './messages.js';

const { deliverPendingWebhooks } = proxyActivities<Pick<Activities, 'deliverPendingWebhooks'>>({
  // One run delivers for at most ~60 s plus a 10 s POST.
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 hour' },
});

export async function webhookDeliveryWorkflow(input: WebhookWorkflowInput): Promise<'disabled' | 'gone'> {
  let nudged = false;
  setHandler(webhooksPendingSignal, () => {
    nudged = true;
  });
  for (;;) {
    nudged = false;
    const { state } = await deliverPendingWebhooks({ subscriptionId: input.subscriptionId });
    if (state === 'disabled' || state === 'gone') return state;
    if (state === 'idle') await condition(() => nudged, '60 seconds');
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof webhookDeliveryWorkflow>(input);
  }
}
