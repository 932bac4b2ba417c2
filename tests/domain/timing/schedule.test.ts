import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMING_RULES as RULES,
  nextBusinessDayAt,
  nextBypassWindow,
  nextDirectWindow,
  nextWindowStart,
  parseInstant,
  parseTimingRules,
  sameOrNextBusinessDayAt,
  scheduleTouch,
} from '../../../domain/timing/index.js';
import { expectTimingError, KOLKATA, local, LOS_ANGELES, NEW_YORK, PARIS } from './helpers.js';

const CALL = '09:15';
/** When and where a 09:15 call is asked for (the rules are the defaults). */
type Place = Pick<Parameters<typeof nextBusinessDayAt>[0], 'after' | 'place'>;

describe('nextBusinessDayAt', () => {
  const next = (after: Place['after'], place: Place['place'] = PARIS) => nextBusinessDayAt({ after, time: CALL, place, rules: RULES });

  it('keeps a 09:15 call at 09:15 Paris time across the 2027-03-28 spring-forward', () => {
    const before = next('2027-03-25T16:00:00Z');
    expect(before).toBe('2027-03-26T08:15:00.000Z');
    // Friday -> weekend (DST switch on Sunday) -> Easter Monday 2027-03-29 -> Tuesday.
    const after = next('2027-03-26T16:00:00Z');
    expect(after).toBe('2027-03-30T07:15:00.000Z');
    expect(local(before, PARIS.timeZone)).toBe('2027-03-26T09:15 Fri');
    expect(local(after, PARIS.timeZone)).toBe('2027-03-30T09:15 Tue');
  });

  it('keeps 09:15 across the Paris 2026-10-25 fall-back', () => {
    expect(next('2026-10-22T12:00:00Z')).toBe('2026-10-23T07:15:00.000Z');
    expect(next('2026-10-23T12:00:00Z')).toBe('2026-10-26T08:15:00.000Z');
  });

  it('keeps 09:15 across the New York 2027-03-14 change', () => {
    expect(next('2027-03-11T20:00:00Z', NEW_YORK)).toBe('2027-03-12T14:15:00.000Z');
    expect(next('2027-03-12T20:00:00Z', NEW_YORK)).toBe('2027-03-15T13:15:00.000Z');
  });

  it('moves a time inside the DST gap forward on the same day, never to the next one', () => {
    const everyDay = parseTimingRules({ weekendDays: [] });
    const at = nextBusinessDayAt({ after: '2027-03-27T12:00:00Z', time: '02:30', place: { timeZone: 'Europe/Paris' }, rules: everyDay });
    expect(local(at, 'Europe/Paris')).toBe('2027-03-28T03:30 Sun');
  });

  it('uses the local date of `after`, not the UTC one', () => {
    // 2027-03-12 23:30 in New York is already the 13th in UTC; next business day is still Monday.
    expect(local(next('2027-03-13T04:30:00Z', NEW_YORK), NEW_YORK.timeZone))
      .toBe('2027-03-15T09:15 Mon');
    // 00:30 Saturday in Paris is still Friday in UTC.
    expect(local(next('2026-03-27T23:30:00Z'), PARIS.timeZone))
      .toBe('2026-03-30T09:15 Mon');
  });

  it('skips public holidays', () => {
    expect(next('2026-12-24T10:00:00Z')).toBe('2026-12-28T08:15:00.000Z');
    expect(local(next('2026-11-25T15:00:00Z', NEW_YORK), NEW_YORK.timeZone))
      .toBe('2026-11-27T09:15 Fri');
    expect(local(next('2026-11-25T15:00:00Z', LOS_ANGELES), LOS_ANGELES.timeZone))
      .toBe('2026-11-30T09:15 Mon');
    expect(next('2027-01-25T05:00:00Z', KOLKATA)).toBe('2027-01-27T03:45:00.000Z');
  });

  it('accepts luxon DateTimes and rejects bad input', () => {
    const after = parseInstant('2026-12-24T10:00:00Z', 'after');
    expect(next(after)).toBe('2026-12-28T08:15:00.000Z');
    expectTimingError(() => next('2026-12-24 10:00'), 'after');
    expectTimingError(() => nextBusinessDayAt({ after, time: '9:15', place: PARIS, rules: RULES }), 'time');
    expectTimingError(() => nextBusinessDayAt({ after, time: CALL, place: { timeZone: 'Paris' }, rules: RULES }), 'timeZone');
  });
});

