// The A/B steps of one sequence over the period: each variant's sample and what its prospects
// did, the meeting and positive-reply rates with their 95% intervals, and the winner (named on
// meetings, then positive replies, and only past the minimum sample) or why there is none yet.
import { useQuery } from '@tanstack/react-query';
import { api, unwrapJson } from '../api/client';
import type { components } from '../api/openapi';
import { ColumnHeads } from '../components/ColumnHeads';
import { ErrorNote } from '../components/Field';
import { csvHref } from '../components/PeriodPicker';
import { percent } from './sequence-figures';

type Rate = components['schemas']['RateInterval'];
type AbStep = components['schemas']['SequenceVariantsReport']['steps'][number];

const REASONS: Record<AbStep['reason'], string> = {
  decided: 'winner',
  below_minimum_sample: 'no winner yet: a variant has not reached the minimum sample',
  no_clear_difference: 'no winner: the intervals overlap',
  single_variant: 'one variant only',
};

const interval = (r: Rate) => `${percent(r.rate)} (${percent(r.low)}–${percent(r.high)})`;

function verdict(s: AbStep, minSample: number): string {
  if (s.reason !== 'decided' || !s.winner) return `${REASONS[s.reason]}${s.reason === 'below_minimum_sample' ? ` (${minSample} prospects each)` : ''}`;
  return `${s.winner} wins on ${s.decidedOn === 'meetings' ? 'meetings' : 'positive replies'}`;
}

export function SequenceVariants({ sequenceId, period }: { sequenceId: string; period: { from: string; to: string } }) {
  const report = useQuery({
    queryKey: ['sequence-variants', sequenceId, period],
    queryFn: () => unwrapJson(api.GET('/v1/reports/sequences/{sequenceId}/variants', { params: { path: { sequenceId }, query: period } })),
  });
  if (report.error) return <ErrorNote error={report.error} />;
  if (!report.data || report.data.steps.length === 0) return null;
  const { minSample } = report.data;
  return (
    <section aria-labelledby="ab-variants" className="version">
      <h2 id="ab-variants">A/B variants</h2>
      <p>
        A winner is named on meetings, then positive replies (never on raw replies), once every variant reached {minSample} prospects and one interval stands above the others.{' '}
        <a href={csvHref(`/v1/reports/sequences/${sequenceId}/variants`, period)} download>
          Download the variants (CSV)
        </a>
      </p>
      {report.data.steps.map((s) => (
        <div className="wide" key={`${s.version}-${s.stepId}`}>
          <table className="activity">
            <caption>
              Version {s.version}, step {s.stepId}: {verdict(s, minSample)}
            </caption>
            <ColumnHeads names={['Variant', 'Reached', 'Replied', 'Positive replies', 'Not interested', 'Opted out', 'Meetings', 'Clicked', 'Meeting rate (95%)', 'Positive reply rate (95%)']} />
            <tbody>
              {s.variants.map((v) => (
                <tr key={v.variant}>
                  <th scope="row">
                    {v.variant}
                    {s.winner === v.variant && s.reason === 'decided' ? ' (winner)' : ''}
                  </th>
                  <td>{v.reached}</td>
                  <td>{v.replied}</td>
                  <td>{v.positiveReplies}</td>
                  <td>{v.notInterested}</td>
                  <td>{v.optedOut}</td>
                  <td>{v.meetings}</td>
                  <td>{v.clicked}</td>
                  <td>{interval(v.meetingRate)}</td>
                  <td>{interval(v.positiveReplyRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
