// Sequences analytics (issue 19 §4): every sequence's totals over a period, each outcome once per
// enrollment; a sequence's name opens its figures per version and step (SequenceAnalytics). Every
// figure drills down to its enrollments, and the table downloads as CSV. No open rates.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, unwrapJson } from '../api/client';
import { ErrorNote } from '../components/Field';
import { csvHref, PeriodPicker } from '../components/PeriodPicker';
import { periodOf, PERIODS, type PeriodKey } from '../period';
import { go, type Route } from '../router';
import { OUTCOMES } from './sequence-figures';
import { SequenceRows, type SequenceDrill } from './SequenceRows';
import { ColumnHeads } from '../components/ColumnHeads';

/** The period a sequences page shows, kept in its address so the list and a sequence share it. */
export function usePeriodOf(route: Route): [PeriodKey, { from: string; to: string }] {
  const asked = route.query.get('period');
  const key: PeriodKey = asked && asked in PERIODS ? (asked as PeriodKey) : 'last30';
  return [key, useMemo(() => periodOf(key), [key])];
}

export function SequencesAnalytics({ route }: { route: Route }) {
  const [periodKey, period] = usePeriodOf(route);
  const [drill, setDrill] = useState<SequenceDrill | null>(null);
  const report = useQuery({ queryKey: ['sequences-report', period], queryFn: () => unwrapJson(api.GET('/v1/reports/sequences', { params: { query: period } })) });
  return (
    <>
      <h1>Sequences analytics</h1>
      <p>Enrollments whose first touch happened in the period, followed up to now. Replies are what a person wrote; no open rates (an “open” is mostly a machine's).</p>
      <PeriodPicker value={periodKey} period={period} onChange={(k) => (setDrill(null), go(`#/sequence-analytics?period=${k}`))} csv={csvHref('/v1/reports/sequences', period)} csvLabel="Download every sequence's totals (CSV)" />
      {report.isPending && <p role="status">Loading the figures…</p>}
      <ErrorNote error={report.error} />
      {report.data && (
        <div className="wide">
          <table className="activity">
            <caption>Every sequence's totals: each outcome once per enrollment, whatever its step</caption>
            <ColumnHeads names={['Sequence', 'Enrollments', ...OUTCOMES.map((o) => o.label)]} />
            <tbody>
              {report.data.sequences.map((s) => (
                <tr key={s.sequenceId}>
                  <th scope="row">
                    <a href={`#/sequence-analytics/${s.sequenceId}?period=${periodKey}`}>{s.name}</a>
                  </th>
                  <td>{s.enrollments}</td>
                  {OUTCOMES.map((o) => (
                    <td key={o.figure}>
                      <button type="button" className="figure" aria-label={`${s.name}: ${o.label.toLowerCase()} ${s[o.figure]}, show the rows`} onClick={() => setDrill({ sequenceId: s.sequenceId, figure: o.figure, label: o.label, where: s.name })}>
                        {s[o.figure]}
                      </button>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {drill && <SequenceRows drill={drill} period={period} onClose={() => setDrill(null)} />}
    </>
  );
}