describe('sameOrNextBusinessDayAt', () => {
  const sameOrNext = (after: Place['after'], place: Place['place'] = PARIS) => sameOrNextBusinessDayAt({ after, time: CALL, place, rules: RULES });

  it('returns today when the time is still ahead on a business day', () => {
    // Monday 2026-03-30 08:00 Paris (CEST).
    expect(sameOrNext('2026-03-30T06:00:00Z')).toBe('2026-03-30T07:15:00.000Z');
    expect(sameOrNext('2026-03-30T07:15:00Z')).toBe('2026-03-30T07:15:00.000Z');
  });

  it('moves to the next business day when the time has passed or today is closed', () => {
    expect(sameOrNext('2026-03-30T07:15:00.001Z')).toBe('2026-03-31T07:15:00.000Z');
    expect(sameOrNext('2026-03-28T06:00:00Z')).toBe('2026-03-30T07:15:00.000Z');
    expect(sameOrNext('2026-12-25T06:00:00Z')).toBe('2026-12-28T08:15:00.000Z');
  });
});

describe('windows', () => {
  const windows = [{ start: '08:00', end: '09:30' }, { start: '14:00', end: '14:30' }];

  it('returns `after` itself when inside a window', () => {
    expect(nextWindowStart({ after: '2026-03-30T08:40:00.123+02:00', windows, place: PARIS, rules: RULES })).toBe('2026-03-30T06:40:00.123Z');
  });

  it('otherwise returns the next window start on a business day', () => {
    const at = (after: string) => local(nextWindowStart({ after, windows, place: PARIS, rules: RULES }), PARIS.timeZone);
    expect(at('2026-03-30T07:00:00+02:00')).toBe('2026-03-30T08:00 Mon');
    expect(at('2026-03-30T09:30:00+02:00')).toBe('2026-03-30T14:00 Mon'); // end is exclusive
    expect(at('2026-03-30T15:00:00+02:00')).toBe('2026-03-31T08:00 Tue');
    expect(at('2026-03-27T15:00:00+01:00')).toBe('2026-03-30T08:00 Mon'); // Friday afternoon
    expect(at('2026-12-24T15:00:00+01:00')).toBe('2026-12-28T08:00 Mon'); // Christmas
  });

  it('finds by-pass windows, including Wednesday afternoon', () => {
    const at = (after: string) => local(nextBypassWindow({ after, place: PARIS, rules: RULES }), PARIS.timeZone);
    expect(at('2026-04-01T10:00:00+02:00')).toBe('2026-04-01T12:30 Wed'); // lunch
    expect(at('2026-04-01T13:45:00+02:00')).toBe('2026-04-01T14:00 Wed'); // Wednesday afternoon
    expect(at('2026-03-31T13:45:00+02:00')).toBe('2026-03-31T18:30 Tue'); // not on Tuesday
    expect(at('2026-04-02T19:45:00+02:00')).toBe('2026-04-03T08:00 Fri');
    expect(nextBypassWindow({ after: '2026-04-01T15:00:00+02:00', place: PARIS, rules: RULES })).toBe('2026-04-01T13:00:00.000Z');
  });

  it('finds direct approach windows', () => {
    expect(local(nextDirectWindow({ after: '2026-04-01T10:00:00+02:00', place: PARIS, rules: RULES }), PARIS.timeZone)).toBe('2026-04-01T14:00 Wed');
  });

  it('rejects an empty window list', () => {
    expectTimingError(() => nextWindowStart({ after: '2026-03-30T07:00:00Z', windows: [], place: PARIS, rules: RULES }), 'windows');
  });
});

