import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  atLocalTime,
  isBusinessDay,
  isClosedDate,
  nextBusinessDayAt,
  parseTimingRules,
  scheduleTouch,
  type Place,
  type TouchChannel,
} from '../../../domain/timing/index.js';

// TIMING_PROPERTY_RUNS lets a soak run crank this up without editing the file.
const RUNS = { numRuns: Number(process.env.TIMING_PROPERTY_RUNS ?? 200) };
const PLACES: Place[] = [
  { timeZone: 'Europe/Paris', country: 'FR' },
  { timeZone: 'America/New_York', country: 'US', region: 'NY' },
  { timeZone: 'Asia/Kolkata', country: 'IN' },
  { timeZone: 'Australia/Sydney', country: 'AU', region: 'NSW' },
  { timeZone: 'America/Sao_Paulo', country: 'BR', region: 'SP' },
  { timeZone: 'Europe/London', country: 'GB', region: 'ENG' },
];
// DST switch days of those zones, so gaps and overlaps get hit often, not by luck.
const DST_DAYS = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01', '2027-03-14', '2027-03-28', '2027-10-31', '2027-11-07'];

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2029, 0, 1) - 1;
const instantArb = fc.integer({ min: FROM, max: TO }).map((ms) => DateTime.fromMillis(ms, { zone: 'utc' }).toISO() ?? '');
const placeArb = fc.constantFrom(...PLACES);
const localDateArb = fc.oneof(
  fc.integer({ min: 0, max: 365 * 3 - 1 }).map((d) => DateTime.fromMillis(FROM, { zone: 'utc' }).plus({ days: d }).toFormat('yyyy-MM-dd')),
  fc.constantFrom(...DST_DAYS),
);
const timeArb = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const rulesArb = fc.record({ minGapMinutes: fc.integer({ min: 0, max: 240 }), maxTouchesPerWeek: fc.integer({ min: 1, max: 10 }) })
  .map((r) => parseTimingRules(r));
const channelArb = fc.constantFrom<TouchChannel>('email', 'linkedin', 'call', 'task');

/** Earliest plus previous touches in the 10 days before it (previous touches are in the past). */
const touchCaseArb = fc.record({
  earliest: instantArb,
  place: placeArb,
  rules: rulesArb,
  channel: channelArb,
  back: fc.array(fc.integer({ min: 0, max: 10 * 24 * 60 }), { maxLength: 12 }),
}).map(({ back, ...rest }) => ({
  ...rest,
  previousTouches: back.map((minutes) => DateTime.fromISO(rest.earliest).minus({ minutes }).toUTC().toISO() ?? ''),
}));

describe('properties', () => {
  it('scheduleTouch respects every constraint', () => {
    fc.assert(
      fc.property(touchCaseArb, ({ earliest, place, rules, channel, previousTouches }) => {
        const result = scheduleTouch({ earliest, channel, place, rules, previousTouches });
        const at = DateTime.fromISO(result, { zone: place.timeZone });
        const start = DateTime.fromISO(earliest);
        expect(at.toMillis()).toBeGreaterThanOrEqual(start.toMillis());
        // Business day, checked without going through isBusinessDay.
        const date = at.toFormat('yyyy-MM-dd');
        expect(rules.weekendDays).not.toContain(at.weekday);
        expect(isClosedDate(date, place, rules)).toBe(false);
        // Channel window on the prospect's wall clock ([start, end)).
        const clock = at.toFormat('HH:mm:ss.SSS');
        const window = channel === 'call' ? rules.callWindow : channel === 'task' ? undefined : rules.sendWindow;
        if (window) {
          expect(clock >= window.start).toBe(true);
          expect(clock < window.end).toBe(true);
        } else if (previousTouches.length === 0) {
          // A task only moves to a business day, keeping its time (gap/cap moves change the time).
          expect(clock).toBe(start.setZone(place.timeZone).toFormat('HH:mm:ss.SSS'));
        }
        for (const p of previousTouches) {
          expect(at.diff(DateTime.fromISO(p), 'minutes').minutes).toBeGreaterThanOrEqual(rules.minGapMinutes);
        }
        const weekStart = at.minus({ days: 7 });
        const inWeek = previousTouches.map((p) => DateTime.fromISO(p)).filter((p) => p > weekStart && p <= at);
        expect(inWeek.length).toBeLessThan(rules.maxTouchesPerWeek);
        // Fix point: a valid slot is kept as is.
        expect(scheduleTouch({ earliest: result, channel, place, rules, previousTouches })).toBe(result);
      }),
      RUNS,
    );
  });

  it('atLocalTime keeps the day, formats back when the time exists, and otherwise moves forward', () => {
    fc.assert(
      fc.property(localDateArb, timeArb, placeArb, (date, time, place) => {
        const at = atLocalTime(date, time, place.timeZone);
        expect(at.toFormat('yyyy-MM-dd')).toBe(date); // never skipped to another day
        expect(atLocalTime(date, '09:15', place.timeZone).toFormat('yyyy-MM-dd HH:mm')).toBe(`${date} 09:15`);
        if (at.toFormat('HH:mm') !== time) {
          // Only a spring-forward gap may move it, forward by the gap length.
          const gap = at.offset - at.minus({ hours: 3 }).offset;
          expect(gap).toBeGreaterThan(0);
          expect(at.toFormat('HH:mm')).toBe(DateTime.fromFormat(time, 'HH:mm', { zone: 'utc' }).plus({ minutes: gap }).toFormat('HH:mm'));
        }
        // Ambiguous times take the earlier occurrence: one hour earlier never shows the same wall time.
        expect(at.minus({ hours: 1 }).toFormat('yyyy-MM-dd HH:mm')).not.toBe(at.toFormat('yyyy-MM-dd HH:mm'));
      }),
      RUNS,
    );
  });

  it('nextBusinessDayAt lands at that local time on the first business day strictly after', () => {
    const rules = parseTimingRules({});
    fc.assert(
      fc.property(instantArb, placeArb, (after, place) => {
        const result = nextBusinessDayAt({ after, time: '09:15', place, rules });
        const at = DateTime.fromISO(result, { zone: place.timeZone });
        const from = DateTime.fromISO(after, { zone: place.timeZone }).toFormat('yyyy-MM-dd');
        const to = at.toFormat('yyyy-MM-dd');
        expect(to > from).toBe(true);
        expect(at.toFormat('HH:mm')).toBe('09:15');
        expect(isBusinessDay(to, place, rules)).toBe(true);
        for (let d = DateTime.fromISO(from, { zone: 'utc' }).plus({ days: 1 }); d.toFormat('yyyy-MM-dd') < to; d = d.plus({ days: 1 })) {
          expect(isBusinessDay(d.toFormat('yyyy-MM-dd'), place, rules)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(touchCaseArb, (args) => {
        expect(scheduleTouch(args)).toBe(scheduleTouch(structuredClone(args)));
        expect(nextBusinessDayAt({ after: args.earliest, time: '08:00', place: args.place, rules: args.rules }))
          .toBe(nextBusinessDayAt({ after: args.earliest, time: '08:00', place: { ...args.place }, rules: args.rules }));
      }),
      RUNS,
    );
  });
});
