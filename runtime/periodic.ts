// A background loop of a worker process: one pass now, the next `intervalMs` after it ends (never
// two at once); a failed pass is logged by name and retried at the next one; stop() waits for
// the pass in progress. Shared by the outbox dispatcher, the calendar sync and the Gmail poller.
import { log } from '../logging/log.js';
export type Periodic = { stop: () => Promise<void> };

export function startPeriodic(name: string, intervalMs: number, pass: (stopped: () => boolean) => Promise<void>): Periodic {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const isStopped = () => stopped;
  const tick = async () => {
    try {
      await pass(isStopped);
    } catch (err) {
      log.error({ err, task: name }, 'periodic task failed; retrying');
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), intervalMs);
  };
  running = tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
