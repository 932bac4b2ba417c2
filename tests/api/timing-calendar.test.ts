// The 30-day timing calendar over the API: the workspace's windows day by day for a place, the
// holidays (from the same date-holidays data the scheduler reads) and weekends that close days,
// the workspace's own rules (not another's), and a 400 naming the query parameter on a bad place.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING_RULES } from '../../domain/timing/index.js';
import { createKeyedWorkspace, withTestApi, type ApiWorld } from '../support/api.js';
import { expectBadQueries } from '../support/bad-query.js';

type Window = { start: string; end: string; label: string | null };
type Day = { date: string; weekday: number; holiday: string | null; closedBecause: string[]; sendWindow: Window | null; callWindow: Window | null; bypassWindows: Window[]; directWindows: Window[] };
type Calendar = { country: string | null; region: string | null; timeZone: string; from: string; days: Day[] };

let world: ApiWorld;
withTestApi({}, (w) => (world = w));
const day = (cal: Calendar, date: string) => cal.days.find((d) => d.date === date)!;

describe('the timing calendar', () => {
  it("France from 2026-12-14: 30 days, Christmas closed by name, weekends closed, the playbook's windows on open days", async () => {
    const res = await world.ws.call<Calendar>('GET', '/v1/timing-calendar?country=fr&from=2026-12-14');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ country: 'FR', region: null, timeZone: 'Europe/Paris', from: '2026-12-14' });
    expect(res.body.days.map((d) => d.date)).toHaveLength(30);
    expect(res.body.days.at(-1)!.date).toBe('2027-01-12');
    const expected = new Holidays('FR', { types: ['public'], timezone: 'UTC' })
      .getHolidays(2026)
      .concat(new Holidays('FR', { types: ['public'], timezone: 'UTC' }).getHolidays(2027))
      .filter((h) => h.date.slice(0, 10) >= '2026-12-14' && h.date.slice(0, 10) <= '2027-01-12')
      .map((h) => [h.date.slice(0, 10), h.name]);
    expect(expected.map(([date]) => date)).toEqual(['2026-12-25', '2027-01-01']);
    expect(res.body.days.filter((d) => d.holiday).map((d) => [d.date, d.holiday])).toEqual(expected);
    expect(day(res.body, '2026-12-25')).toMatchObject({ closedBecause: ['holiday'], sendWindow: null, callWindow: null, bypassWindows: [], directWindows: [] });
    expect(day(res.body, '2026-12-26')).toMatchObject({ weekday: 6, holiday: null, closedBecause: ['weekend'], sendWindow: null });
    // A Wednesday: the playbook's defaults (tests/domain/timing/rules.test.ts spells them out), so the
    // three daily by-pass windows and the Wednesday afternoon one.
    const { sendWindow, callWindow, bypassWindows } = DEFAULT_TIMING_RULES;
    expect(bypassWindows.map((w) => w.label)).toEqual(['before 08:30', 'lunch break', 'after 18:30', 'Wednesday afternoon']);
    expect(day(res.body, '2026-12-16')).toMatchObject({
      weekday: 3,
      closedBecause: [],
      sendWindow,
      callWindow,
      bypassWindows: bypassWindows.map(({ start, end, label }) => ({ start, end, label })),
    });
    expect(day(res.body, '2026-12-17').bypassWindows.map((w) => w.label)).toEqual(['before 08:30', 'lunch break', 'after 18:30']);
  });

  it("the workspace's rules, not another's: its send window and closed dates; Alsace keeps St Stephen's Day", async () => {
    const put = await world.ws.call('PUT', '/v1/timing-rules', { sendWindow: { start: '09:00', end: '17:00' }, extraClosedDates: ['2026-12-24'] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const mine = await world.ws.call<Calendar>('GET', '/v1/timing-calendar?country=FR&region=FR-67&from=2026-12-21&days=7');
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.days).toHaveLength(7);
    expect(day(mine.body, '2026-12-21').sendWindow).toEqual({ start: '09:00', end: '17:00', label: null });
    expect(day(mine.body, '2026-12-24')).toMatchObject({ closedBecause: ['workspace'], sendWindow: null });
    expect(day(mine.body, '2026-12-26')).toMatchObject({ closedBecause: ['weekend', 'holiday'] });
    expect(day(mine.body, '2026-12-26').holiday).toBeTruthy();
    const other = await createKeyedWorkspace(world.app, { name: 'Globex' });
    const theirs = await other.call<Calendar>('GET', '/v1/timing-calendar?country=FR&from=2026-12-21&days=7');
    expect(day(theirs.body, '2026-12-21').sendWindow).toEqual({ start: '07:30', end: '19:00', label: null });
    expect(day(theirs.body, '2026-12-24').closedBecause).toEqual([]);
  });

  it("a zone alone takes its country's holidays; the first day defaults to today in the place's zone", async () => {
    const before = DateTime.now().setZone('America/New_York').toISODate();
    const res = await world.ws.call<Calendar>('GET', '/v1/timing-calendar?timeZone=America/New_York');
    const after = DateTime.now().setZone('America/New_York').toISODate();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ country: 'US', timeZone: 'America/New_York' });
    expect([before, after]).toContain(res.body.from);
    expect(res.body.days).toHaveLength(30);
    const july = await world.ws.call<Calendar>('GET', '/v1/timing-calendar?timeZone=America/New_York&from=2026-07-01&days=5');
    // The substitute day of Independence Day (a Saturday in 2026).
    expect(day(july.body, '2026-07-03').closedBecause).toEqual(['holiday']);
  });

  it('a bad place or length is a 400 naming the query parameter', async () => {
    await expectBadQueries(world.ws.call, '/v1/timing-calendar', [
      ['country=XX', 'query.country'],
      ['country=FR&region=ZZZ', 'query.region'],
      ['timeZone=Mars/Olympus', 'query.timeZone'],
      ['', 'query.timeZone'],
      ['country=US', 'query.region'],
      ['country=FR&days=99', 'query.days'],
      ['country=FR&from=2026-02-30', 'query.from'],
      ['country=FR&from=9999-12-30', 'query.from'],
    ]);
  });
});
