// Activity stubs for the enrollment workflow (types only from activities/).
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';

const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' };

/** Side effects reps and prospects see (tasks, emails, slots): scheduled through the server. */
export const acts = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry });

/**
 * Short, idempotent bookkeeping (planning reads, status rows, timeline): run in the worker as
 * local activities, one history marker each and no server round trip, which keeps an 08:00
 * burst of thousands of enrollments cheap. Entering a step (its plan, the enrollment's start, the
 * step's task) is one of them, so a cadence's first step fits in a single workflow task.
 */
export const local = proxyLocalActivities<Pick<Activities, 'planStep' | 'enterStep' | 'setEnrollmentStatus' | 'appendTimeline' | 'dispatchTouch' | 'openTask' | 'projectSteps' | 'rescheduleStep' | 'reserveAnnouncedCall'>>({
  startToCloseTimeout: '30 seconds',
  retry,
});
