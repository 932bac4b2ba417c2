// Writing an outcome that is already known (the SMTP server accepted the email) across a
// database restart: the write is retried while the server is unreachable, rather than lost, which
// would leave the touch `sending` and, later, `uncertain` although it certainly left.
import { isDatabaseUnreachable } from './errors.js';

export type RetryOptions = {
  /** What is being written, for the log. */
  what: string;
  /** Told once when the first attempt finds the database unreachable (the caller logs it). */
  onUnreachable?: (what: string) => void;
  /** Give up (and rethrow) after this long; default 10 minutes. */
  forMs?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
};

/** Runs `write`, again and again with a growing pause while the database cannot be reached. */
export async function retryWhileUnreachable<T>(write: () => Promise<T>, o: RetryOptions): Promise<T> {
  const deadline = Date.now() + (o.forMs ?? 600_000);
  let delay = o.firstDelayMs ?? 200;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (!isDatabaseUnreachable(err) || Date.now() + delay > deadline) throw err;
      if (attempt === 1) o.onUnreachable?.(o.what);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, o.maxDelayMs ?? 2_000);
    }
  }
}
