// Send pacing, property-tested: never earlier than desired, caps and the gap hold for any
// sequence of bookings, a burst is spread, and the answer does not depend on booking order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPS, domainOf, nextSendTime, type Booking, type MailboxCaps } from '../../domain/channels/pacing.js';
import { maxInWindow } from '../support/windows.js';

const RUNS = { numRuns: Number(process.env.PACING_PROPERTY_RUNS ?? 150) };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 5, 1, 6, 0);

const capsArb: fc.Arbitrary<MailboxCaps> = fc.record({
  dailyCap: fc.integer({ min: 1, max: 40 }),
  hourlyCap: fc.integer({ min: 1, max: 12 }),
  minGapSeconds: fc.integer({ min: 0, max: 900 }),
  domainDailyCap: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
});
const requestArb = fc.record({ offset: fc.integer({ min: 0, max: 2 * DAY }), domain: fc.constantFrom('globex.test', 'initech.test', 'acme.test') });

/** Books each request in turn, as staging does, and returns the bookings. */
function bookAll(caps: MailboxCaps, requests: readonly { offset: number; domain: string }[], fit?: (t: number) => number): Booking[] {
  const bookings: Booking[] = [];
  for (const r of requests) bookings.push({ at: nextSendTime({ caps, bookings, domain: r.domain, desired: T0 + r.offset, ...(fit ? { fit } : {}) }), domain: r.domain });
  return bookings;
}

function minGap(times: readonly number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s.slice(1).reduce((m, t, i) => Math.min(m, t - s[i]!), Infinity);
}

describe('nextSendTime', () => {
  it('is never earlier than desired, and keeps every cap and the gap for any sequence of bookings', () => {
    fc.assert(
      fc.property(capsArb, fc.array(requestArb, { maxLength: 60 }), (caps, requests) => {
        const bookings = bookAll(caps, requests);
        bookings.forEach((b, i) => expect(b.at).toBeGreaterThanOrEqual(T0 + requests[i]!.offset));
        const times = bookings.map((b) => b.at);
        expect(maxInWindow(times, HOUR)).toBeLessThanOrEqual(caps.hourlyCap);
        expect(maxInWindow(times, DAY)).toBeLessThanOrEqual(caps.dailyCap);
        expect(minGap(times)).toBeGreaterThanOrEqual(caps.minGapSeconds * 1000);
        if (caps.domainDailyCap !== null) {
          for (const d of new Set(bookings.map((b) => b.domain))) {
            expect(maxInWindow(bookings.filter((b) => b.domain === d).map((b) => b.at), DAY)).toBeLessThanOrEqual(caps.domainDailyCap);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives the same answer whatever the order of the bookings', () => {
    fc.assert(
      fc.property(capsArb, fc.array(requestArb, { maxLength: 40 }), requestArb, fc.integer(), (caps, requests, next, seed) => {
        const bookings = bookAll(caps, requests);
        const shuffled = [...bookings].sort((a, b) => ((a.at * 31 + seed) % 97) - ((b.at * 31 + seed) % 97));
        const ask = (bs: Booking[]) => nextSendTime({ caps, bookings: bs, domain: next.domain, desired: T0 + next.offset });
        expect(ask(shuffled)).toBe(ask(bookings));
      }),
      RUNS,
    );
  });

  it('keeps the send window when one is given, re-checking the caps after it moves a send', () => {
    // A window of 08:00-10:00 UTC every day: a send never leaves outside it.
    const fit = (t: number) => {
      const day = Math.floor(t / DAY) * DAY;
      if (t < day + 8 * HOUR) return day + 8 * HOUR;
      return t < day + 10 * HOUR ? t : day + DAY + 8 * HOUR;
    };
    fc.assert(
      fc.property(capsArb, fc.array(requestArb, { maxLength: 40 }), (caps, requests) => {
        const bookings = bookAll(caps, requests, fit);
        for (const b of bookings) expect(fit(b.at)).toBe(b.at);
        expect(maxInWindow(bookings.map((b) => b.at), HOUR)).toBeLessThanOrEqual(caps.hourlyCap);
        expect(minGap(bookings.map((b) => b.at))).toBeGreaterThanOrEqual(caps.minGapSeconds * 1000);
      }),
      RUNS,
    );
  });

  it('spreads a burst of 300 at 08:00 over more than two hours at 100 an hour, 20 s apart', () => {
    const at8 = Date.UTC(2026, 5, 2, 8, 0);
    const bookings = bookAll(DEFAULT_CAPS, Array.from({ length: 300 }, () => ({ offset: at8 - T0, domain: 'globex.test' })));
    const times = bookings.map((b) => b.at).sort((a, b) => a - b);
    expect(times[0]).toBe(at8);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2 * HOUR);
    expect(maxInWindow(times, HOUR)).toBe(100);
    expect(minGap(times)).toBe(20_000);
    expect(new Set(times).size).toBe(300);
  });

  it('caps one recipient domain per day and leaves the others alone', () => {
    const caps = { ...DEFAULT_CAPS, domainDailyCap: 3 };
    const bookings = bookAll(caps, [0, 0, 0, 0].map(() => ({ offset: 0, domain: 'globex.test' })));
    expect(bookings[3]!.at - bookings[0]!.at).toBeGreaterThanOrEqual(DAY);
    expect(nextSendTime({ caps, bookings, domain: 'initech.test', desired: T0 })).toBe(T0 + 3 * 20_000);
  });

  it('reads the domain of an address', () => {
    expect(domainOf('Marie@Globex.TEST')).toBe('globex.test');
    expect(domainOf(null)).toBeNull();
  });
});
