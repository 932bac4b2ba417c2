// Activity stubs for the enrollment workflow (types only from activities/).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';

export const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
