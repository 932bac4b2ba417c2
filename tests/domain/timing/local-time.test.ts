import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, atLocalTime, isoWeekday, localDateOf, localTimeOf, parseInstant, toInstantString } from '../../../domain/timing/index.js';
import { expectTimingError } from './helpers.js';

const iso = (dt: DateTime) => toInstantString(dt);

describe('atLocalTime', () => {
  it('keeps 09:15 local on both sides of the Paris spring-forward (2027-03-28)', () => {
    expect(iso(atLocalTime('2027-03-26', '09:15', 'Europe/Paris'))).toBe('2027-03-26T08:15:00.000Z'); // CET
    expect(iso(atLocalTime('2027-03-29', '09:15', 'Europe/Paris'))).toBe('2027-03-29T07:15:00.000Z'); // CEST
  });

  it('moves a time inside the spring-forward gap forward by the gap length, same day', () => {
    const t = atLocalTime('2027-03-28', '02:30', 'Europe/Paris');
    expect(t.toFormat('yyyy-MM-dd HH:mm ZZ')).toBe('2027-03-28 03:30 +02:00');
    expect(iso(t)).toBe('2027-03-28T01:30:00.000Z');
    expect(atLocalTime('2027-03-28', '02:00', 'Europe/Paris').toFormat('yyyy-MM-dd HH:mm')).toBe('2027-03-28 03:00');
    expect(atLocalTime('2027-03-28', '03:00', 'Europe/Paris').toFormat('HH:mm ZZ')).toBe('03:00 +02:00');
  });

  it('takes the earlier occurrence of an ambiguous fall-back time (Paris 2026-10-25)', () => {
    const t = atLocalTime('2026-10-25', '02:30', 'Europe/Paris');
    expect(t.toFormat('HH:mm ZZ')).toBe('02:30 +02:00');
    expect(iso(t)).toBe('2026-10-25T00:30:00.000Z');
    // Either side of the overlap is unambiguous.
    expect(iso(atLocalTime('2026-10-25', '03:00', 'Europe/Paris'))).toBe('2026-10-25T02:00:00.000Z');
    expect(iso(atLocalTime('2026-10-23', '09:15', 'Europe/Paris'))).toBe('2026-10-23T07:15:00.000Z'); // CEST
    expect(iso(atLocalTime('2026-10-26', '09:15', 'Europe/Paris'))).toBe('2026-10-26T08:15:00.000Z'); // CET
  });

  it('handles America/New_York across 2027-03-14 and the 2026-11-01 overlap', () => {
    expect(iso(atLocalTime('2027-03-12', '09:15', 'America/New_York'))).toBe('2027-03-12T14:15:00.000Z');
    expect(iso(atLocalTime('2027-03-15', '09:15', 'America/New_York'))).toBe('2027-03-15T13:15:00.000Z');
    expect(atLocalTime('2027-03-14', '02:30', 'America/New_York').toFormat('yyyy-MM-dd HH:mm ZZ')).toBe('2027-03-14 03:30 -04:00');
    expect(iso(atLocalTime('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z'); // EDT, earlier
  });

  it('has no DST in Asia/Kolkata', () => {
    for (const date of ['2027-01-15', '2027-03-28', '2027-07-01', '2027-10-31']) {
      expect(atLocalTime(date, '09:15', 'Asia/Kolkata').toUTC().toFormat('HH:mm')).toBe('03:45');
    }
  });

  it('validates its inputs', () => {
    expectTimingError(() => atLocalTime('2026-02-30', '09:15', 'Europe/Paris'), 'localDate');
    expectTimingError(() => atLocalTime('2026-2-3', '09:15', 'Europe/Paris'), 'localDate');
    expectTimingError(() => atLocalTime('2026-02-03', '9:15', 'Europe/Paris'), 'time');
    expectTimingError(() => atLocalTime('2026-02-03', '09:15', 'Europe/Nowhere'), 'timeZone');
  });
});

describe('local date helpers', () => {
  it('gives the local date and time of an instant', () => {
    const instant = parseInstant('2026-12-31T23:30:00Z', 'after');
    expect(localDateOf(instant, 'Europe/Paris')).toBe('2027-01-01');
    expect(localDateOf(instant, 'America/New_York')).toBe('2026-12-31');
    expect(localTimeOf(instant, 'Asia/Kolkata')).toBe('05:00');
  });

  it('does calendar arithmetic and ISO weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(isoWeekday('2026-12-25')).toBe(5);
    expect(isoWeekday('2026-12-27')).toBe(7);
  });

  it('requires instants with an explicit offset', () => {
    expect(toInstantString(parseInstant('2026-03-30T08:00:00+02:00', 'after'))).toBe('2026-03-30T06:00:00.000Z');
    expectTimingError(() => parseInstant('2026-03-30T08:00:00', 'after'), 'after');
    expectTimingError(() => parseInstant('not a date', 'earliest'), 'earliest');
  });
});
