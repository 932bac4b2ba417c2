// A rep's days away: declared time off (whole days in the rep's zone) and the public holidays of
// the rep's own country. Capacity zero: no call is announced in them, and the rep's cadence waits
// until the rep is back, unless a covering rep was chosen for the time off (holidays have no
// cover: the whole country is off). Pure; the activities load the calendar with the context.
import { insideCallBlocks, type RepCapacity } from './call-capacity.js';
import { planStepDue, type PlanInput } from './plan.js';
import { addDays, atLocalTime, isClosedDate, localDateOf, parseInstant, sameOrNextBusinessDayAt, scheduleTouch, toInstantString, type Place, type TimingRules } from '../timing/index.js';
import { channelOf, isTouch } from './touch.js';

export type RepAbsence = { startsOn: string; endsOn: string; coveringUserId: string | null };

/** Where the rep works (their zone, their country's holidays) and the time off declared. */
export type RepCalendar = Place & { absences: readonly RepAbsence[] };

export type RepAway =
  | { reason: 'absence'; absence: RepAbsence; coveringUserId: string | null }
  | { reason: 'holiday'; coveringUserId: null };

/** Why the rep is away on a local date of their zone, or null when they work that day. */
export function repAwayOn(localDate: string, cal: RepCalendar, rules: Pick<TimingRules, 'holidayTypes' | 'extraClosedDates'>): RepAway | null {
  const absence = cal.absences.find((a) => a.startsOn <= localDate && localDate <= a.endsOn);
  if (absence) return { reason: 'absence', absence, coveringUserId: absence.coveringUserId };
  if (isClosedDate(localDate, cal, rules)) return { reason: 'holiday', coveringUserId: null };
  return null;
}

/** The rep's local date of an instant. */
export const repDateOf = (instant: string, cal: RepCalendar): string => localDateOf(parseInstant(instant, 'instant'), cal.timeZone);

/** Away at an instant, with no one covering: what the cadence must wait for. */
export function uncoveredAwayAt(instant: string, cal: RepCalendar, rules: TimingRules): RepAway | null {
  const away = repAwayOn(repDateOf(instant, cal), cal, rules);
  return away && !away.coveringUserId ? away : null;
}

/**
 * The first moment the rep is back after an uncovered absence or holiday holding `instant`
 * (00:00 of the first day worked again, in the rep's zone; consecutive days away chain), or null
 * when the rep is there or covered then. Bounded: a year away at most.
 */
export function backFrom(instant: string, cal: RepCalendar, rules: TimingRules): string | null {
  let day = repDateOf(instant, cal);
  if (!uncoveredAwayOn(day, cal, rules)) return null;
  for (let i = 0; i < 366 && uncoveredAwayOn(day, cal, rules); i++) day = addDays(day, 1);
  return toInstantString(atLocalTime(day, '00:00', cal.timeZone));
}

function uncoveredAwayOn(day: string, cal: RepCalendar, rules: TimingRules): boolean {
  const away = repAwayOn(day, cal, rules);
  return Boolean(away && !away.coveringUserId);
}

/**
 * A due time the rep can be there for: planned again from the rep's return (as after a pause)
 * while it falls on a day they are away and no one covers. `plan(from)` plans the step from an
 * instant with the prospect's rules; a few rounds suffice (a return lands on a worked day).
 */
export function dueAroundAbsences(due: string, plan: (from: string) => string, cal: RepCalendar | null | undefined, rules: TimingRules): string {
  if (!cal) return due;
  let current = due;
  for (let i = 0; i < 10; i++) {
    const back = backFrom(current, cal, rules);
    if (!back) return current;
    current = plan(back);
  }
  return current;
}

/**
 * When a step is due for a rep with days away. A step falling on them is due again from the
 * rep's return: at its local time on the first business day it can be (the 08:00 email leaves at
 * 08:00 on the return day), or at once for a delay already served. Promises to the prospect keep
 * their time (an announced call, a callback at the time they gave: the covering rep, or a person
 * told when the time off was declared, keeps them); an escalation is the team's, due in its
 * assignees' hours.
 */
export function planStepDueForRep(i: PlanInput, cal: RepCalendar | null | undefined): string {
  const due = planStepDue(i);
  const t = i.step.timing;
  if (!cal || i.step.type === 'escalation' || (t.kind === 'announced_time' && i.announcedCallAt) || (t.kind === 'callback' && i.callbackAt && Date.parse(i.callbackAt) > Date.parse(i.now))) return due;
  return dueAroundAbsences(due, (back) => resumeDue(i, back), cal, i.rules);
}

/** The step's due time once the rep is back at `back`. */
function resumeDue(i: PlanInput, back: string): string {
  const t = i.step.timing;
  const fit = (earliest: string) => scheduleTouch({ earliest, channel: channelOf(i.step), place: i.place, rules: i.rules, previousTouches: isTouch(i.step) ? i.touches : [] });
  if (t.kind === 'next_business_day_at' || t.kind === 'business_days_after') return fit(sameOrNextBusinessDayAt({ after: back, time: t.at, place: i.place, rules: i.rules }));
  if (t.kind === 'after' || t.kind === 'immediately' || t.kind === 'within_minutes') return fit(back);
  return planStepDue({ ...i, now: back, callbackAt: null });
}

/** Who covers for the rep at an instant (their time off has a covering rep), else null. */
export function coveringRepAt(instant: string, cal: RepCalendar, rules: TimingRules): string | null {
  return repAwayOn(repDateOf(instant, cal), cal, rules)?.coveringUserId ?? null;
}

/** A rep who may take announced calls: their capacity and their days away. */
export type CallTaker = { id: string; capacity: RepCapacity; calendar: RepCalendar };

/**
 * Who takes a call at an instant for the rep: the rep, the covering rep of their time off, or
 * nobody (the rep away uncovered, the covering rep away too, or outside the taker's call blocks).
 */
export function callTakerAt(instant: string, rep: CallTaker, covers: ReadonlyMap<string, CallTaker>, rules: TimingRules): CallTaker | null {
  const away = repAwayOn(repDateOf(instant, rep.calendar), rep.calendar, rules);
  let taker: CallTaker | undefined = rep;
  if (away) {
    taker = away.coveringUserId ? covers.get(away.coveringUserId) : undefined;
    if (!taker || repAwayOn(repDateOf(instant, taker.calendar), taker.calendar, rules)) return null;
  }
  return insideCallBlocks(instant, taker.capacity) ? taker : null;
}
