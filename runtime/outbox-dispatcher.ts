// Sends staged touches the moment they come due, many at a time, so an 08:00 burst of thousands
// of enrollments leaves at 08:00 (or at its paced time) and not over the next minutes. Several
// dispatchers (one per worker process) share the work through `for update skip locked`; each
// also sweeps the claims of senders that died mid-send. Stopping, it claims nothing more, lets the
// sends in flight end and hands the rest of its batch back (deliverClaimed).
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { claimDueTouches, deliverClaimed, sweepStaleClaims } from '../outbox/delivery.js';
import { startPeriodic } from './periodic.js';

export type OutboxDispatcherOptions = {
  db: Database;
  channels: ChannelRegistry;
  /** Idle poll interval. */
  intervalMs?: number;
  batchSize?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  /** A claim older than this belongs to a sender that died (default 2 minutes). */
  staleClaimMs?: number;
  /** How often the stale claims are swept (default every minute). */
  sweepEveryMs?: number;
};

export function startOutboxDispatcher(o: OutboxDispatcherOptions): { stop: () => Promise<void> } {
  const interval = o.intervalMs ?? 200;
  const batch = o.batchSize ?? 500;
  const concurrency = o.concurrency ?? 32;
  let lastSweep = 0;
  return startPeriodic('outbox dispatch', interval, async (stopped) => {
    if (Date.now() - lastSweep >= (o.sweepEveryMs ?? 60_000)) {
      lastSweep = Date.now();
      await sweepStaleClaims(o.db, o.channels, { olderThanMs: o.staleClaimMs ?? 120_000 });
    }
    while (!stopped()) {
      const due = await claimDueTouches(o.db, batch);
      if (due.length === 0) break;
      await deliverClaimed(o.db, o.channels, due, { concurrency, stopped });
      if (stopped() || due.length < batch) break;
    }
  });
}
