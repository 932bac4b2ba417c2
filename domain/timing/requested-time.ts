import type { DateTime } from 'luxon';
import { holidayNameOn } from './holidays.js';
import { addDays, isoWeekday, localDateOf, localTimeOf } from './local-time.js';
import { parseInstant, toInstantString, type InstantInput } from './instant.js';
import type { Place } from './place.js';
import type { TimingRules } from './rules.js';
import { scheduleTouch, type TouchChannel } from './schedule.js';
import { isInsideWindows } from './windows.js';

/**
 * A time someone asked for (a reschedule) checked against the rules planning follows: the
 * earliest allowed instant at or after it, and in words why it moved. Pure, like the rest.
 */

export type MoveRule = 'weekend' | 'public_holiday' | 'closed_date' | 'outside_window' | 'min_gap' | 'weekly_cap';
export type MoveReason = { rule: MoveRule; detail: string };
export type FittedTime = { requestedAt: string; effectiveAt: string; moved: boolean; because: MoveReason[] };

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Why a local date is closed in the place, or null when it is a business day. */
function closedBecause(date: string, place: Place, rules: TimingRules): MoveReason | null {
  const weekday = WEEKDAYS[isoWeekday(date) - 1]!;
  if (rules.weekendDays.includes(isoWeekday(date))) return { rule: 'weekend', detail: `${weekday} ${date} is not a working day` };
  if (rules.extraClosedDates.includes(date)) return { rule: 'closed_date', detail: `${weekday} ${date} is a closed date of the workspace` };
  const holiday = holidayNameOn(date, place, rules);
  if (holiday) return { rule: 'public_holiday', detail: `${weekday} ${date} is a public holiday in ${place.country} (${holiday})` };
  return null;
}

function windowOf(channel: TouchChannel, rules: TimingRules): { name: string; start: string; end: string } | null {
  if (channel === 'email' || channel === 'linkedin') return { name: 'send window', ...rules.sendWindow };
  if (channel === 'call') return { name: 'call window', ...rules.callWindow };
  return null;
}

/** Every reason the requested instant could not stand, in the order the rules moved it. */
function explain(requested: DateTime, effective: DateTime, channel: TouchChannel, place: Place, rules: TimingRules, previous: readonly DateTime[]): MoveReason[] {
  const zone = place.timeZone;
  const because: MoveReason[] = [];
  const first = localDateOf(requested, zone);
  const window = windowOf(channel, rules);
  if (window && !closedBecause(first, place, rules) && !isInsideWindows(requested, [window], place, rules)) {
    because.push({ rule: 'outside_window', detail: `${localTimeOf(requested, zone)} is outside the ${window.name} (${window.start}-${window.end}, ${zone})` });
  }
  // Each closed day crossed on the way, the requested one first.
  const last = localDateOf(effective, zone);
  for (let date = first; ; date = addDays(date, 1)) {
    const closed = closedBecause(date, place, rules);
    if (closed) because.push(closed);
    if (date >= last) break;
  }
  if (because.length === 0) {
    const latest = previous.at(-1);
    if (latest && latest.plus({ minutes: rules.minGapMinutes }) > requested) {
      because.push({ rule: 'min_gap', detail: `at least ${rules.minGapMinutes} minutes after the previous touch (${toInstantString(latest)})` });
    } else {
      because.push({ rule: 'weekly_cap', detail: `at most ${rules.maxTouchesPerWeek} touches in 7 days` });
    }
  }
  return because;
}

/**
 * The earliest instant >= `requested` the channel's rules allow (business day in the place,
 * the channel's window, the gap after and the weekly cap on previous touches), and why it moved.
 */
export function fitRequestedTime(a: { requested: InstantInput; channel: TouchChannel; place: Place; rules: TimingRules; previousTouches?: readonly InstantInput[] }): FittedTime {
  const requested = parseInstant(a.requested, 'requested');
  const previous = (a.previousTouches ?? []).map((p, i) => parseInstant(p, `previousTouches.${i}`)).sort((x, y) => x.toMillis() - y.toMillis());
  const effectiveAt = scheduleTouch({ earliest: requested, channel: a.channel, place: a.place, rules: a.rules, previousTouches: previous });
  const requestedAt = toInstantString(requested);
  if (effectiveAt === requestedAt) return { requestedAt, effectiveAt, moved: false, because: [] };
  const because = explain(requested, parseInstant(effectiveAt, 'effectiveAt'), a.channel, a.place, a.rules, previous);
  return { requestedAt, effectiveAt, moved: true, because };
}
