// A sequence's versions: when each was published, how many enrollments run it (by status, a
// manager's: theirs and their reps'), the enrollments themselves, and what changed from the one before.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorNote } from '../../components/Field';
import { formatAt } from '../../time';
import { ColumnHeads } from '../../components/ColumnHeads';

type Version = { version: number; draft: boolean; publishedAt: string | null };

/** `ownOnly`: a rep-role viewer (a manager) is listed their own enrollments (the API's rule), their reps' are counted only. */
export function Versions({ sequenceId, versions, ownOnly }: { sequenceId: string; versions: Version[]; ownOnly: boolean }) {
  const [shown, setShown] = useState<number | null>(null);
  const counts = useQuery({ queryKey: ['sequence-enrollments', sequenceId], queryFn: () => unwrap(api.GET('/v1/sequences/{sequenceId}/enrollment-counts', { params: { path: { sequenceId } } })) });
  const published = versions.filter((v) => !v.draft).sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <ErrorNote error={counts.error} />
      <table>
        <ColumnHeads names={['Version', 'Published', 'Enrollments running it', 'Changes']} />
        <tbody>
          {published.map((v, i) => {
            const c = counts.data?.versions.find((x) => x.version === v.version);
            const previous = published[i + 1];
            return (
              <tr key={v.version}>
                <th scope="row">v{v.version}</th>
                <td>{v.publishedAt && formatAt(v.publishedAt)}</td>
                <td>
                  {c ? (
                    <button type="button" className="figure" aria-expanded={shown === v.version} onClick={() => setShown(shown === v.version ? null : v.version)}>
                      {c.total} in all ({c.byStatus.active + c.byStatus.pending + c.byStatus.paused} running) on v{v.version}
                    </button>
                  ) : (
                    'none'
                  )}
                </td>
                <td>{previous ? <a href={`#/sequences/${sequenceId}/diff?from=${previous.version}&to=${v.version}`}>Changes from v{previous.version} to v{v.version}</a> : 'first version'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown !== null && <EnrollmentsOf sequenceId={sequenceId} version={shown} ownOnly={ownOnly} />}
    </section>
  );
}

function EnrollmentsOf({ sequenceId, version, ownOnly }: { sequenceId: string; version: number; ownOnly: boolean }) {
  const list = useQuery({ queryKey: ['enrollments', sequenceId, version], queryFn: () => unwrap(api.GET('/v1/enrollments', { params: { query: { sequenceId, sequenceVersion: version, limit: 100 } } })) });
  return (
    <>
      <ErrorNote error={list.error} />
      {list.data && (
        <table className="rows">
          <caption>
            {ownOnly ? 'Your own enrollments' : 'Enrollments'} on v{version}
            {list.data.nextCursor ? ' (the latest 100)' : ''}
          </caption>
          <ColumnHeads names={['Prospect', 'Status', 'Current step', 'Enrolled']} />
          <tbody>
            {list.data.data.map((e) => (
              <tr key={e.id}>
                <td>
                  <a href={`#/prospects/${e.prospectId}`}>Prospect {e.prospectId.slice(0, 8)}</a>
                </td>
                <td>{e.status}</td>
                <td>{e.currentStepId ?? '–'}</td>
                <td>{formatAt(e.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
