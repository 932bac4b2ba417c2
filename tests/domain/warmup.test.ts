// The warm-up ramp: a new mailbox's daily cap starts low and grows by a step each day up to its
// cap. Property-tested with pacing: no ramp day ever carries more sends than its cap, a send
// never leaves before it was desired, and a burst waits for the next day rather than being lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Booking, type MailboxCaps } from '../../domain/channels/pacing.js';
import { dailyCapAt, nextWarmSendTime, warmupDay, warmupEndsAt, type Warmup } from '../../domain/channels/warmup.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 5, 1, 6, 0);
const caps = (dailyCap: number): MailboxCaps => ({ dailyCap, hourlyCap: 500, minGapSeconds: 0, domainDailyCap: null });

describe('warm-up ramp', () => {
  const w: Warmup = { startCap: 20, step: 15, startedAt: T0 };

  it('starts at its first cap, adds a step each 24 hours, and stops at the daily cap', () => {
    expect([0, 1, 2, 3, 30].map((d) => dailyCapAt(50, w, T0 + d * DAY + HOUR))).toEqual([20, 35, 50, 50, 50]);
    expect(dailyCapAt(50, w, T0 - HOUR)).toBe(20);
    expect(dailyCapAt(50, null, T0)).toBe(50);
    expect(warmupDay(w, T0 + DAY - 1)).toBe(0);
    expect(warmupDay(w, T0 + DAY)).toBe(1);
    expect(warmupEndsAt(50, w)).toBe(T0 + 2 * DAY);
    expect(warmupEndsAt(10, w)).toBe(T0);
  });

  it('sends the first day\'s cap on the first day; the rest waits for the next day, within its larger cap', () => {
    const bookings: Booking[] = [];
    for (let i = 0; i < 30; i++) bookings.push({ at: nextWarmSendTime({ caps: caps(400), warmup: { startCap: 5, step: 5, startedAt: T0 }, bookings, domain: null, desired: T0 + HOUR }), domain: null });
    const byDay: number[] = [];
    for (const b of bookings) {
      const d = warmupDay({ startCap: 5, step: 5, startedAt: T0 }, b.at);
      byDay[d] = (byDay[d] ?? 0) + 1;
    }
    expect(byDay[0]).toBe(5);
    expect(bookings.slice(0, 5).every((b) => b.at === T0 + HOUR)).toBe(true);
    expect(bookings[5]!.at).toBe(T0 + DAY); // the second day opens with a cap of 10, five of them already used
    expect(byDay.reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('never puts more sends in a rolling 24 hours than the cap of the day they leave in, nor any send before it was desired', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.record({ startCap: fc.integer({ min: 1, max: 10 }), step: fc.integer({ min: 1, max: 10 }) }),
        fc.array(fc.integer({ min: -HOUR, max: 3 * DAY }), { minLength: 1, maxLength: 60 }),
        (dailyCap, ramp, offsets) => {
          const warmup = { ...ramp, startedAt: T0 };
          const bookings: Booking[] = [];
          for (const o of offsets) {
            const at = nextWarmSendTime({ caps: caps(dailyCap), warmup, bookings, domain: null, desired: T0 + o });
            expect(at).toBeGreaterThanOrEqual(T0 + o);
            bookings.push({ at, domain: null });
          }
          for (const b of bookings) {
            const inWindow = bookings.filter((x) => x.at > b.at - DAY && x.at <= b.at).length;
            expect(inWindow).toBeLessThanOrEqual(dailyCapAt(dailyCap, warmup, b.at));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
