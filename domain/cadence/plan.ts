// When is a step due? Pure: the workflow asks through an activity (so the answer is recorded
// in history and a later change of rules or holiday data never breaks a replay), the API uses
// it for previews.
import { DateTime } from 'luxon';
import type { Step } from '../sequences/definition.js';
import { channelOf, isTouch } from './touch.js';
import {
  addBusinessDays,
  atLocalTime,
  localDateOf,
  nextBusinessDayAt,
  nextBypassWindow,
  parseInstant,
  scheduleTouch,
  toInstantString,
  type Place,
  type TimingRules,
} from '../timing/index.js';

export type PlanInput = {
  step: Step;
  /** When the previous step ended (or the enrollment started). */
  now: string;
  place: Place;
  rules: TimingRules;
  /** Instants of earlier touches on this prospect (gap and weekly cap). */
  touches: readonly string[];
  /** Callback time the gatekeeper or the prospect gave. */
  callbackAt?: string | null;
  /** Slot promised by the announcing email, for `announced_time` steps. */
  announcedCallAt?: string | null;
};

export function planStepDue(i: PlanInput): string {
  const { step, place, rules } = i;
  const now = parseInstant(i.now, 'now');
  const channel = channelOf(step);
  const touches = isTouch(step) ? i.touches : [];
  const fit = (earliest: DateTime | string) => scheduleTouch({ earliest, channel, place, rules, previousTouches: touches });
  const t = step.timing;
  // An escalation is the team's own decision, taken as soon as the blocker is logged, whatever the
  // prospect's calendar; the tasks it opens fall due in their assignees' working hours.
  if (step.type === 'escalation' && t.kind === 'immediately') return toInstantString(now);
  if (step.type === 'escalation' && t.kind === 'after') return toInstantString(now.plus({ minutes: t.minutes }));
  switch (t.kind) {
    case 'immediately':
      return fit(now);
    case 'after':
      return fit(now.plus({ minutes: t.minutes }));
    case 'next_business_day_at':
      return fit(nextBusinessDayAt({ after: now, time: t.at, place, rules }));
    case 'business_days_after': {
      const day = addBusinessDays(localDateOf(now, place.timeZone), t.days, place, rules);
      return fit(atLocalTime(day, t.at, place.timeZone));
    }
    case 'announced_time':
      // A commitment: the slot was checked against windows and capacity when it was reserved.
      if (i.announcedCallAt) return toInstantString(parseInstant(i.announcedCallAt, 'announcedCallAt'));
      return bypass(now, i);
    case 'callback':
      // The time the prospect's side gave is honoured as given.
      if (i.callbackAt && parseInstant(i.callbackAt, 'callbackAt') > now) {
        return toInstantString(parseInstant(i.callbackAt, 'callbackAt'));
      }
      return bypass(now, i);
    case 'bypass_window':
      return bypass(now, i);
    case 'within_minutes': {
      const soonest = fit(now);
      // Inside the call window the call is due within the promised minutes; outside, at the window's start.
      return soonest === toInstantString(now) ? toInstantString(now.plus({ minutes: t.minutes })) : soonest;
    }
  }
}

/** Next by-pass window at least the minimum gap after the last touch. */
function bypass(now: DateTime, i: PlanInput): string {
  const last = [...i.touches].map((x) => parseInstant(x, 'touches')).sort((a, b) => a.toMillis() - b.toMillis()).at(-1);
  const gapEnd = last?.plus({ minutes: i.rules.minGapMinutes });
  const after = gapEnd && gapEnd > now ? gapEnd : now;
  return nextBypassWindow({ after, place: i.place, rules: i.rules });
}

/** Minimum notice between an announcement and the call it announces. */
export const MIN_ANNOUNCE_LEAD_MINUTES = 60;

/**
 * The call time an email sent at `sendAt` should announce: `at` prospect-local on the send day,
 * never less than an hour after the email actually leaves, inside the call window.
 */
export function desiredAnnouncedCall(sendAt: string, at: string, place: Place, rules: TimingRules): string {
  const sent = parseInstant(sendAt, 'sendAt');
  const lead = sent.plus({ minutes: MIN_ANNOUNCE_LEAD_MINUTES });
  // An email that leaves on a closed day, or too late for a call that day, announces `at` on the
  // next day a call is possible (09:15, not the call window's opening): the same rule as usual.
  let day = localDateOf(sent, place.timeZone);
  for (let i = 0; i < 3; i++) {
    const onDay = atLocalTime(day, at, place.timeZone);
    let desired = onDay >= lead ? onDay : lead;
    // Round up to 5 minutes: "09:15", not "09:13".
    const rem = desired.minute % 5;
    if (rem || desired.second || desired.millisecond) desired = desired.startOf('minute').plus({ minutes: 5 - rem });
    const fitted = scheduleTouch({ earliest: desired, channel: 'call', place, rules });
    const fittedDay = localDateOf(parseInstant(fitted, 'fitted'), place.timeZone);
    if (fittedDay === localDateOf(desired, place.timeZone)) return fitted;
    day = fittedDay;
  }
  return scheduleTouch({ earliest: lead, channel: 'call', place, rules });
}
