// What changed between two versions of a sequence: steps added and removed, each changed field
// with its value before and after, and a new order.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorNote } from '../../components/Field';
import { go } from '../../router';

const shown = (v: unknown) => (v === null || v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

export function SequenceDiff({ sequenceId, ...asked }: { sequenceId: string; from: number | undefined; to: number | undefined }) {
  const detail = useQuery({ queryKey: ['sequence', sequenceId], queryFn: () => unwrap(api.GET('/v1/sequences/{sequenceId}', { params: { path: { sequenceId } } })) });
  const diff = useQuery({
    queryKey: ['sequence-diff', sequenceId, asked.from, asked.to],
    // Versions left out: the API compares the latest with the one before.
    queryFn: () => unwrap(api.GET('/v1/sequences/{sequenceId}/diff', { params: { path: { sequenceId }, query: { ...(asked.from ? { from: asked.from } : {}), ...(asked.to ? { to: asked.to } : {}) } } })),
  });
  const from = diff.data?.from ?? asked.from;
  const to = diff.data?.to ?? asked.to;
  const versions = detail.data?.versions.map((v) => v.version).sort((a, b) => a - b) ?? [];
  const pick = (which: 'from' | 'to', value: number) => go(`#/sequences/${sequenceId}/diff?from=${which === 'from' ? value : from}&to=${which === 'to' ? value : to}`);
  const d = diff.data;
  return (
    <>
      <h1>
        {detail.data?.name ?? 'Sequence'}: changes from v{from ?? '?'} to v{to ?? '?'}
      </h1>
      <p>
        <a href={`#/sequences/${sequenceId}`}>Back to the sequence</a>
      </p>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
        {(['from', 'to'] as const).map((which) => (
          <label key={which}>
            {which === 'from' ? 'From version' : 'To version'}{' '}
            <select value={(which === 'from' ? from : to) ?? ''} onChange={(e) => pick(which, Number(e.target.value))}>
              {versions.map((v) => (
                <option key={v} value={v}>
                  v{v}
                </option>
              ))}
            </select>
          </label>
        ))}
      </form>
      <ErrorNote error={diff.error ?? detail.error} />
      {d && (
        <>
          {d.added.length + d.removed.length + d.changed.length + d.sequence.length === 0 && !d.reordered && <p role="status">No change.</p>}
          {d.added.length > 0 && <p>Steps added: {d.added.join(', ')}</p>}
          {d.removed.length > 0 && <p>Steps removed: {d.removed.join(', ')}</p>}
          {d.reordered && <p>New order: {d.reordered.after.join(' → ')} (was {d.reordered.before.join(' → ')})</p>}
          {(d.changed.length > 0 || d.sequence.length > 0) && (
            <table className="diff">
              <caption>Fields changed</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Field</th>
                  <th scope="col">v{from}</th>
                  <th scope="col">v{to}</th>
                </tr>
              </thead>
              <tbody>
                {[...d.sequence.map((c) => ({ stepId: '(the sequence)', ...c })), ...d.changed.flatMap((s) => s.changes.map((c) => ({ stepId: s.stepId, ...c })))].map((c) => (
                  <tr key={`${c.stepId}:${c.field}`}>
                    <th scope="row">{c.stepId}</th>
                    <td>{c.field}</td>
                    <td>
                      <del>{shown(c.before)}</del>
                    </td>
                    <td>
                      <ins>{shown(c.after)}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
