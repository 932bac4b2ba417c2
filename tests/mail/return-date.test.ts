// Return dates of out-of-office replies, English and French, relative to when the reply came
// and to the prospect's time zone: the start of the return day there, never a past day, never
// further than the horizon.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { findReturnDate, RETURN_HORIZON_DAYS } from '../../domain/mail/return-date.js';

const NOW = '2026-02-20T09:00:00.000Z'; // Friday 20 February 2026
const PARIS = 'Europe/Paris';
const at = (text: string, o: { now?: string; timeZone?: string; subject?: string } = {}) =>
  findReturnDate({ subject: o.subject ?? '', text }, { now: o.now ?? NOW, timeZone: o.timeZone ?? PARIS });
const midnight = (date: string, zone = PARIS) => DateTime.fromISO(date, { zone }).startOf('day').toJSDate().toISOString();

describe('return date of an out-of-office reply', () => {
  it.each([
    ['I am out of the office until March 3.', '2026-03-03'],
    ['Back on Monday 9th, with limited access to email until then.', '2026-03-09'],
    ['I will be back tomorrow.', '2026-02-21'],
    ["I'm on leave from Feb 18 to Feb 27.", '2026-02-28'],
    ['Out of office from February 23, back on March 2.', '2026-03-02'],
    ['Je suis absente, de retour le 3 mars.', '2026-03-03'],
    ["Absent jusqu'au 12/03.", '2026-03-12'],
    ["Absent jusqu'au 12/03 inclus.", '2026-03-13'],
    ["Je suis en congés jusqu'au lundi 9 inclus.", '2026-03-10'],
    ['Absent du 23 février au 4 mars.', '2026-03-05'],
    ['Je serai de retour le 1er avril 2026.', '2026-04-01'],
  ])('%j -> %s', (text, day) => {
    expect(at(text)).toBe(midnight(day));
  });

  it.each([
    ['no date at all', 'I am out of the office with limited access to email.'],
    ['a day already past (and next year is beyond the horizon)', 'I was back on February 2.'],
    ['beyond the horizon', 'I am on sabbatical until September 1.'],
    ['a bare time', 'Call me at 9:15.'],
    ['a date only in the quoted email', 'Away.\n\nOn Fri, Feb 20, 2026 at 8:00 AM Sam <sam@acme.test> wrote:\n> I will call you on March 4.'],
  ])('none for %s', (_what, text) => {
    expect(at(text)).toBeNull();
  });

  it('reads the subject when it is the notice itself, never our own subject behind "Automatic reply:"', () => {
    expect(at('', { subject: "Absente jusqu'au 12/03 - Re: Appel le 24 février ?" })).toBe(midnight('2026-03-12'));
    expect(at('Thank you for your email.', { subject: 'Automatic reply: A call on March 4?' })).toBeNull();
  });

  it('counts days where the prospect is: the same instant is another day in Paris and in New York', () => {
    const lateFriday = '2026-02-20T23:30:00.000Z'; // already Saturday in Paris
    expect(at('Back tomorrow.', { now: lateFriday })).toBe(midnight('2026-02-22'));
    expect(at('Back tomorrow.', { now: lateFriday, timeZone: 'America/New_York' })).toBe(midnight('2026-02-21', 'America/New_York'));
    expect(at('Back on Monday.', { now: lateFriday, timeZone: 'Asia/Kolkata' })).toBe(midnight('2026-02-23', 'Asia/Kolkata'));
  });

  it('reads numeric dates day first outside the Americas, month first in them', () => {
    expect(at('Back on 05/03.', { timeZone: 'Europe/London' })).toBe(midnight('2026-03-05', 'Europe/London'));
    expect(at('Back on 03/05/2026.', { timeZone: 'America/New_York' })).toBe(midnight('2026-03-05', 'America/New_York'));
  });

  it('rolls a date of early next year forward from late December', () => {
    expect(at('De retour le 5 janvier.', { now: '2026-12-28T10:00:00.000Z' })).toBe(midnight('2027-01-05'));
    expect(at('Back on Monday.', { now: '2026-12-28T10:00:00.000Z' })).toBe(midnight('2027-01-04'));
  });

  it('property: any day within the horizon, written in French or English, is found in any zone', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
        fc.integer({ min: 1, max: RETURN_HORIZON_DAYS - 1 }),
        fc.constantFrom(...zones),
        fc.boolean(),
        (nowMs, days, zone, french) => {
          const now = DateTime.fromMillis(nowMs, { zone });
          const day = now.startOf('day').plus({ days });
          const text = french ? `Bonjour, je suis absent, de retour le ${day.setLocale('fr').toFormat('d MMMM yyyy')}.` : `I am out of the office, back on ${day.setLocale('en').toFormat('MMMM d, yyyy')}.`;
          expect(findReturnDate({ subject: '', text }, { now: now.toISO()!, timeZone: zone })).toBe(day.toJSDate().toISOString());
        },
      ),
      { numRuns: 300 },
    );
  });
});
