// The Temporal worker: pre-bundled workflow code plus activities over injected dependencies.
import { Runtime, Worker, type NativeConnection } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { ensureWorkflowBundle } from './workflow-bundle.js';
import { temporalLogger } from './temporal-logger.js';

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
    maxCachedWorkflows: opts.maxCachedWorkflows ?? Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? 100),
  });
}

/** Stops a worker whatever its state (the SDK may already be draining it) and waits for it. */
export async function stopWorker(worker: Worker, running: Promise<void>): Promise<void> {
  if (worker.getState() === 'RUNNING') worker.shutdown();
  await running;
}

/**
 * The process owns the shutdown order (API, dispatcher, worker, connections), so the SDK's own
 * signal handlers are turned off. The SDK logs (an activity's failure with its error, workflow
 * logs) go through the process's logger, which never writes an error's data. Call before any
 * Temporal connection is made.
 */
export function installWorkerRuntime(): void {
  Runtime.install({ shutdownSignals: [], logger: temporalLogger() });
}
