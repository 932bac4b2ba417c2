// Dates for cadence tests, computed from the test server's clock so the suite keeps working
// whatever day it runs on (next Monday, next Christmas, next DST change...).
import { DateTime } from 'luxon';
import { isWorkingDay } from './holidays.js';

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

const working = (d: DateTime, country: string): boolean => isWorkingDay(country, undefined, ymd(d), d.weekday);

/**
 * The next Monday at `time` starting a full working week in `country` (no public holiday Monday
 * to Friday), so a test's business days never land on Easter Monday or May 8 whatever day it runs.
 */
export function nextWorkingMonday(fromMs: number, zone: string, country: string, time = '10:00'): DateTime {
  return nextLocal(fromMs, zone, time, (d) => d.weekday === 1 && [0, 1, 2, 3, 4].every((k) => working(d.plus({ days: k }), country)));
}

/**
 * The Sunday of the next spring-forward change in `zone` after `fromMs`; with `country`, the next
 * one whose Friday before and Monday after are working days there (2027's falls on Easter).
 */
export function nextSpringForward(fromMs: number, zone: string, country?: string): DateTime {
  const isChange = (d: DateTime) => d.set({ hour: 12 }).offset > d.minus({ days: 1 }).set({ hour: 12 }).offset;
  const around = (d: DateTime) => !country || (working(d.minus({ days: 2 }), country) && working(d.plus({ days: 1 }), country));
  return nextLocal(fromMs, zone, '12:00', (d) => isChange(d) && around(d), 7);
}
