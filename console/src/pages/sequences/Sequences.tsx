// Sequences: the workspace's cadences, each with its live version and its draft, linking to its
// page (steps in words, the editor for ops, versions and their enrollments).
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorNote } from '../../components/Field';
import { formatAt } from '../../time';
import { ColumnHeads } from '../../components/ColumnHeads';

export function Sequences() {
  const list = useQuery({ queryKey: ['sequences'], queryFn: () => unwrap(api.GET('/v1/sequences', { params: { query: { limit: 100 } } })) });
  return (
    <>
      <h1>Sequences</h1>
      <ErrorNote error={list.error} />
      {list.data && (
        <table>
          <caption>{list.data.data.length} sequence(s)</caption>
          <ColumnHeads names={['Name', 'Key', 'Status', 'Live version', 'Draft']} />
          <tbody>
            {list.data.data.map((s) => (
              <tr key={s.sequenceId}>
                <td>
                  <a href={`#/sequences/${s.sequenceId}`}>{s.name}</a>
                </td>
                <td>{s.key}</td>
                <td>{s.status}</td>
                <td>{s.publishedAt ? `v${s.version}, published ${formatAt(s.publishedAt)}` : 'none yet'}</td>
                <td>{s.draftVersion === null ? 'none' : `v${s.draftVersion}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
