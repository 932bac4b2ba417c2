// Warm-up ramp of a new mailbox: mailbox providers distrust an address that starts sending
// hundreds of emails a day at once, so its daily cap starts low and grows by a step each day up
// to the configured cap. Ramp days are the 24-hour periods after the warm-up started (like the
// rolling 24 h the daily cap counts over), not calendar days in some zone. Pure.
import { nextSendTime, PacingError, type Booking, type MailboxCaps } from './pacing.js';

export type Warmup = {
  /** The daily cap on the first day. */
  startCap: number;
  /** What each further day adds. */
  step: number;
  /** The first day starts here (ms). */
  startedAt: number;
};

const DAY = 24 * 3_600_000;

/** The ramp day `at` falls in: 0 on the first day (and before it). */
export function warmupDay(w: Warmup, at: number): number {
  return Math.max(0, Math.floor((at - w.startedAt) / DAY));
}

/** The daily cap in force at `at`: the ramp's, never above the mailbox's own cap. */
export function dailyCapAt(dailyCap: number, w: Warmup | null, at: number): number {
  if (!w) return dailyCap;
  return Math.min(dailyCap, w.startCap + w.step * warmupDay(w, at));
}

/** When the ramp reaches the mailbox's cap (ms): from then on the warm-up no longer limits it. */
export function warmupEndsAt(dailyCap: number, w: Warmup): number {
  const days = Math.max(0, Math.ceil((dailyCap - w.startCap) / Math.max(1, w.step)));
  return w.startedAt + days * DAY;
}

/**
 * The earliest send time >= desired under a daily cap that grows day by day: pacing with the cap
 * of the ramp day the search is in; a time found in a later day is only kept if that day's cap
 * is the one it was found with, else the search goes on from the next day's start (each day's
 * cap is at least the day before's, so no earlier time is skipped). Without a warm-up, plain pacing.
 */
export function nextWarmSendTime(i: { caps: MailboxCaps; warmup: Warmup | null; bookings: readonly Booking[]; domain: string | null; desired: number; fit?: (t: number) => number }): number {
  const { warmup } = i;
  if (!warmup) return nextSendTime(i);
  let from = i.desired;
  const days = warmupDay(warmup, warmupEndsAt(i.caps.dailyCap, warmup)) + 2;
  for (let round = 0; round < days; round++) {
    const cap = dailyCapAt(i.caps.dailyCap, warmup, from);
    const at = nextSendTime({ ...i, caps: { ...i.caps, dailyCap: cap }, desired: from });
    if (dailyCapAt(i.caps.dailyCap, warmup, at) === cap) return at;
    from = Math.max(from, warmup.startedAt + (warmupDay(warmup, from) + 1) * DAY);
  }
  throw new PacingError('no send time found over the warm-up ramp');
}

/** The ramp of a mailbox row, when it has one. */
export function warmupOf(m: { warmupStartCap: number | null; warmupStep: number | null; warmupStartedAt: Date | null }): Warmup | null {
  if (m.warmupStartCap === null || m.warmupStep === null || !m.warmupStartedAt) return null;
  return { startCap: m.warmupStartCap, step: m.warmupStep, startedAt: m.warmupStartedAt.getTime() };
}
