import type { DateTime } from 'luxon';
import { isBusinessDay, MAX_DAY_SCAN } from './business-days.js';
import { TimingError } from './errors.js';
import { addDays, atLocalTime, isoWeekday, localDateOf } from './local-time.js';
import type { Place } from './place.js';
import type { TimingRules } from './rules.js';

/** A daily local-time window [start, end), optionally only on some ISO weekdays. */
export interface DailyWindow {
  start: string;
  end: string;
  days?: number[] | undefined;
  label?: string | undefined;
}

/** The concrete [start, end) instants of the windows open on `localDate` (business day or not). */
export function windowsOn(localDate: string, windows: readonly DailyWindow[], zone: string): Array<{ start: DateTime; end: DateTime }> {
  const weekday = isoWeekday(localDate);
  return windows
    .filter((w) => !w.days || w.days.includes(weekday))
    .map((w) => ({ start: atLocalTime(localDate, w.start, zone), end: atLocalTime(localDate, w.end, zone) }))
    // A window straddling a DST gap can collapse (02:30-03:15 -> 03:30-03:15): drop it.
    .filter((w) => w.start < w.end);
}

/** Whether `instant` lies inside one of the windows on a business day in the prospect's zone. */
export function isInsideWindows(instant: DateTime, windows: readonly DailyWindow[], place: Place, rules: TimingRules): boolean {
  const date = localDateOf(instant, place.timeZone);
  return (
    isBusinessDay(date, place, rules) &&
    windowsOn(date, windows, place.timeZone).some((w) => w.start <= instant && instant < w.end)
  );
}

/** Earliest instant >= `after` inside one of `windows` on a business day (`after` itself if already inside). */
export function nextWindowStartAt(after: DateTime, windows: readonly DailyWindow[], place: Place, rules: TimingRules): DateTime {
  if (windows.length === 0) throw new TimingError('windows', 'at least one window is required');
  const zone = place.timeZone;
  let date = localDateOf(after, zone);
  for (let i = 0; i < MAX_DAY_SCAN; i++, date = addDays(date, 1)) {
    if (!isBusinessDay(date, place, rules)) continue;
    const candidates = windowsOn(date, windows, zone)
      .filter((w) => w.end > after)
      .map((w) => (w.start > after ? w.start : after.setZone(zone)));
    if (candidates.length > 0) return candidates.reduce((a, b) => (b < a ? b : a));
  }
  throw new TimingError('windows', `no open window within ${MAX_DAY_SCAN} days`);
}
