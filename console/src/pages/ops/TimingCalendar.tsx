// The next days for a place as the scheduler sees them (GET /v1/timing-calendar): the workspace's
// send, call, by-pass and direct windows day by day, and the holidays and weekends that close days.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/openapi';
import { ErrorNote, Field } from '../../components/Field';
import { WEEKDAYS } from '../../components/Weekdays';
import { fieldError } from './access';
import { ColumnHeads } from '../../components/ColumnHeads';

type Day = components['schemas']['CalendarDay'];
type Window = Day['bypassWindows'][number];
type Place = { country: string; region: string; timeZone: string; from: string };

const CLOSED: Record<Day['closedBecause'][number], string> = { weekend: 'weekend', holiday: 'holiday', workspace: 'closed by the workspace' };
const dayName = (d: { date: string; weekday: number }) => `${WEEKDAYS[d.weekday - 1]} ${d.date}`;
const span = (w: Window) => `${w.start}–${w.end}${w.label ? ` (${w.label})` : ''}`;
const spans = (ws: Window[]) => (ws.length ? ws.map(span).join(', ') : '–');

export function TimingCalendar({ workspaceZone }: { workspaceZone: string }) {
  const [place, setPlace] = useState<Place>({ country: '', region: '', timeZone: workspaceZone, from: '' });
  const query = Object.fromEntries(Object.entries(place).filter(([, v]) => v.trim() !== ''));
  const calendar = useQuery({ queryKey: ['timing-calendar', query], queryFn: () => unwrap(api.GET('/v1/timing-calendar', { params: { query } })), retry: false });
  const onShow = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setPlace(Object.fromEntries(new FormData(e.currentTarget)) as Place);
  };
  const err = (name: string) => fieldError(calendar.error, `query.${name}`);
  const data = calendar.data;
  return (
    <section aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">The next {data?.days.length ?? 30} days</h2>
      <form className="toolbar place" onSubmit={onShow}>
        <Field label="Country (ISO code)" name="country" defaultValue={place.country} placeholder="FR" error={err('country')} />
        <Field label="Region (optional)" name="region" defaultValue={place.region} placeholder="FR-67" error={err('region')} />
        <Field label="Time zone" name="timeZone" defaultValue={place.timeZone} error={err('timeZone')} />
        <Field label="First day" name="from" type="date" defaultValue={place.from} error={err('from')} />
        <button type="submit">Show the calendar</button>
      </form>
      {calendar.isError && !['country', 'region', 'timeZone', 'from'].some(err) && <ErrorNote error={calendar.error} />}
      {data && (
        <table className="calendar">
          <caption>
            {data.country ?? 'No country'}
            {data.region ? `-${data.region}` : ''}, times in {data.timeZone}, from {data.from}
          </caption>
          <ColumnHeads names={['Day', 'Holiday or closed', 'Send window', 'Call window', 'By-pass windows', 'Direct windows']} />
          <tbody>
            {data.days.map((d) => (
              <tr key={d.date} className={d.closedBecause.length ? 'closed' : undefined}>
                <th scope="row">{dayName(d)}</th>
                <td>
                  {d.holiday && <strong>{d.holiday}</strong>}
                  {d.closedBecause.length > 0 && <span className="kind"> Closed: {d.closedBecause.map((c) => CLOSED[c]).join(', ')}</span>}
                </td>
                <td>{d.sendWindow ? span(d.sendWindow) : '–'}</td>
                <td>{d.callWindow ? span(d.callWindow) : '–'}</td>
                <td>{spans(d.bypassWindows)}</td>
                <td>{spans(d.directWindows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
