// Send pacing per mailbox: mailbox providers throttle or flag a mailbox that sends a burst, so
// an 08:00 burst is spread (a gap between sends, hourly and daily caps, optionally a cap per
// recipient domain). Pure: the staging activity reads the bookings and writes the result.

export type MailboxCaps = {
  dailyCap: number;
  hourlyCap: number;
  minGapSeconds: number;
  /** Sends per recipient domain per rolling 24 h; null: no such cap. */
  domainDailyCap: number | null;
};

/** Market-like defaults (the mailboxes table has the same). */
export const DEFAULT_CAPS: MailboxCaps = { dailyCap: 400, hourlyCap: 100, minGapSeconds: 20, domainDailyCap: null };

/** A send already booked on the mailbox: its time (ms) and its recipient's domain. */
export type Booking = { at: number; domain: string | null };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Bound on the pace-then-window fix point; each round only moves the time forward. */
export const MAX_PACING_ROUNDS = 200;

export class PacingError extends Error {}

/** The recipient domain of an address, lower-cased; null when it has none. */
export function domainOf(address: string | null | undefined): string | null {
  const at = address?.lastIndexOf('@') ?? -1;
  return at >= 0 ? address!.slice(at + 1).trim().toLowerCase() : null;
}

/**
 * Earliest instant >= desired with no booking closer than the gap and, in every rolling hour
 * and 24 h around it, fewer bookings than the caps (so adding this send keeps them). Then
 * `fit` (the prospect's send window and business days) applies, and both are re-checked
 * until they agree. Deterministic: the order of `bookings` does not matter.
 */
export function nextSendTime(i: { caps: MailboxCaps; bookings: readonly Booking[]; domain: string | null; desired: number; fit?: (t: number) => number }): number {
  const forbidden = forbiddenIntervals(i.caps, i.bookings, i.domain);
  let t = i.desired;
  for (let round = 0; round < MAX_PACING_ROUNDS; round++) {
    const paced = escape(forbidden, t);
    const fitted = i.fit ? i.fit(paced) : paced;
    if (fitted === paced) return paced;
    if (fitted < paced) throw new PacingError('the send window moved a send backwards');
    t = fitted;
  }
  throw new PacingError(`no send time found within ${MAX_PACING_ROUNDS} rounds`);
}

type Interval = { lo: number; hi: number };

/**
 * Open intervals no send may fall in. Gap: (b - gap, b + gap) around each booking. A cap C over
 * a window L: a send at t joins C bookings within one window exactly when t lies in
 * (last - L, first + L) of C consecutive bookings spanning less than L; nothing else can put
 * C + 1 sends in one window (then C consecutive ones would too).
 */
function forbiddenIntervals(caps: MailboxCaps, bookings: readonly Booking[], domain: string | null): Interval[] {
  const all = bookings.map((b) => b.at).sort((a, b) => a - b);
  const gap = Math.max(0, caps.minGapSeconds) * 1000;
  const out: Interval[] = gap > 0 ? all.map((b) => ({ lo: b - gap, hi: b + gap })) : [];
  out.push(...capIntervals(all, caps.hourlyCap, HOUR), ...capIntervals(all, caps.dailyCap, DAY));
  if (domain && caps.domainDailyCap !== null) {
    const same = bookings.filter((b) => b.domain === domain).map((b) => b.at).sort((a, b) => a - b);
    out.push(...capIntervals(same, caps.domainDailyCap, DAY));
  }
  return out.sort((a, b) => a.lo - b.lo || a.hi - b.hi);
}

function capIntervals(sorted: readonly number[], cap: number, windowMs: number): Interval[] {
  const c = Math.max(1, Math.floor(cap));
  const out: Interval[] = [];
  for (let k = 0; k + c - 1 < sorted.length; k++) {
    const first = sorted[k]!;
    const last = sorted[k + c - 1]!;
    if (last - first < windowMs) out.push({ lo: last - windowMs, hi: first + windowMs });
  }
  return out;
}

/** The first t' >= t outside every interval (sorted by lo): each one only pushes t forward. */
function escape(sortedIntervals: readonly Interval[], t: number): number {
  let at = t;
  for (const iv of sortedIntervals) {
    if (iv.lo >= at) break;
    if (iv.hi > at) at = iv.hi;
  }
  return at;
}