describe('scheduleTouch', () => {
  const touch = (earliest: string, channel: 'email' | 'linkedin' | 'call' | 'task', previousTouches: string[] = [], rules = RULES) =>
    local(scheduleTouch({ earliest, channel, place: PARIS, rules, previousTouches }), PARIS.timeZone);

  it('keeps emails and LinkedIn inside the send window on business days', () => {
    expect(touch('2026-03-30T06:00:00+02:00', 'email')).toBe('2026-03-30T07:30 Mon');
    expect(touch('2026-03-30T19:30:00+02:00', 'linkedin')).toBe('2026-03-31T07:30 Tue');
    expect(touch('2026-03-28T10:00:00+01:00', 'email')).toBe('2026-03-30T07:30 Mon'); // Saturday
    expect(touch('2026-03-30T11:11:00+02:00', 'email')).toBe('2026-03-30T11:11 Mon'); // already fine
  });

  it('keeps calls inside the call window', () => {
    expect(touch('2026-03-30T07:45:00+02:00', 'call')).toBe('2026-03-30T08:00 Mon');
    expect(touch('2026-03-30T19:20:00+02:00', 'call')).toBe('2026-03-30T19:20 Mon');
    expect(touch('2026-03-30T19:30:00+02:00', 'call')).toBe('2026-03-31T08:00 Tue');
  });

  it('moves tasks to a business day, keeping their time of day', () => {
    expect(touch('2026-03-28T15:42:00+01:00', 'task')).toBe('2026-03-30T15:42 Mon');
    expect(touch('2026-03-30T22:10:00+02:00', 'task')).toBe('2026-03-30T22:10 Mon');
  });

  it('leaves the minimum gap after previous touches', () => {
    const previous = ['2026-03-30T09:00:00+02:00'];
    expect(touch('2026-03-30T09:10:00+02:00', 'call', previous)).toBe('2026-03-30T09:30 Mon');
    expect(touch('2026-03-30T09:45:00+02:00', 'call', previous)).toBe('2026-03-30T09:45 Mon');
    // The gap ends after the send window: next morning.
    expect(touch('2026-03-30T18:50:00+02:00', 'email', ['2026-03-30T18:45:00+02:00'])).toBe('2026-03-31T07:30 Tue');
    expect(touch('2026-03-30T18:50:00+02:00', 'call', ['2026-03-30T18:45:00+02:00'])).toBe('2026-03-30T19:15 Mon');
  });

  it('enforces the rolling weekly cap', () => {
    const rules = parseTimingRules({ maxTouchesPerWeek: 3 });
    const week = ['2026-06-01T09:00:00+02:00', '2026-06-02T09:00:00+02:00', '2026-06-03T09:00:00+02:00'];
    // Released when Monday's touch leaves the 7-day window.
    expect(touch('2026-06-04T09:00:00+02:00', 'call', week, rules)).toBe('2026-06-08T09:00 Mon');
    expect(touch('2026-06-04T09:00:00+02:00', 'call', week.slice(1), rules)).toBe('2026-06-04T09:00 Thu');
    // Released on Easter Monday 2026-04-06 (holiday): Tuesday at window start.
    const easter = ['2026-03-30T09:00:00+02:00', '2026-03-31T09:00:00+02:00', '2026-04-01T09:00:00+02:00'];
    expect(touch('2026-04-02T09:00:00+02:00', 'email', easter, rules)).toBe('2026-04-07T07:30 Tue');
  });

  it('is deterministic and validates its input', () => {
    const args = { earliest: '2026-03-28T10:00:00Z', channel: 'call' as const, place: PARIS, rules: RULES, previousTouches: ['2026-03-27T08:00:00Z'] };
    expect(scheduleTouch(args)).toBe(scheduleTouch({ ...args }));
    expectTimingError(() => scheduleTouch({ ...args, earliest: '2026-03-28T10:00:00' }), 'earliest');
    expectTimingError(() => scheduleTouch({ ...args, previousTouches: ['2026-03-27T08:00:00Z', 'yesterday'] }), 'previousTouches.1');
    expectTimingError(() => scheduleTouch({ ...args, channel: 'fax' as never }), 'channel');
  });
});
