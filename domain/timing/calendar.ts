import { isBusinessDay } from './business-days.js';
import { holidayNameOn } from './holidays.js';
import { addDays, isoWeekday, localTimeOf } from './local-time.js';
import type { Place } from './place.js';
import type { TimingRules } from './rules.js';
import { windowsOn, type DailyWindow } from './windows.js';

/** A window of one day, in the place's local time, as the scheduler will use it (a DST gap already applied). */
export type CalendarWindow = { start: string; end: string; label: string | null };
/** Why nothing goes out on a day: a weekend day, a holiday of the place, a date the workspace closed. */
export type ClosedReason = 'weekend' | 'holiday' | 'workspace';
export type CalendarDay = {
  date: string;
  weekday: number;
  holiday: string | null;
  closedBecause: ClosedReason[];
  sendWindow: CalendarWindow | null;
  callWindow: CalendarWindow | null;
  bypassWindows: CalendarWindow[];
  directWindows: CalendarWindow[];
};

function localWindows(date: string, windows: readonly DailyWindow[], zone: string): CalendarWindow[] {
  return windows.flatMap((w) => windowsOn(date, [w], zone).map((at) => ({ start: localTimeOf(at.start, zone), end: localTimeOf(at.end, zone), label: w.label ?? null })));
}

/**
 * Day by day from `from` (a local date of the place), what the timing rules open: the send and
 * call windows, the by-pass and direct windows, or why the day is closed (then no window opens).
 */
export function timingCalendar(from: string, days: number, place: Place, rules: TimingRules): CalendarDay[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(from, i);
    const weekday = isoWeekday(date);
    const holiday = holidayNameOn(date, place, rules);
    const closedBecause: ClosedReason[] = [
      ...(rules.weekendDays.includes(weekday) ? (['weekend'] as const) : []),
      ...(holiday ? (['holiday'] as const) : []),
      ...(rules.extraClosedDates.includes(date) ? (['workspace'] as const) : []),
    ];
    // The scheduler's own test, so the page cannot disagree with where touches land.
    const open = isBusinessDay(date, place, rules);
    const on = (windows: readonly DailyWindow[]) => (open ? localWindows(date, windows, place.timeZone) : []);
    return {
      date,
      weekday,
      holiday,
      closedBecause,
      sendWindow: on([rules.sendWindow])[0] ?? null,
      callWindow: on([rules.callWindow])[0] ?? null,
      bypassWindows: on(rules.bypassWindows),
      directWindows: on(rules.directWindows),
    };
  });
}
