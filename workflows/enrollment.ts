// One workflow per enrollment (prospect x sequence), started with a deterministic id.
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';

/** Versioned input: a running workflow keeps the shape it started with. */
export type EnrollmentInputV1 = {
  version: 1;
  workspaceId: string;
  enrollmentId: string;
  prospectId: string;
  /** ISO instant; the cadence does not start before it. */
  startAt?: string;
};

export type EnrollmentResult = { enrollmentId: string; status: 'active'; startedAt: string };

const { activateEnrollment } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function enrollmentWorkflow(input: EnrollmentInputV1): Promise<EnrollmentResult> {
  if (input.startAt) {
    // A durable timer: survives worker restarts and spans days on the time-skipping server.
    const delay = Date.parse(input.startAt) - Date.now();
    if (delay > 0) await sleep(delay);
  }
  await activateEnrollment({
    workspaceId: input.workspaceId,
    enrollmentId: input.enrollmentId,
    prospectId: input.prospectId,
  });
  return { enrollmentId: input.enrollmentId, status: 'active', startedAt: new Date(Date.now()).toISOString() };
}
