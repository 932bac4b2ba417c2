// A rep's days away (time off and their own country's holidays), as planning reads them: steps
// falling on them are due again from the return, at their own local time; promises keep theirs;
// a covered time off holds nothing and names who takes the calls.
import { describe, expect, it } from 'vitest';
import { backFrom, callTakerAt, coveringRepAt, planStepDueForRep, repAwayOn, type CallTaker, type RepCalendar } from '../../domain/cadence/rep-absence.js';
import { DEFAULT_TIMING_RULES, resolvePlace } from '../../domain/timing/index.js';
import type { Step } from '../../domain/sequences/index.js';

const rules = DEFAULT_TIMING_RULES;
const paris = resolvePlace({ timeZone: 'Europe/Paris' });
const rome = resolvePlace({ timeZone: 'Europe/Rome' });
// Monday 2027-01-11 to Friday 2027-01-15, back on Monday the 18th.
const away: RepCalendar = { ...paris, absences: [{ startsOn: '2027-01-11', endsOn: '2027-01-15', coveringUserId: null }] };
const email = (timing: Step['timing']): Step => ({ id: 'email', type: 'email', timing, template: { subject: 's', body: 'b' } }) as Step;

describe("a rep's days away", () => {
  it('are the declared days and the public holidays of the rep’s country, nothing else', () => {
    expect(repAwayOn('2027-01-11', away, rules)).toMatchObject({ reason: 'absence' });
    expect(repAwayOn('2027-01-15', away, rules)).toMatchObject({ reason: 'absence' });
    expect(repAwayOn('2027-01-18', away, rules)).toBeNull();
    // 8 December: a holiday in Italy, not in France.
    expect(repAwayOn('2026-12-08', { ...rome, absences: [] }, rules)).toMatchObject({ reason: 'holiday' });
    expect(repAwayOn('2026-12-08', { ...paris, absences: [] }, rules)).toBeNull();
  });

  it('end on the first day not away, at 00:00 in the rep’s zone, holidays chained', () => {
    // Saturday: the weekend is not time off; planning then finds the prospect's next business day.
    expect(backFrom('2027-01-13T10:00:00.000Z', away, rules)).toBe('2027-01-15T23:00:00.000Z');
    expect(backFrom('2027-01-18T10:00:00.000Z', away, rules)).toBeNull();
    // Off from Christmas Eve to the 31st: Christmas is a holiday anyway, then 1 January; back on the 2nd.
    const winter: RepCalendar = { ...paris, absences: [{ startsOn: '2026-12-24', endsOn: '2026-12-31', coveringUserId: null }] };
    expect(backFrom('2026-12-24T09:00:00.000Z', winter, rules)).toBe('2027-01-01T23:00:00.000Z');
  });

  it('move a step to its own local time on the return day, or at once for a delay already served', () => {
    const base = { place: paris, rules, touches: [] };
    // The 08:00 email due on Wednesday of the time off leaves Monday 08:00 when the rep is back.
    const next = planStepDueForRep({ ...base, step: email({ kind: 'next_business_day_at', at: '08:00' }), now: '2027-01-12T14:00:00.000Z' }, away);
    expect(next).toBe('2027-01-18T07:00:00.000Z');
    const after = planStepDueForRep({ ...base, step: email({ kind: 'after', minutes: 60 }), now: '2027-01-12T14:00:00.000Z' }, away);
    expect(Date.parse(after)).toBeGreaterThanOrEqual(Date.parse('2027-01-17T23:00:00.000Z'));
    expect(after.slice(0, 10)).toBe('2027-01-18');
    // Not away: unchanged.
    expect(planStepDueForRep({ ...base, step: email({ kind: 'next_business_day_at', at: '08:00' }), now: '2027-01-06T14:00:00.000Z' }, away)).toBe('2027-01-07T07:00:00.000Z');
  });

  it('keep the promises made to the prospect: an announced call, a callback at the time given', () => {
    const call = { id: 'call', type: 'call', timing: { kind: 'announced_time' } } as Step;
    expect(planStepDueForRep({ step: call, place: paris, rules, touches: [], now: '2027-01-11T06:00:00.000Z', announcedCallAt: '2027-01-11T08:15:00.000Z' }, away)).toBe('2027-01-11T08:15:00.000Z');
  });

  it('covered: nothing waits, and the covering rep takes the calls, in their own call blocks and days', () => {
    const covered: RepCalendar = { ...paris, absences: [{ startsOn: '2027-01-11', endsOn: '2027-01-15', coveringUserId: 'cover' }] };
    expect(backFrom('2027-01-13T10:00:00.000Z', covered, rules)).toBeNull();
    expect(coveringRepAt('2027-01-13T10:00:00.000Z', covered, rules)).toBe('cover');
    const rep: CallTaker = { id: 'rep', capacity: { callsPerHour: 12, callBlocks: [], timeZone: 'Europe/Paris' }, calendar: covered };
    const cover: CallTaker = { id: 'cover', capacity: { callsPerHour: 12, callBlocks: [{ start: '14:00', end: '16:00' }], timeZone: 'Europe/Paris' }, calendar: { ...paris, absences: [{ startsOn: '2027-01-15', endsOn: '2027-01-15', coveringUserId: null }] } };
    const covers = new Map([['cover', cover]]);
    expect(callTakerAt('2027-01-13T14:00:00.000Z', rep, covers, rules)?.id).toBe('cover');
    expect(callTakerAt('2027-01-13T09:00:00.000Z', rep, covers, rules)).toBeNull(); // outside the cover's block
    expect(callTakerAt('2027-01-15T14:00:00.000Z', rep, covers, rules)).toBeNull(); // the cover is away too
    expect(callTakerAt('2027-01-18T09:00:00.000Z', rep, covers, rules)?.id).toBe('rep');
  });
});
