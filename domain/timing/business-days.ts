import { TimingError } from './errors.js';
import { isClosedDate } from './holidays.js';
import { addDays, isoWeekday } from './local-time.js';
import type { Place } from './place.js';
import type { TimingRules } from './rules.js';

/** Longer than any run of closed days a sane rule set produces; guarantees termination. */
export const MAX_DAY_SCAN = 400;

type DayPlace = Pick<Place, 'country' | 'region'>;
type DayRules = Pick<TimingRules, 'weekendDays' | 'holidayTypes' | 'extraClosedDates'>;

/** Not a weekend day, not a public holiday of the prospect's country/region, not a workspace closed date. */
export function isBusinessDay(localDate: string, place: DayPlace, rules: DayRules): boolean {
  return !rules.weekendDays.includes(isoWeekday(localDate)) && !isClosedDate(localDate, place, rules);
}

/** First business day >= `localDate`. */
export function businessDayOnOrAfter(localDate: string, place: DayPlace, rules: DayRules): string {
  let date = localDate;
  for (let i = 0; i < MAX_DAY_SCAN; i++, date = addDays(date, 1)) {
    if (isBusinessDay(date, place, rules)) return date;
  }
  throw new TimingError('rules', `no business day within ${MAX_DAY_SCAN} days of ${localDate}`);
}

/** First business day strictly after `localDate`. */
export function nextBusinessDay(localDate: string, place: DayPlace, rules: DayRules): string {
  return businessDayOnOrAfter(addDays(localDate, 1), place, rules);
}

/** `count` business days after `localDate` (Saturday + 1 -> Monday); 0 -> first business day on or after it. */
export function addBusinessDays(localDate: string, count: number, place: DayPlace, rules: DayRules): string {
  if (!Number.isInteger(count) || count < 0) {
    throw new TimingError('count', `count must be a non-negative integer, got ${count}`);
  }
  if (count === 0) return businessDayOnOrAfter(localDate, place, rules);
  let date = localDate;
  for (let i = 0; i < count; i++) date = nextBusinessDay(date, place, rules);
  return date;
}
