import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDayOnOrAfter,
  DEFAULT_TIMING_RULES as RULES,
  isBusinessDay,
  isClosedDate,
  isPublicHoliday,
  nextBusinessDay,
  parseTimingRules,
} from '../../../domain/timing/index.js';
import { expectTimingError, KOLKATA, LOS_ANGELES, NEW_YORK, PARIS } from './helpers.js';

describe('public holidays', () => {
  it('knows national holidays', () => {
    expect(isPublicHoliday('2026-12-25', PARIS, RULES)).toBe(true);
    expect(isPublicHoliday('2026-12-24', PARIS, RULES)).toBe(false);
    expect(isPublicHoliday('2026-11-26', NEW_YORK, RULES)).toBe(true); // Thanksgiving
    expect(isPublicHoliday('2027-01-26', KOLKATA, RULES)).toBe(true); // Republic Day
    expect(isPublicHoliday('2026-07-03', NEW_YORK, RULES)).toBe(true); // observed Independence Day
  });

  it('adds regional holidays when the region is known', () => {
    expect(isPublicHoliday('2026-04-03', PARIS, RULES)).toBe(false); // Good Friday: not in France...
    expect(isPublicHoliday('2026-04-03', { country: 'FR', region: '57' }, RULES)).toBe(true); // ...but in Moselle
    expect(isPublicHoliday('2026-11-27', LOS_ANGELES, RULES)).toBe(true); // day after Thanksgiving, CA only
    expect(isPublicHoliday('2026-11-27', NEW_YORK, RULES)).toBe(false);
  });

  it('honours the configured holiday types and workspace closed dates', () => {
    expect(isPublicHoliday('2026-12-25', PARIS, { holidayTypes: [] })).toBe(false);
    const rules = parseTimingRules({ extraClosedDates: ['2026-08-14'] });
    expect(isPublicHoliday('2026-08-14', PARIS, rules)).toBe(false);
    expect(isClosedDate('2026-08-14', PARIS, rules)).toBe(true);
    expect(isBusinessDay('2026-08-14', PARIS, rules)).toBe(false);
  });

  it('has none without a country, and rejects unknown ones', () => {
    expect(isPublicHoliday('2026-12-25', { country: null }, RULES)).toBe(false);
    expectTimingError(() => isPublicHoliday('2026-12-25', { country: 'ZZ' }, RULES), 'country');
    expectTimingError(() => isPublicHoliday('2026-12-25', { country: 'US', region: 'ZZ' }, RULES), 'region');
  });
});

describe('business days', () => {
  it('skips weekends', () => {
    expect(isBusinessDay('2026-03-28', PARIS, RULES)).toBe(false); // Saturday
    expect(nextBusinessDay('2026-03-27', PARIS, RULES)).toBe('2026-03-30'); // Fri -> Mon
    expect(businessDayOnOrAfter('2026-03-28', PARIS, RULES)).toBe('2026-03-30');
    expect(businessDayOnOrAfter('2026-03-30', PARIS, RULES)).toBe('2026-03-30');
  });

  it('skips public holidays', () => {
    expect(nextBusinessDay('2026-12-24', PARIS, RULES)).toBe('2026-12-28'); // Christmas Friday -> Monday
    expect(nextBusinessDay('2026-11-25', NEW_YORK, RULES)).toBe('2026-11-27');
    expect(nextBusinessDay('2026-11-25', LOS_ANGELES, RULES)).toBe('2026-11-30');
    expect(nextBusinessDay('2027-01-25', KOLKATA, RULES)).toBe('2027-01-27');
  });

  it('supports other weekends', () => {
    const rules = parseTimingRules({ weekendDays: [5, 6] }); // Friday-Saturday
    expect(nextBusinessDay('2026-03-26', { country: null }, rules)).toBe('2026-03-29'); // Thu -> Sun
  });

  it('adds business days', () => {
    expect(addBusinessDays('2026-12-23', 2, PARIS, RULES)).toBe('2026-12-28');
    expect(addBusinessDays('2026-03-28', 1, PARIS, RULES)).toBe('2026-03-30'); // Saturday + 1
    expect(addBusinessDays('2026-03-28', 0, PARIS, RULES)).toBe('2026-03-30');
    expectTimingError(() => addBusinessDays('2026-03-28', -1, PARIS, RULES), 'count');
  });

  it('terminates with a TimingError when nothing is ever open', () => {
    const sundays = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2026, 2, 29 + 7 * i)).toISOString().slice(0, 10));
    const rules = parseTimingRules({ weekendDays: [1, 2, 3, 4, 5, 6], extraClosedDates: sundays });
    expectTimingError(() => nextBusinessDay('2026-03-27', { country: null }, rules), 'rules');
  });
});
