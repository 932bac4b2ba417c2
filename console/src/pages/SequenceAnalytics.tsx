// One sequence's analytics per version and per step: prospects reached, what happened to them
// (replies by kind, meetings, opt-outs, bounces, broken announcements) and the conversion from each
// step to the next, drawn as a funnel beside the table that holds its figures. Every figure drills
// down to its enrollments; each version's table downloads as CSV.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrapJson } from '../api/client';
import type { components } from '../api/openapi';
import { Chart } from '../components/charts/Chart';
import { ErrorNote } from '../components/Field';
import { csvHref, PeriodPicker } from '../components/PeriodPicker';
import { go, type Route } from '../router';
import { OUTCOMES, percent, type SequenceFigure } from './sequence-figures';
import { SequenceRows, type SequenceDrill } from './SequenceRows';
import { SequenceVariants } from './SequenceVariants';
import { usePeriodOf } from './SequencesAnalytics';
import { ColumnHeads } from '../components/ColumnHeads';

type Version = components['schemas']['SequenceReport']['versions'][number];
type Step = Version['steps'][number];

export function SequenceAnalytics({ sequenceId, route }: { sequenceId: string; route: Route }) {
  const [periodKey, period] = usePeriodOf(route);
  const [drill, setDrill] = useState<SequenceDrill | null>(null);
  const report = useQuery({
    queryKey: ['sequence-report', sequenceId, period],
    queryFn: () => unwrapJson(api.GET('/v1/reports/sequences/{sequenceId}', { params: { path: { sequenceId }, query: period } })),
  });
  const name = report.data?.name ?? 'Sequence';
  return (
    <>
      <p>
        <a href={`#/sequence-analytics?period=${periodKey}`}>Sequences analytics</a>
      </p>
      <h1>{name}</h1>
      <PeriodPicker value={periodKey} period={period} onChange={(k) => (setDrill(null), go(`#/sequence-analytics/${sequenceId}?period=${k}`))} csv={csvHref(`/v1/reports/sequences/${sequenceId}`, period)} csvLabel="Download every version's figures (CSV)" />
      {report.isPending && <p role="status">Loading the figures…</p>}
      <ErrorNote error={report.error} />
      {report.data && report.data.versions.length === 0 && <p>No enrollment had its first touch in this period.</p>}
      {report.data?.versions.map((v) => (
        <VersionFigures key={v.version} sequenceId={sequenceId} name={name} version={v} period={period} onDrill={setDrill} />
      ))}
      {report.data && report.data.versions.length > 0 && <SequenceVariants sequenceId={sequenceId} period={period} />}
      {drill && <SequenceRows drill={drill} period={period} onClose={() => setDrill(null)} />}
    </>
  );
}

function VersionFigures({ sequenceId, name, version, period, onDrill }: { sequenceId: string; name: string; version: Version; period: { from: string; to: string }; onDrill: (d: SequenceDrill) => void }) {
  const v = version.version;
  const figureButton = (step: Step, figure: SequenceFigure, label: string) => (
    <button type="button" className="figure" aria-label={`Version ${v}, ${step.stepId}: ${label.toLowerCase()} ${step[figure]}, show the rows`} onClick={() => onDrill({ sequenceId, figure, label, where: `${name}, version ${v}, step ${step.stepId}`, version: v, stepId: step.stepId })}>
      {step[figure]}
    </button>
  );
  const summary = version.steps.map((s) => `${s.stepId}: ${s.reached} reached${s.conversionToNext === null ? '' : `, ${percent(s.conversionToNext)} went on to the next step`}`).join('; ');
  return (
    <section aria-labelledby={`version-${v}`} className="version">
      <h2 id={`version-${v}`}>
        Version {v} · {version.enrollments} enrollments
      </h2>
      <div className="toolbar">
        <a href={csvHref(`/v1/reports/sequences/${sequenceId}`, { ...period, version: String(v) })} download>
          Download version {v}'s figures (CSV)
        </a>
      </div>
      <Chart
        title={`Version ${v}: prospects reached at each step, and how many went on to the next`}
        summary={summary}
        spec={{ kind: 'bar', horizontal: true, labels: version.steps.map((s) => s.stepId), series: [{ label: 'Reached', values: version.steps.map((s) => s.reached) }, { label: 'Went on to the next step', values: version.steps.map((s) => s.continued) }] }}
      />
      <div className="wide">
        <table className="activity">
          <caption>Version {v} per step: reached, what happened, conversion to the next step</caption>
          <ColumnHeads names={['Step', 'Reached', ...OUTCOMES.map((o) => o.label), 'Went on', 'Conversion']} />
          <tbody>
            {version.steps.map((s) => (
              <tr key={s.stepId}>
                <th scope="row">
                  {s.stepId}
                  {s.type && <span className="kind"> · {s.type.replace(/_/g, ' ')}</span>}
                </th>
                <td>{figureButton(s, 'reached', 'Reached')}</td>
                {OUTCOMES.map((o) => (
                  <td key={o.figure}>{figureButton(s, o.figure, o.label)}</td>
                ))}
                <td>{s.nextStepId ? figureButton(s, 'continued', 'Went on') : '–'}</td>
                <td>{percent(s.conversionToNext)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
