// Which claimed touch a sender lane takes next. At most `limitOf(touch)` sends are in flight per
// mailbox: an SMTP mailbox's pool has two connections, and a send beyond them would only wait
// inside nodemailer, already marked as handed over, so a crash would make it uncertain and a
// graceful stop would have to wait for it. Lanes left free go to other mailboxes meanwhile.
// A stopping sender takes nothing more; what is left is handed back by the caller.
import type { TouchRow } from './send-context.js';

export type Lanes = {
  /** The next touch to send, or null when none is left or the sender is stopping. */
  take(): Promise<TouchRow | null>;
  /** A lane finished sending `t`. */
  done(t: TouchRow): void;
  /** Touches never taken (the sender stopped first). */
  left(): TouchRow[];
};

export function sendLanes(batch: readonly TouchRow[], limitOf: (t: TouchRow) => number, stopped: () => boolean): Lanes {
  const queue = [...batch];
  const inFlight = new Map<string, number>();
  let waiting: Array<() => void> = [];
  const keyOf = (t: TouchRow) => t.mailboxId ?? '';
  return {
    async take() {
      for (;;) {
        if (stopped() || queue.length === 0) return null;
        const i = queue.findIndex((t) => (inFlight.get(keyOf(t)) ?? 0) < limitOf(t));
        if (i >= 0) {
          const t = queue.splice(i, 1)[0]!;
          inFlight.set(keyOf(t), (inFlight.get(keyOf(t)) ?? 0) + 1);
          return t;
        }
        // Every mailbox left is busy: a send in flight frees one.
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
    done(t) {
      inFlight.set(keyOf(t), (inFlight.get(keyOf(t)) ?? 1) - 1);
      const wake = waiting;
      waiting = [];
      for (const w of wake) w();
    },
    left: () => [...queue],
  };
}
