// The Temporal worker: pre-bundled workflow code plus activities over injected dependencies.
import { Worker, type NativeConnection } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { ensureWorkflowBundle } from './workflow-bundle.js';

export type RelanceWorkerOptions = {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** Path of a pre-built bundle; built (or reused from the cache) when absent. */
  workflowBundlePath?: string;
  /**
   * Workflows kept in memory between tasks. The SDK's default sizes the cache from the heap
   * limit (thousands on a large machine); cadences sleep for hours, so a small cache costs a
   * replay now and then and saves gigabytes of resident memory.
   */
  maxCachedWorkflows?: number;
};

export async function createRelanceWorker(opts: RelanceWorkerOptions): Promise<Worker> {
  const codePath = opts.workflowBundlePath ?? (await ensureWorkflowBundle());
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowBundle: { codePath },
    activities: createActivities(opts.deps),
    maxCachedWorkflows: opts.maxCachedWorkflows ?? Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? 300),
  });
}
