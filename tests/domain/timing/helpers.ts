import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { TimingError, type Place } from '../../../domain/timing/index.js';

export const PARIS: Place = { timeZone: 'Europe/Paris', country: 'FR', region: null };
export const NEW_YORK: Place = { timeZone: 'America/New_York', country: 'US', region: 'NY' };
export const LOS_ANGELES: Place = { timeZone: 'America/Los_Angeles', country: 'US', region: 'CA' };
export const KOLKATA: Place = { timeZone: 'Asia/Kolkata', country: 'IN', region: null };

/** Local wall-clock rendering of a UTC ISO result, for readable assertions. */
export function local(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd'T'HH:mm ccc");
}

/** Asserts `fn` throws a TimingError whose `field` is `field`. */
export function expectTimingError(fn: () => unknown, field: string): TimingError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TimingError);
    expect((error as TimingError).field).toBe(field);
    return error as TimingError;
  }
  throw new Error(`expected a TimingError on "${field}", nothing was thrown`);
}
