import Holidays from 'date-holidays';
import { TimingError } from './errors.js';
import { SUPPLEMENT_REGIONS } from './region-zones.js';

/** Where a prospect is. `timeZone` is already resolved (see resolvePlace). */
export interface Place {
  timeZone: string;
  /** ISO 3166-1 alpha-2, upper case. Drives public holidays; none when absent. */
  country?: string | null;
  /** ISO 3166-2 subdivision without the country prefix ("CA" for "US-CA"). */
  region?: string | null;
}

// One catalogue instance for country/state look-ups; the library rebuilds these
// objects on every call, so memoize them (pure, data is static).
const catalog = new Holidays();
let countries: Set<string> | undefined;
const statesByCountry = new Map<string, Set<string>>();

function knownCountries(): Set<string> {
  countries ??= new Set(Object.keys(catalog.getCountries()).map((c) => c.toUpperCase()));
  return countries;
}

/** Subdivision codes date-holidays knows for a country (may be empty, e.g. MX). */
export function knownStates(country: string): Set<string> {
  let states = statesByCountry.get(country);
  if (!states) {
    states = new Set(Object.keys(catalog.getStates(country) ?? {}).map((s) => s.toUpperCase()));
    statesByCountry.set(country, states);
  }
  return states;
}

/** What normalizeCountry and normalizeRegion accept the look of (then the code must exist); the API documents them. */
export const COUNTRY_INPUT_PATTERN = '^\\s*[A-Za-z]{2}\\s*$';
export const REGION_INPUT_PATTERN = '^\\s*(?:[A-Za-z]{2}-)?[A-Za-z0-9]{1,3}\\s*$';
const COUNTRY_CODE = /^[A-Z]{2}$/;
const REGION_CODE = /^(?:([A-Z]{2})-)?([A-Z0-9]{1,3})$/;

export function normalizeCountry(country: string): string {
  const code = country.trim().toUpperCase();
  if (!COUNTRY_CODE.test(code)) {
    throw new TimingError('country', `country must be an ISO 3166-1 alpha-2 code, got "${country}"`);
  }
  if (!knownCountries().has(code)) {
    throw new TimingError('country', `unknown or unsupported country "${country}"`);
  }
  return code;
}

/**
 * Normalizes "US-CA" / "ca" to "CA" and checks it exists for the country.
 * Returns the country too, since "US-CA" alone is enough to know it.
 */
export function normalizeRegion(
  region: string,
  country: string | null | undefined,
): { country: string; region: string } {
  const raw = region.trim().toUpperCase();
  const match = REGION_CODE.exec(raw);
  if (!match) {
    throw new TimingError('region', `region must be an ISO 3166-2 subdivision code like "US-CA" or "CA", got "${region}"`);
  }
  const [, prefix, code = ''] = match;
  const givenCountry = country ? normalizeCountry(country) : undefined;
  if (prefix && givenCountry && prefix !== givenCountry) {
    throw new TimingError('region', `region "${region}" does not belong to country ${givenCountry}`);
  }
  const resolvedCountry = givenCountry ?? (prefix ? normalizeCountry(prefix) : undefined);
  if (!resolvedCountry) {
    throw new TimingError('country', `country is required to interpret region "${region}"`);
  }
  const known = knownStates(resolvedCountry).has(code) || SUPPLEMENT_REGIONS[resolvedCountry]?.[code] !== undefined;
  if (!known) {
    throw new TimingError('region', `unknown region "${region}" for country ${resolvedCountry}`);
  }
  return { country: resolvedCountry, region: code };
}
