// Sends staged emails the moment they come due, many at a time, so an 08:00 burst of thousands
// of enrollments leaves at 08:00 and not over the next minutes. Several dispatchers (one per
// worker process) share the work through `for update skip locked`.
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { claimDueTouches, deliverClaimed, markStaleSendsUncertain } from '../activities/outbox.js';

export type OutboxDispatcherOptions = {
  db: Database;
  channels: ChannelRegistry;
  /** Idle poll interval. */
  intervalMs?: number;
  batchSize?: number;
  /** Sends in flight at once. */
  concurrency?: number;
};

export function startOutboxDispatcher(o: OutboxDispatcherOptions): { stop: () => Promise<void> } {
  const interval = o.intervalMs ?? 200;
  const batch = o.batchSize ?? 500;
  const concurrency = o.concurrency ?? 32;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let sweeps = 0;

  const tick = async () => {
    try {
      // Every ~minute: sends interrupted by a crash become uncertain (never resent blindly).
      if (sweeps++ % Math.max(1, Math.round(60_000 / interval)) === 0) await markStaleSendsUncertain(o.db, 10 * 60_000);
      for (;;) {
        const due = await claimDueTouches(o.db, batch);
        if (due.length === 0) break;
        await deliverClaimed(o.db, o.channels, due, undefined, concurrency);
        if (stopped || due.length < batch) break;
      }
    } catch (err) {
      console.error('[outbox] dispatch failed; retrying:', err instanceof Error ? err.message : err);
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), interval);
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
