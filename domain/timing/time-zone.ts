import { getTimezone } from 'countries-and-timezones';
import Holidays from 'date-holidays';
import { IANAZone } from 'luxon';
import { TimingError } from './errors.js';
import { normalizeCountry, normalizeRegion, type Place } from './place.js';
import { SUPPLEMENT_REGIONS } from './region-zones.js';

export interface PlaceInput {
  timeZone?: string | null;
  country?: string | null;
  region?: string | null;
}

// Intl also accepts offsets like "+02:00"; those have no DST rules, so they are not
// accepted as a prospect's zone. IANA names start with a letter.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

const validZones = new Set<string>();

/**
 * Validates an IANA zone name and returns it unchanged. Deliberately not canonicalized
 * through Intl: ICU maps "Asia/Kolkata" back to the legacy "Asia/Calcutta".
 */
export function assertTimeZone(zone: string, field = 'timeZone'): string {
  if (validZones.has(zone)) return zone;
  if (!IANA_NAME.test(zone) || !IANAZone.isValidZone(zone)) {
    throw new TimingError(field, `unknown IANA time zone "${zone}"`);
  }
  validZones.add(zone);
  return zone;
}

const zoneCache = new Map<string, string[]>();

/** Zones date-holidays lists for a country (or its state), primary zone first. */
function libraryZones(country: string, region?: string): string[] {
  const key = `${country}|${region ?? ''}`;
  let zones = zoneCache.get(key);
  if (!zones) {
    zones = (region ? new Holidays(country, region) : new Holidays(country)).getTimezones();
    zoneCache.set(key, zones);
  }
  return zones;
}

function zoneFor(country: string, region: string | undefined): string {
  const countryZones = libraryZones(country);
  const supplement = region ? SUPPLEMENT_REGIONS[country]?.[region] : undefined;
  if (supplement) return supplement;
  if (countryZones.length === 1 && countryZones[0]) return countryZones[0];
  if (countryZones.length === 0) {
    throw new TimingError('country', `no time-zone data for country ${country}; pass timeZone explicitly`);
  }
  if (!region) {
    throw new TimingError('region', `country ${country} spans several time zones; pass region or timeZone`);
  }
  const regionZones = libraryZones(country, region);
  // Same list as the country means the library has no data for this region: refuse to guess.
  const sameAsCountry =
    regionZones.length === countryZones.length && regionZones.every((zone, i) => zone === countryZones[i]);
  if (sameAsCountry || !regionZones[0]) {
    throw new TimingError('region', `no time-zone data for region ${country}-${region}; pass timeZone explicitly`);
  }
  // A region spanning zones (e.g. US-TX) gets its primary zone, which the library lists first.
  return regionZones[0];
}

/** The country a zone belongs to (tzdb's first listed), when the holiday data knows it. */
function primaryCountryOf(zone: string): string | null {
  const first = getTimezone(zone)?.countries[0];
  if (!first) return null;
  try {
    return normalizeCountry(first);
  } catch {
    return null;
  }
}

/** Normalized place: validated zone, upper-case country, region without country prefix. */
export function resolvePlace(input: PlaceInput): Place {
  const region = input.region?.trim() ? normalizeRegion(input.region, input.country) : undefined;
  const country = region?.country ?? (input.country?.trim() ? normalizeCountry(input.country) : undefined);
  if (input.timeZone?.trim()) {
    const timeZone = assertTimeZone(input.timeZone.trim());
    // A zone alone still tells the country whose public holidays apply (America/New_York: US).
    return { timeZone, country: country ?? primaryCountryOf(timeZone), region: region?.region ?? null };
  }
  if (!country) {
    throw new TimingError('timeZone', 'either timeZone or country is required to locate the prospect');
  }
  return { timeZone: assertTimeZone(zoneFor(country, region?.region)), country, region: region?.region ?? null };
}

/** The prospect's IANA zone: the explicit one if given, else derived from country/region. */
export function resolveTimeZone(input: PlaceInput): string {
  return resolvePlace(input).timeZone;
}
