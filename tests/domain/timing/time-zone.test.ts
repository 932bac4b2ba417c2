import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING_RULES, nextBusinessDayAt, resolvePlace, resolveTimeZone } from '../../../domain/timing/index.js';
import { expectTimingError } from './helpers.js';

describe('resolveTimeZone', () => {
  it('returns a valid explicit IANA zone, which wins over the country', () => {
    expect(resolveTimeZone({ timeZone: 'Asia/Kolkata' })).toBe('Asia/Kolkata');
    expect(resolveTimeZone({ timeZone: 'America/Chicago', country: 'US', region: 'NY' })).toBe('America/Chicago');
  });

  it('derives single-zone countries from date-holidays data', () => {
    expect(resolveTimeZone({ country: 'FR' })).toBe('Europe/Paris');
    expect(resolveTimeZone({ country: 'in' })).toBe('Asia/Kolkata');
    expect(resolveTimeZone({ country: 'GB', region: 'ENG' })).toBe('Europe/London');
  });

  it('derives multi-zone countries from the region (ISO 3166-2, with or without prefix)', () => {
    expect(resolveTimeZone({ country: 'US', region: 'CA' })).toBe('America/Los_Angeles');
    expect(resolveTimeZone({ country: 'US', region: 'NY' })).toBe('America/New_York');
    expect(resolveTimeZone({ region: 'US-CA' })).toBe('America/Los_Angeles');
    expect(resolveTimeZone({ country: 'AU', region: 'NSW' })).toBe('Australia/Sydney');
    expect(resolveTimeZone({ country: 'BR', region: 'SP' })).toBe('America/Sao_Paulo');
    expect(resolveTimeZone({ country: 'US', region: 'TX' })).toBe('America/Chicago');
  });

  it('uses the supplement where date-holidays has no or misleading region data', () => {
    expect(resolveTimeZone({ country: 'MX', region: 'JAL' })).toBe('America/Mexico_City');
    expect(resolveTimeZone({ country: 'MX', region: 'BCN' })).toBe('America/Tijuana');
    expect(resolveTimeZone({ country: 'CA', region: 'QC' })).toBe('America/Toronto');
    expect(resolveTimeZone({ country: 'US', region: 'FL' })).toBe('America/New_York');
  });

  it('normalizes the place for holiday look-ups', () => {
    expect(resolvePlace({ region: 'us-ny' })).toEqual({ timeZone: 'America/New_York', country: 'US', region: 'NY' });
    expect(resolvePlace({ country: 'fr' })).toEqual({ timeZone: 'Europe/Paris', country: 'FR', region: null });
  });

  it('rejects unknown or unusable input, naming the field', () => {
    expect(expectTimingError(() => resolveTimeZone({ timeZone: 'Mars/Olympus' }), 'timeZone').message).toMatch(/Mars\/Olympus/);
    expectTimingError(() => resolveTimeZone({ timeZone: '+02:00' }), 'timeZone');
    expectTimingError(() => resolveTimeZone({ country: 'ZZ' }), 'country');
    expectTimingError(() => resolveTimeZone({ country: 'France' }), 'country');
    expectTimingError(() => resolveTimeZone({ country: 'US' }), 'region'); // several zones, no region
    expectTimingError(() => resolveTimeZone({ country: 'US', region: 'ZZ' }), 'region');
    expectTimingError(() => resolveTimeZone({ country: 'US', region: 'FR-57' }), 'region');
    expectTimingError(() => resolveTimeZone({ country: 'RU', region: 'IRK' }), 'region'); // no data: no guessing
    expectTimingError(() => resolveTimeZone({ region: 'CA' }), 'country');
    expectTimingError(() => resolveTimeZone({}), 'timeZone');
    // A valid zone does not excuse a bad country: holidays would silently be missing.
    expectTimingError(() => resolveTimeZone({ timeZone: 'Europe/Paris', country: 'ZZ' }), 'country');
  });
});

describe('country from the zone alone', () => {
  it('derives the country whose holidays apply from an explicit zone', () => {
    expect(resolvePlace({ timeZone: 'America/New_York' })).toMatchObject({ timeZone: 'America/New_York', country: 'US' });
    expect(resolvePlace({ timeZone: 'Asia/Kolkata' })).toMatchObject({ country: 'IN' });
    expect(resolvePlace({ timeZone: 'Europe/Paris' })).toMatchObject({ country: 'FR' });
    expect(resolvePlace({ timeZone: 'UTC' })).toMatchObject({ timeZone: 'UTC', country: null });
  });

  it('so a prospect given only America/New_York gets no email on Thanksgiving', () => {
    const place = resolvePlace({ timeZone: 'America/New_York' });
    // Wednesday 2026-11-25: the next business day is Friday, not Thanksgiving Thursday.
    const due = nextBusinessDayAt({ after: '2026-11-25T15:00:00Z', time: '08:00', place, rules: DEFAULT_TIMING_RULES });
    expect(due).toBe('2026-11-27T13:00:00.000Z');
  });
});
