import Holidays, { type HolidaysTypes } from 'date-holidays';
import { addDays, parseLocalDate } from './local-time.js';
import { knownStates, normalizeCountry, normalizeRegion, type Place } from './place.js';
import type { TimingRules } from './rules.js';

/**
 * Public holidays come from date-holidays (maintained data, incl. substitute/observed
 * days such as US 2026-07-03). Results are memoized per (country, region, types, year):
 * the data is static, so this stays pure.
 */

type HolidayPlace = Pick<Place, 'country' | 'region'>;
type HolidayRules = Pick<TimingRules, 'holidayTypes' | 'extraClosedDates'>;

const DAY_MS = 86_400_000;
const calendars = new Map<string, Holidays>();
/** Closed local dates with the holiday's name, per (country, region, types, year). */
const closedDays = new Map<string, Map<string, string>>();

function calendarFor(country: string, region: string | undefined, types: HolidaysTypes.HolidayType[]): Holidays {
  const key = `${country}|${region ?? ''}|${types.join(',')}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    // UTC only fixes how start/end Dates are built; the holiday's local date is in `date`.
    const options = { types, timezone: 'UTC' };
    calendar = region ? new Holidays(country, region, options) : new Holidays(country, options);
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * Local dates of `year` closed by a holiday. A holiday closes each calendar day from its
 * nominal date for ceil(duration / 24 h) days: multi-day holidays (Eid, Korean New Year)
 * close every day, and half-day ones (Christmas Eve from 13:00 in Iceland) close the
 * whole day, a poor day to reach anyone anyway.
 */
function holidayDates(country: string, region: string | undefined, types: HolidaysTypes.HolidayType[], year: number): Map<string, string> {
  const key = `${country}|${region ?? ''}|${types.join(',')}|${year}`;
  let dates = closedDays.get(key);
  if (!dates) {
    dates = new Map();
    const calendar = calendarFor(country, region, types);
    // The previous year too: a holiday starting on Dec 31 may spill into January.
    for (const holiday of [...calendar.getHolidays(year - 1), ...calendar.getHolidays(year)]) {
      const days = Math.max(1, Math.ceil((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS - 1e-9));
      for (let i = 0; i < days; i++) {
        const date = addDays(holiday.date.slice(0, 10), i);
        if (date.startsWith(`${year}-`) && !dates.has(date)) dates.set(date, holiday.name);
      }
    }
    closedDays.set(key, dates);
  }
  return dates;
}

/** Whether `localDate` is a holiday (of `rules.holidayTypes`) in the prospect's country/region. */
export function isPublicHoliday(localDate: string, place: HolidayPlace, rules: Pick<HolidayRules, 'holidayTypes'>): boolean {
  return holidayNameOn(localDate, place, rules) !== null;
}

/** The name of the holiday (of `rules.holidayTypes`) that closes `localDate` in the place, else null. */
export function holidayNameOn(localDate: string, place: HolidayPlace, rules: Pick<HolidayRules, 'holidayTypes'>): string | null {
  const { year } = parseLocalDate(localDate);
  if (!place.country || rules.holidayTypes.length === 0) return null;
  // Region is optional; an unknown one is an input error, never silently ignored.
  const { country, region } = place.region
    ? normalizeRegion(place.region, place.country)
    : { country: normalizeCountry(place.country), region: undefined };
  // Regions only known to our zone supplement (e.g. Mexican states) get national holidays.
  const libraryRegion = region && knownStates(country).has(region) ? region : undefined;
  const types = [...new Set(rules.holidayTypes)].sort();
  return holidayDates(country, libraryRegion, types, year).get(localDate) ?? null;
}

/** Public holiday or a workspace-defined closed date. */
export function isClosedDate(localDate: string, place: HolidayPlace, rules: HolidayRules): boolean {
  return rules.extraClosedDates.includes(localDate) || isPublicHoliday(localDate, place, rules);
}
