import { DateTime } from 'luxon';
import { TimingError } from './errors.js';

/** Instants cross the module boundary as ISO strings (Temporal-history friendly) or luxon DateTimes. */
export type InstantInput = string | DateTime;

// An ISO string without an offset would be read in the HOST's zone, which differs between
// the API and the worker: require an explicit "Z" or "+hh:mm" so results are deterministic.
const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

export function parseInstant(input: InstantInput, field: string): DateTime {
  if (typeof input === 'string') {
    const parsed = HAS_OFFSET.test(input) ? DateTime.fromISO(input, { setZone: true }) : undefined;
    if (!parsed?.isValid) {
      throw new TimingError(field, `${field} must be an ISO 8601 instant with an offset, got "${input}"`);
    }
    return parsed;
  }
  if (!DateTime.isDateTime(input) || !input.isValid) {
    throw new TimingError(field, `${field} is not a valid DateTime`);
  }
  return input;
}

/** UTC ISO string with milliseconds, e.g. "2026-03-30T06:00:00.000Z". */
export function toInstantString(instant: DateTime): string {
  const iso = instant.toUTC().toISO();
  if (iso === null) throw new TimingError('instant', 'cannot serialize an invalid DateTime');
  return iso;
}
