import { DateTime, IANAZone } from 'luxon';
import { TimingError } from './errors.js';
import { assertTimeZone } from './time-zone.js';

/**
 * Wall-clock helpers. A "local date" is "YYYY-MM-DD" and a "local time" "HH:mm", both in
 * the prospect's zone. DST policy (same as RFC 5545 / Temporal's "compatible"):
 *  - gap (spring forward): a wall time that does not exist is pushed FORWARD by the gap
 *    length, e.g. 02:30 on 2027-03-28 in Europe/Paris -> 03:30 CEST. Same day, never skipped.
 *  - overlap (fall back): an ambiguous wall time takes the EARLIER occurrence.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A wall-clock reading in some zone (seconds/milliseconds default to 0). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
  millisecond?: number;
}

export function parseLocalDate(localDate: string, field = 'localDate'): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(localDate);
  const parts = m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!parts || !DateTime.fromObject(parts, { zone: 'utc' }).isValid) {
    throw new TimingError(field, `${field} must be a calendar date "YYYY-MM-DD", got "${localDate}"`);
  }
  return parts;
}

export function parseLocalTime(time: string, field = 'time'): { hour: number; minute: number } {
  const m = TIME_RE.exec(time);
  if (!m) throw new TimingError(field, `${field} must be "HH:mm" (00:00-23:59), got "${time}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** Instant of a wall-clock reading in `zone`, applying the gap/overlap policy above. */
export function fromWallClock(wall: WallClock, zone: string): DateTime {
  const tz = IANAZone.create(assertTimeZone(zone));
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0, wall.millisecond ?? 0);
  // Offsets a day either side bracket any single transition near this wall time.
  const offsetBefore = tz.offset(asUtc - DAY_MS);
  const offsetAfter = tz.offset(asUtc + DAY_MS);
  const valid = [offsetBefore, offsetAfter]
    .map((offset) => asUtc - offset * MINUTE_MS)
    .filter((ts) => tz.offset(ts) * MINUTE_MS === asUtc - ts);
  // Overlap: two valid instants -> earliest. Gap: none -> read with the pre-gap offset,
  // which lands exactly `gap` minutes later on the wall clock.
  const ts = valid.length > 0 ? Math.min(...valid) : asUtc - offsetBefore * MINUTE_MS;
  return DateTime.fromMillis(ts, { zone: tz });
}

/**
 * Instants already resolved, by zone, date and time. Planning asks for the same few readings
 * again and again (every prospect of a zone gets 08:00 on the same business days, every window
 * is resolved for each day scanned), and each costs four zone-offset lookups. Luxon's DateTime
 * is immutable, so sharing one is safe; the bound keeps a long-lived worker's memory flat.
 */
const resolved = new Map<string, DateTime>();
const RESOLVED_MAX = 20_000;

/** `time` ("HH:mm") on `localDate` ("YYYY-MM-DD") in `zone`. */
export function atLocalTime(localDate: string, time: string, zone: string): DateTime {
  const key = `${zone}|${localDate}|${time}`;
  let instant = resolved.get(key);
  if (!instant) {
    instant = fromWallClock({ ...parseLocalDate(localDate), ...parseLocalTime(time) }, zone);
    if (resolved.size >= RESOLVED_MAX) resolved.clear();
    resolved.set(key, instant);
  }
  return instant;
}

/** Local calendar date of an instant in `zone`. */
export function localDateOf(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toFormat('yyyy-MM-dd');
}

/** Local "HH:mm" of an instant in `zone`. */
export function localTimeOf(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toFormat('HH:mm');
}

/** Calendar arithmetic on local dates (zone-free: a date has no DST). */
export function addDays(localDate: string, days: number): string {
  return DateTime.fromObject(parseLocalDate(localDate), { zone: 'utc' }).plus({ days }).toFormat('yyyy-MM-dd');
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function isoWeekday(localDate: string): number {
  return DateTime.fromObject(parseLocalDate(localDate), { zone: 'utc' }).weekday;
}
