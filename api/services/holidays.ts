// The holidays a country (and region) closes in a year, from the same date-holidays data and
// country/region rules the scheduler uses, so what ops see is what the cadence skips.
import Holidays, { type HolidaysTypes } from 'date-holidays';
import { knownStates, normalizeCountry, normalizeRegion } from '../../domain/timing/place.js';
import { timing } from './timing-field.js';

export type HolidayEntry = { date: string; name: string; type: string; substitute: boolean };

/** Timing errors name `country` or `region`; on this route they are query parameters. */
function placeOf(country: string, region: string | undefined): { country: string; region: string | undefined } {
  return timing('query', () => {
    if (!region) return { country: normalizeCountry(country), region: undefined };
    const r = normalizeRegion(region, country);
    // Regions only our zone supplement knows (e.g. Mexican states) have the national holidays.
    return { country: r.country, region: knownStates(r.country).has(r.region) ? r.region : undefined };
  }, 400);
}

export function holidaysOf(q: { country: string; region?: string | undefined; year: number; types: HolidaysTypes.HolidayType[] }) {
  const place = placeOf(q.country, q.region);
  const options = { types: q.types, timezone: 'UTC' };
  const calendar = place.region ? new Holidays(place.country, place.region, options) : new Holidays(place.country, options);
  const holidays: HolidayEntry[] = calendar
    .getHolidays(q.year, 'en')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name, type: h.type, substitute: Boolean(h.substitute) }));
  return { country: place.country, region: place.region ?? null, year: q.year, holidays };
}
