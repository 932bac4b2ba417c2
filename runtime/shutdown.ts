// Graceful shutdown on SIGINT/SIGTERM: stop taking work, finish or hand back what is in flight,
// close; within a grace period, after which the process exits anyway.
//
// A signal often arrives more than once. Sent to the process group (container runtimes, service
// managers, Ctrl-C in a terminal), it reaches this process directly and again through each
// wrapper that relays it (npm, tsx): such repeats belong to the same stop and are ignored. Only a
// SIGINT coming a second or more after the first signal (Ctrl-C pressed again) means "exit now".
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
        console.error(`[relance] ${signal} again: exiting now (${current} unfinished)`);
        exit(1);
      }
      return;
    }
    startedAt = Date.now();
    const graceMs = o.graceMs ?? 20_000;
    console.log(`[relance] ${signal}: shutting down (at most ${Math.round(graceMs / 1000)} s)`);
    const deadline = setTimeout(() => {
      console.error(`[relance] shutdown took longer than ${Math.round(graceMs / 1000)} s: exiting with ${current} unfinished`);
      exit(1);
    }, graceMs);
    let failed = false;
    for (const [name, fn] of steps) {
      current = name;
      try {
        await fn();
      } catch (err) {
        failed = true;
        console.error(`[relance] ${name} did not stop cleanly:`, err);
      }
    }
    clearTimeout(deadline);
    console.log('[relance] stopped');
    exit(failed ? 1 : 0);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
