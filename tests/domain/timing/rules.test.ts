import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING_RULES, mergeTimingRules, parseTimingRules } from '../../../domain/timing/index.js';
import { expectTimingError } from './helpers.js';

describe('timing rules', () => {
  it('fills the playbook defaults', () => {
    expect(parseTimingRules({})).toEqual({
      weekendDays: [6, 7],
      holidayTypes: ['public'],
      extraClosedDates: [],
      sendWindow: { start: '07:30', end: '19:00' },
      callWindow: { start: '08:00', end: '19:30' },
      bypassWindows: [
        { start: '08:00', end: '08:30', label: 'before 08:30' },
        { start: '12:30', end: '13:30', label: 'lunch break' },
        { start: '18:30', end: '19:30', label: 'after 18:30' },
        { days: [3], start: '14:00', end: '18:00', label: 'Wednesday afternoon' },
      ],
      directWindows: [
        { start: '08:00', end: '09:30', label: 'early morning' },
        { start: '14:00', end: '14:30', label: 'early afternoon' },
      ],
      announceEmailTime: '08:00',
      announcedCallTime: '09:15',
      minGapMinutes: 30,
      maxTouchesPerWeek: 8,
    });
    expect(Object.isFrozen(DEFAULT_TIMING_RULES.sendWindow)).toBe(true);
  });

  it('rejects malformed HH:mm, naming the field path', () => {
    expectTimingError(() => parseTimingRules({ sendWindow: { start: '7:30', end: '19:00' } }), 'sendWindow.start');
    expectTimingError(() => parseTimingRules({ callWindow: { start: '08:00', end: '24:00' } }), 'callWindow.end');
    expectTimingError(() => parseTimingRules({ announcedCallTime: '9h15' }), 'announcedCallTime');
    expectTimingError(
      () => parseTimingRules({ bypassWindows: [{ start: '12:30', end: '13:60', label: 'lunch' }] }),
      'bypassWindows.0.end',
    );
  });

  it('rejects windows that end before they start', () => {
    const error = expectTimingError(() => parseTimingRules({ sendWindow: { start: '19:00', end: '07:30' } }), 'sendWindow.end');
    expect(error.message).toMatch(/after start/);
  });

  it('rejects unknown keys, naming the key itself', () => {
    expectTimingError(() => parseTimingRules({ sendwindow: { start: '08:00', end: '18:00' } }), 'sendwindow');
    expectTimingError(
      () => parseTimingRules({ bypassWindows: [{ start: '08:00', end: '08:30', label: 'x', colour: 'red' }] }),
      'bypassWindows.0.colour',
    );
  });

  it('rejects other invalid values', () => {
    expectTimingError(() => parseTimingRules({ weekendDays: [1, 2, 3, 4, 5, 6, 7] }), 'weekendDays');
    expectTimingError(() => parseTimingRules({ weekendDays: [0] }), 'weekendDays.0');
    expectTimingError(() => parseTimingRules({ weekendDays: [6, 6] }), 'weekendDays');
    expectTimingError(() => parseTimingRules({ extraClosedDates: ['2026-02-30'] }), 'extraClosedDates.0');
    expectTimingError(() => parseTimingRules({ holidayTypes: ['bridge'] }), 'holidayTypes.0');
    expectTimingError(() => parseTimingRules({ minGapMinutes: -1 }), 'minGapMinutes');
    expectTimingError(() => parseTimingRules({ maxTouchesPerWeek: 0 }), 'maxTouchesPerWeek');
    expectTimingError(() => parseTimingRules({ maxTouchesPerWeek: 2.5 }), 'maxTouchesPerWeek');
  });

  describe('mergeTimingRules', () => {
    it('lets the sequence override win field by field, windows replaced whole', () => {
      const merged = mergeTimingRules(
        { minGapMinutes: 60, sendWindow: { start: '08:00', end: '18:00' }, extraClosedDates: ['2026-08-14'] },
        { minGapMinutes: 15, sendWindow: { start: '09:00', end: '17:00' }, maxTouchesPerWeek: undefined },
      );
      expect(merged.minGapMinutes).toBe(15);
      expect(merged.sendWindow).toEqual({ start: '09:00', end: '17:00' });
      expect(merged.extraClosedDates).toEqual(['2026-08-14']); // kept from the workspace
      expect(merged.maxTouchesPerWeek).toBe(8); // undefined in the override = not overridden
      expect(merged.callWindow).toEqual({ start: '08:00', end: '19:30' }); // default
    });

    it('accepts missing sides', () => {
      expect(mergeTimingRules(undefined)).toEqual(DEFAULT_TIMING_RULES);
      expect(mergeTimingRules(null, { weekendDays: [5, 6] }).weekendDays).toEqual([5, 6]);
    });

    it('says which side and which field is wrong', () => {
      const fromOverride = expectTimingError(
        () => mergeTimingRules({}, { callWindow: { start: '08:00', end: '7:00' } }),
        'callWindow.end',
      );
      expect(fromOverride.message).toMatch(/sequence timing override/);
      const fromWorkspace = expectTimingError(() => mergeTimingRules({ maxTouchesPerWek: 3 } as never), 'maxTouchesPerWek');
      expect(fromWorkspace.message).toMatch(/workspace timing rules/);
    });
  });
});
