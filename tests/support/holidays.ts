// Holiday look-ups straight from the date-holidays data, independent of the engine's own timing
// code, for the zones and holidays tests.
import Holidays from 'date-holidays';

const calendars = new Map<string, Holidays>();

/** Holidays of a local date ("YYYY-MM-DD") in a country/region, straight from date-holidays. */
export function holidaysOn(country: string, region: string | undefined, localDate: string): Array<{ name: string; type: string }> {
  const key = `${country}|${region ?? ''}`;
  let cal = calendars.get(key);
  if (!cal) {
    cal = region ? new Holidays(country, region) : new Holidays(country);
    calendars.set(key, cal);
  }
  const year = Number(localDate.slice(0, 4));
  return cal
    .getHolidays(year)
    .filter((x) => x.date.slice(0, 10) === localDate)
    .map((x) => ({ name: x.name, type: x.type }));
}

/** Mon-Fri and no `public` holiday in the data: the engine's default business day. */
export function isWorkingDay(country: string, region: string | undefined, localDate: string, weekday: number): boolean {
  return weekday <= 5 && !holidaysOn(country, region, localDate).some((x) => x.type === 'public');
}
