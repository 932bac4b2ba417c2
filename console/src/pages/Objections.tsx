// The objections report (PLAYBOOK §2): the objections heard most over a period, their share,
// examples and weekly trend; each tag drills down to the calls where it was heard. CSV too.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, unwrapJson } from '../api/client';
import type { components } from '../api/openapi';
import { ErrorNote } from '../components/Field';
import { csvHref, PeriodPicker } from '../components/PeriodPicker';
import { periodOf, type PeriodKey } from '../period';
import { formatAt } from '../time';
import { usePages } from '../components/Pager';
import { RowsSection } from '../components/RowsSection';
import { ObjectionsTrend } from './ObjectionsTrend';
import { ColumnHeads } from '../components/ColumnHeads';
import { ProspectCell } from '../components/ProspectCell';

type Weekly = components['schemas']['ObjectionSummary']['weekly'];

/** The weekly counts as bars, their figures said in words for screen readers. */
function Trend({ weekly }: { weekly: Weekly }) {
  const max = Math.max(1, ...weekly.map((w) => w.count));
  return (
    <span className="trend" role="img" aria-label={weekly.map((w) => `week of ${w.weekStart}: ${w.count}`).join(', ')}>
      {weekly.map((w) => (
        <span key={w.weekStart} className="bar" style={{ height: `${Math.round((w.count / max) * 100)}%` }} title={`${w.weekStart}: ${w.count}`} />
      ))}
    </span>
  );
}

export function Objections() {
  const [periodKey, setPeriodKey] = useState<PeriodKey>('last30');
  const period = useMemo(() => periodOf(periodKey), [periodKey]);
  const [tag, setTag] = useState<string | null>(null);
  const report = useQuery({ queryKey: ['objections', period], queryFn: () => unwrapJson(api.GET('/v1/reports/objections', { params: { query: { ...period, top: 20 } } })) });
  return (
    <>
      <h1>Objections</h1>
      <PeriodPicker value={periodKey} period={period} onChange={(k) => (setPeriodKey(k), setTag(null))} csv={csvHref('/v1/reports/objections', period)} csvLabel="Download the objections (CSV)" />
      {report.isPending && <p role="status">Loading the objections…</p>}
      <ErrorNote error={report.error} />
      {report.data && report.data.objections.length === 0 && <p>No objection heard in this period.</p>}
      {report.data && report.data.objections.length > 0 && (
        <table>
          <caption>The objections heard most ({report.data.total} in all)</caption>
          <ColumnHeads names={['Objection', 'Heard', 'Share', 'Examples', 'Weekly trend', 'Last heard']} />
          <tbody>
            {report.data.objections.map((o) => (
              <tr key={o.tag}>
                <th scope="row">{o.tag}</th>
                <td>
                  <button type="button" className="figure" aria-label={`${o.tag}: heard ${o.count} times, show the calls`} onClick={() => setTag(o.tag)}>
                    {o.count}
                  </button>
                </td>
                <td>{Math.round(o.share * 100)}%</td>
                <td>{o.examples.join(' · ')}</td>
                <td>
                  <Trend weekly={o.weekly} />
                </td>
                <td>{formatAt(o.lastHeardAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.data && report.data.objections.length > 0 && <ObjectionsTrend objections={report.data.objections} />}
      {tag && <ObjectionCalls tag={tag} period={period} onClose={() => setTag(null)} />}
    </>
  );
}

function ObjectionCalls({ tag, period, onClose }: { tag: string; period: { from: string; to: string }; onClose: () => void }) {
  const pages = usePages();
  const { cursor } = pages;
  const query = { ...period, tag };
  const calls = useQuery({
    queryKey: ['objection-calls', query, cursor],
    queryFn: () => unwrapJson(api.GET('/v1/reports/objections/calls', { params: { query: { ...query, limit: 20, ...(cursor ? { cursor } : {}) } } })),
  });
  return (
    <RowsSection id="calls-title" title={`Calls where “${tag}” was heard`} what="calls" csv={csvHref('/v1/reports/objections/calls', query)} focusOn={tag} onClose={onClose} error={calls.error} pages={pages} next={calls.data?.nextCursor} columns={['Heard', 'What was said', 'Step', 'Call', 'Prospect']} count={calls.data?.data.length}>
      {calls.data?.data.map((c) => (
        <tr key={c.id}>
          <td>{formatAt(c.heardAt)}</td>
          <td>{c.text}</td>
          <td>{c.stepId}</td>
          <td>
            <a href={`#/tasks/${c.taskId}`}>The call</a>
          </td>
          <td>
            <ProspectCell row={c} />
          </td>
        </tr>
      ))}
    </RowsSection>
  );
}
