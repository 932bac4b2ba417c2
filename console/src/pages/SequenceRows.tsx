// The enrollments behind one figure of the sequence analytics (all its steps, or one), paged, with
// their CSV. The same query of facts counts the figure and lists these rows, so they agree.
import { useQuery } from '@tanstack/react-query';
import { api, unwrapJson } from '../api/client';
import { usePages } from '../components/Pager';
import { RowsSection } from '../components/RowsSection';
import { csvHref } from '../components/PeriodPicker';
import { formatAt } from '../time';
import type { SequenceFigure } from './sequence-figures';
import { ProspectCell } from '../components/ProspectCell';

export type SequenceDrill = { sequenceId: string; figure: SequenceFigure; label: string; where: string; version?: number; stepId?: string };

export function SequenceRows({ drill, period, onClose }: { drill: SequenceDrill; period: { from: string; to: string }; onClose: () => void }) {
  const pages = usePages();
  const { cursor } = pages;
  const query = { ...period, figure: drill.figure, ...(drill.version ? { version: drill.version } : {}), ...(drill.stepId ? { stepId: drill.stepId } : {}) };
  const rows = useQuery({
    queryKey: ['sequence-rows', drill.sequenceId, query, cursor],
    queryFn: () => unwrapJson(api.GET('/v1/reports/sequences/{sequenceId}/rows', { params: { path: { sequenceId: drill.sequenceId }, query: { ...query, limit: 20, ...(cursor ? { cursor } : {}) } } })),
  });
  const csvQuery = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return (
    <RowsSection id="rows-title" title={`${drill.label}: ${drill.where}`} what="rows" csv={csvHref(`/v1/reports/sequences/${drill.sequenceId}/rows`, csvQuery)} focusOn={drill} onClose={onClose} error={rows.error} pages={pages} next={rows.data?.nextCursor} columns={['When', 'Version', 'Step', 'Prospect']} count={rows.data?.data.length}>
      {rows.data?.data.map((r) => (
        <tr key={`${r.enrollmentId}-${r.stepId}-${r.figure}`}>
          <td>{formatAt(r.at)}</td>
          <td>{r.version}</td>
          <td>{r.stepId}</td>
          <td>
            <ProspectCell row={r} />
          </td>
        </tr>
      ))}
    </RowsSection>
  );
}
