// Calls made and announced calls kept and broken, week by week (PLAYBOOK §5: a broken promise is
// the figure no other tool shows): one activity report per week, drawn as bars beside the table of
// their figures.
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrapJson } from '../api/client';
import { Chart } from '../components/charts/Chart';
import { ErrorNote } from '../components/Field';
import { lastWeeks } from '../period';
import { ColumnHeads } from '../components/ColumnHeads';

const WEEKS = 6;
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

export function ActivityTrend({ managerId }: { managerId: string }) {
  const weeks = useMemo(() => lastWeeks(WEEKS), []);
  const who: Record<string, string> = managerId ? { managerId } : {};
  const reports = useQueries({
    queries: weeks.map((w) => ({ queryKey: ['activity', w, managerId], queryFn: () => unwrapJson(api.GET('/v1/reports/activity', { params: { query: { ...w, ...who } } })) })),
  });
  const error = reports.find((r) => r.error)?.error;
  if (error) return <ErrorNote error={error} />;
  if (reports.some((r) => !r.data)) return <p role="status">Loading the weekly trend…</p>;
  const rows = weeks.map((w, i) => ({ week: dayMonth.format(new Date(w.from)), made: reports[i]!.data!.team.callsMade, kept: reports[i]!.data!.team.announcedKept, broken: reports[i]!.data!.team.announcedBroken }));
  const summary = rows.map((r) => `week of ${r.week}: ${r.made} calls made, ${r.kept} announced calls kept, ${r.broken} broken`).join('; ');
  return (
    <section aria-labelledby="calls-trend" className="version">
      <h2 id="calls-trend">Calls, the last {WEEKS} weeks</h2>
      <Chart
        title={`Calls made, announced calls kept and broken per week, the last ${WEEKS} weeks`}
        summary={summary}
        spec={{ kind: 'bar', labels: rows.map((r) => r.week), series: [{ label: 'Calls made', values: rows.map((r) => r.made) }, { label: 'Announced kept', values: rows.map((r) => r.kept) }, { label: 'Announced broken', values: rows.map((r) => r.broken) }] }}
      />
      <table>
        <caption>Calls per week (the chart's figures)</caption>
        <ColumnHeads names={['Week of', 'Calls made', 'Announced kept', 'Announced broken']} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.week}>
              <th scope="row">{r.week}</th>
              <td>{r.made}</td>
              <td>{r.kept}</td>
              <td>{r.broken}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
