import type { DateTime } from 'luxon';
import { isBusinessDay, nextBusinessDay } from './business-days.js';
import { TimingError } from './errors.js';
import { atLocalTime, fromWallClock, localDateOf } from './local-time.js';
import { parseInstant, toInstantString, type InstantInput } from './instant.js';
import type { TouchChannel } from '../sequences/step-types.js';
import type { Place } from './place.js';
import type { TimingRules } from './rules.js';
import { assertTimeZone } from './time-zone.js';
import { nextWindowStartAt, type DailyWindow } from './windows.js';

/**
 * Main entry points. Inputs are instants (ISO string with offset, or DateTime); outputs
 * are UTC ISO strings so they serialize identically into Temporal history and JSON.
 * Everything is computed on the prospect's wall clock (place.timeZone).
 */

export type { TouchChannel } from '../sequences/step-types.js';

/** Generous bound on scheduleTouch's fix-point loop; each step only moves forward. */
export const MAX_SCHEDULE_ITERATIONS = 400;

function checkedPlace(place: Place): Place {
  return { ...place, timeZone: assertTimeZone(place.timeZone) };
}

/** `time` on the next business day strictly after the local date of `after`. */
export function nextBusinessDayAt(args: { after: InstantInput; time: string; place: Place; rules: TimingRules }): string {
  const place = checkedPlace(args.place);
  const today = localDateOf(parseInstant(args.after, 'after'), place.timeZone);
  return toInstantString(atLocalTime(nextBusinessDay(today, place, args.rules), args.time, place.timeZone));
}

/** `time` today if today is a business day and `time` is not yet past (>= after), else the next business day. */
export function sameOrNextBusinessDayAt(args: { after: InstantInput; time: string; place: Place; rules: TimingRules }): string {
  const place = checkedPlace(args.place);
  const after = parseInstant(args.after, 'after');
  const today = localDateOf(after, place.timeZone);
  if (isBusinessDay(today, place, args.rules)) {
    const candidate = atLocalTime(today, args.time, place.timeZone);
    if (candidate >= after) return toInstantString(candidate);
  }
  return toInstantString(atLocalTime(nextBusinessDay(today, place, args.rules), args.time, place.timeZone));
}

/** Earliest instant >= after inside one of `windows` on a business day (`after` itself if inside). */
export function nextWindowStart(args: { after: InstantInput; windows: readonly DailyWindow[]; place: Place; rules: TimingRules }): string {
  return toInstantString(nextWindowStartAt(parseInstant(args.after, 'after'), args.windows, checkedPlace(args.place), args.rules));
}

/** Next moment a decision maker is likely to pick up (rules.bypassWindows). */
export function nextBypassWindow(args: { after: InstantInput; place: Place; rules: TimingRules }): string {
  return nextWindowStart({ ...args, windows: args.rules.bypassWindows });
}

/** Next direct-approach slot (rules.directWindows). */
export function nextDirectWindow(args: { after: InstantInput; place: Place; rules: TimingRules }): string {
  return nextWindowStart({ ...args, windows: args.rules.directWindows });
}

/** Moves `t` onto a business day, keeping its local time of day (tasks have no window). */
function onBusinessDayKeepingTime(t: DateTime, place: Place, rules: TimingRules): DateTime {
  const today = localDateOf(t, place.timeZone);
  if (isBusinessDay(today, place, rules)) return t;
  const [year = 0, month = 0, day = 0] = nextBusinessDay(today, place, rules).split('-').map(Number);
  const local = t.setZone(place.timeZone);
  return fromWallClock({ year, month, day, hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond }, place.timeZone);
}

function placeInChannel(t: DateTime, channel: TouchChannel, place: Place, rules: TimingRules): DateTime {
  switch (channel) {
    case 'email':
    case 'linkedin':
      return nextWindowStartAt(t, [rules.sendWindow], place, rules);
    case 'call':
      return nextWindowStartAt(t, [rules.callWindow], place, rules);
    case 'task':
      return onBusinessDayKeepingTime(t, place, rules);
    default:
      throw new TimingError('channel', `unknown channel "${String(channel)}"`);
  }
}

/**
 * Weekly cap: touches in the rolling window (t - 7 local days, t]. If the cap is reached,
 * returns when enough of the oldest ones fall out; undefined when `t` is fine.
 */
function weeklyCapRelease(t: DateTime, sortedPrevious: readonly DateTime[], max: number, zone: string): DateTime | undefined {
  const windowStart = t.setZone(zone).minus({ days: 7 });
  const inWindow = sortedPrevious.filter((p) => p > windowStart && p <= t);
  if (inWindow.length < max) return undefined;
  // Dropping the (inWindow.length - max + 1) oldest leaves max - 1: room for this touch.
  const pivot = inWindow[inWindow.length - max];
  return pivot?.setZone(zone).plus({ days: 7 });
}

/**
 * First instant >= earliest that is on a business day, inside the channel's window
 * (send window for email/LinkedIn, call window for calls, any time for tasks), at least
 * minGapMinutes after every previous touch, and with fewer than maxTouchesPerWeek previous
 * touches in the rolling 7 days before it. Previous touches are assumed to be <= the result.
 */
export function scheduleTouch(args: {
  earliest: InstantInput;
  channel: TouchChannel;
  place: Place;
  rules: TimingRules;
  previousTouches?: readonly InstantInput[];
}): string {
  const place = checkedPlace(args.place);
  const { rules, channel } = args;
  const previous = (args.previousTouches ?? [])
    .map((p, i) => parseInstant(p, `previousTouches.${i}`))
    .sort((a, b) => a.toMillis() - b.toMillis());
  const last = previous.at(-1);
  const gapEnd = last?.plus({ minutes: rules.minGapMinutes });

  let t: DateTime = parseInstant(args.earliest, 'earliest').setZone(place.timeZone);
  // Fix point: each constraint only moves t forward, so once none moves it, all hold.
  for (let i = 0; i < MAX_SCHEDULE_ITERATIONS; i++) {
    let next: DateTime = gapEnd && gapEnd > t ? gapEnd.setZone(place.timeZone) : t;
    next = placeInChannel(next, channel, place, rules);
    next = weeklyCapRelease(next, previous, rules.maxTouchesPerWeek, place.timeZone) ?? next;
    if (next.toMillis() === t.toMillis()) return toInstantString(t);
    t = next;
  }
  throw new TimingError('earliest', `no slot found for a ${channel} touch within ${MAX_SCHEDULE_ITERATIONS} iterations`);
}
