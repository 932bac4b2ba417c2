// A bare workflow with one durable timer: the yardstick the benchmark compares enrollment
// starts against (same client, same concurrency, same server).
import { sleep } from '@temporalio/workflow';

export async function timerBaselineWorkflow(ms: number): Promise<void> {
  await sleep(ms);
}
