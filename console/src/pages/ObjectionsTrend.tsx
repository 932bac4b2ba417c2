// The objections heard each week, for the most heard tags: a line chart and the table of its figures.
import type { components } from '../api/openapi';
import { Chart } from '../components/charts/Chart';
import { ColumnHeads } from '../components/ColumnHeads';

type Summary = components['schemas']['ObjectionSummary'];
const SHOWN = 5;

export function ObjectionsTrend({ objections }: { objections: Summary[] }) {
  const top = objections.slice(0, SHOWN);
  const weeks = [...new Set(top.flatMap((o) => o.weekly.map((w) => w.weekStart)))].sort();
  const countOf = (o: Summary, week: string) => o.weekly.find((w) => w.weekStart === week)?.count ?? 0;
  const summary = weeks.map((w) => `week of ${w}: ${top.map((o) => `${o.tag} ${countOf(o, w)}`).join(', ')}`).join('; ');
  return (
    <section aria-labelledby="trend-title" className="version">
      <h2 id="trend-title">Trend of the {top.length} most heard</h2>
      <Chart title={`Objections heard per week, the ${top.length} most heard`} summary={summary} spec={{ kind: 'line', labels: weeks, series: top.map((o) => ({ label: o.tag, values: weeks.map((w) => countOf(o, w)) })) }} />
      <table>
        <caption>Objections heard per week (the chart's figures)</caption>
        <ColumnHeads names={['Week of', ...top.map((o) => o.tag)]} />
        <tbody>
          {weeks.map((w) => (
            <tr key={w}>
              <th scope="row">{w}</th>
              {top.map((o) => (
                <td key={o.tag}>{countOf(o, w)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
