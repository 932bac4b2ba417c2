// Graceful shutdown on SIGINT/SIGTERM: stop taking work, finish what is in flight, close.
// A second signal forces the exit.
import { log } from './log.js';
export function onShutdown(steps: Array<[name: string, fn: () => Promise<unknown>]>): void {
  let stopping = false;
  const handler = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'signal again: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    let failed = false;
    for (const [name, fn] of steps) {
      try {
        await fn();
      } catch (err) {
        failed = true;
        log.error({ err, component: name }, 'did not stop cleanly');
      }
    }
    log.info('stopped');
    process.exit(failed ? 1 : 0);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
