// Graceful shutdown on SIGINT/SIGTERM: stop taking work, finish or hand back what is in flight,
// close; within a grace period, after which the process exits anyway.
//
// A signal often arrives more than once. Sent to the process group (container runtimes, service
// managers, Ctrl-C in a terminal), it reaches this process directly and again through each
// wrapper that relays it (npm, tsx): such repeats belong to the same stop and are ignored. Only a
// SIGINT coming a second or more after the first signal (Ctrl-C pressed again) means "exit now".
import { log } from '../logging/log.js';

export type ShutdownStep = [name: string, fn: () => Promise<unknown>];

export type ShutdownOptions = {
  /** How long the steps may take in all before the process exits anyway (default 20 s). */
  graceMs?: number;
  /** Test seam: how the process ends. */
  exit?: (code: number) => void;
};

/** A repeat within this delay is the same signal relayed by a wrapper. */
const RELAYED_WITHIN_MS = 1_000;

export function onShutdown(steps: ShutdownStep[], o: ShutdownOptions = {}): void {
  const exit = o.exit ?? ((code: number) => process.exit(code));
  let startedAt: number | null = null;
  let current = 'start';
  const handler = async (signal: NodeJS.Signals) => {
    if (startedAt !== null) {
      if (signal === 'SIGINT' && Date.now() - startedAt >= RELAYED_WITHIN_MS) {
        log.warn({ signal, unfinished: current }, 'signal again: exiting now');
        exit(1);
      }
      return;
    }
    startedAt = Date.now();
    const graceMs = o.graceMs ?? 20_000;
    log.info({ signal, graceSeconds: Math.round(graceMs / 1000) }, 'shutting down');
    const deadline = setTimeout(() => {
      log.error({ graceSeconds: Math.round(graceMs / 1000), unfinished: current }, 'shutdown took longer than its grace period: exiting');
      exit(1);
    }, graceMs);
    let failed = false;
    for (const [name, fn] of steps) {
      current = name;
      try {
        await fn();
      } catch (err) {
        failed = true;
        log.error({ err, component: name }, 'did not stop cleanly');
      }
    }
    clearTimeout(deadline);
    log.info('stopped');
    exit(failed ? 1 : 0);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
