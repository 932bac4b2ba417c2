// Dates for cadence tests, computed from the test server's clock so the suite keeps working
// whatever day it runs on (next Monday, next Christmas, next DST change...).
import { DateTime } from 'luxon';

/** The first local day strictly after `fromMs` (at least `minDays` ahead) matching `pred`, at `time`. */
export function nextLocal(fromMs: number, zone: string, time: string, pred: (d: DateTime) => boolean, minDays = 1): DateTime {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  let d = DateTime.fromMillis(fromMs, { zone }).startOf('day').plus({ days: minDays });
  for (let i = 0; i < 800; i++, d = d.plus({ days: 1 })) {
    if (pred(d)) return d.set({ hour, minute });
  }
  throw new Error('no such day within 800 days');
}

export const at = (d: DateTime, time: string): DateTime => {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return d.set({ hour, minute, second: 0, millisecond: 0 });
};

export const iso = (d: DateTime): string => d.toUTC().toISO()!;

/** The local calendar date, as the API and holiday tables write it. */
export const ymd = (d: DateTime): string => d.toFormat('yyyy-MM-dd');

/** The Sunday of the next spring-forward change in `zone` after `fromMs`. */
export function nextSpringForward(fromMs: number, zone: string): DateTime {
  return nextLocal(fromMs, zone, '12:00', (d) => d.set({ hour: 12 }).offset > d.minus({ days: 1 }).set({ hour: 12 }).offset, 7);
}
