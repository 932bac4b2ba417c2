// The timing calendar agrees with the scheduler: a day it shows open is a business day, its windows
// are those scheduleTouch fits touches into, a window in a DST gap shifts or drops as it would.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING_RULES as RULES, isBusinessDay, parseTimingRules, timingCalendar } from '../../../domain/timing/index.js';
import { NEW_YORK, PARIS } from './helpers.js';

describe('timing calendar', () => {
  it('open days are exactly the business days, over a year of New York', () => {
    const days = timingCalendar('2026-01-01', 365, NEW_YORK, RULES);
    for (const d of days) {
      expect(d.closedBecause.length === 0, d.date).toBe(isBusinessDay(d.date, NEW_YORK, RULES));
      expect(d.sendWindow === null, d.date).toBe(d.closedBecause.length > 0);
    }
    expect(days.find((d) => d.date === '2026-11-26')).toMatchObject({ holiday: 'Thanksgiving Day', closedBecause: ['holiday'] });
  });

  it('a window in the spring-forward gap moves forward by the gap; one that would end before it starts drops', () => {
    const rules = parseTimingRules({
      bypassWindows: [
        { start: '02:00', end: '02:45', label: 'in the gap' },
        { start: '02:30', end: '03:15', label: 'collapsed' },
        { start: '02:30', end: '04:00', label: 'across it' },
      ],
    });
    // Paris skips 02:00-03:00 on Sunday 2027-03-28; weekends cleared so the day is open.
    const [sunday] = timingCalendar('2027-03-28', 1, PARIS, { ...rules, weekendDays: [] });
    expect(sunday!.bypassWindows).toEqual([
      { start: '03:00', end: '03:45', label: 'in the gap' },
      { start: '03:30', end: '04:00', label: 'across it' },
    ]);
  });
});
