// The steps in words and, for a chosen prospect, each template rendered by the engine that sends
// it and each touch's planned time in the prospect's zone (POST /v1/sequences/{id}/preview): of
// the draft being edited (live, a moment after each change) or of a stored version.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { ErrorNote } from '../../components/Field';
import type { Definition } from './definition';

function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

const nameOf = (p: { firstName: string | null; lastName: string | null; email: string | null; id: string }) => [p.firstName, p.lastName].filter(Boolean).join(' ') || p.email || p.id;

export function Preview({ sequenceId, definition, version }: { sequenceId: string; definition?: Definition | undefined; version?: number | undefined }) {
  const selectId = useId();
  const [prospectId, setProspectId] = useState('');
  const prospects = useQuery({ queryKey: ['prospects', 'preview'], queryFn: () => unwrap(api.GET('/v1/prospects', { params: { query: { limit: 100, status: 'active' } } })) });
  const settled = useSettled(definition);
  const preview = useQuery({
    queryKey: ['sequence-preview', sequenceId, version, settled, prospectId],
    queryFn: () =>
      unwrap(
        api.POST('/v1/sequences/{sequenceId}/preview', {
          params: { path: { sequenceId } },
          body: { ...(settled ? { definition: settled } : {}), ...(version !== undefined && !settled ? { version } : {}), ...(prospectId ? { prospectId } : {}) },
        }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const invalid = preview.error instanceof ApiError && preview.error.status === 422 && !preview.error.field('prospectId');
  return (
    <section aria-labelledby={`${selectId}-title`} className="preview">
      <h2 id={`${selectId}-title`}>Steps{settled ? ' of the draft' : ''}, in words and rendered for a prospect</h2>
      <p className="toolbar">
        <label htmlFor={selectId}>Preview for</label>
        <select id={selectId} value={prospectId} onChange={(e) => setProspectId(e.target.value)}>
          <option value="">no prospect (timing in words only)</option>
          {prospects.data?.data.map((p) => (
            <option key={p.id} value={p.id}>
              {nameOf(p)} ({p.timeZone ?? 'zone unknown'})
            </option>
          ))}
        </select>
      </p>
      {invalid ? <p className="warn">The draft has errors (shown beside their fields): the preview shows it once they are fixed.</p> : <ErrorNote error={preview.error} />}
      {preview.data && (
        <table className="steps">
          <caption>
            {preview.data.steps.length} step(s){preview.data.timeZone ? `, planned as if enrolled now, in the prospect's zone (${preview.data.timeZone})` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">When</th>
              {preview.data.timeZone && <th scope="col">Prospect's local time</th>}
              {preview.data.timeZone && <th scope="col">Rendered</th>}
            </tr>
          </thead>
          <tbody>
            {preview.data.steps.map((s, i) => (
              <tr key={s.stepId}>
                <th scope="row">
                  {i + 1}. {s.what} <span className="kind">({s.stepId})</span>
                </th>
                <td>{s.when}</td>
                {preview.data.timeZone && <td>{s.localTime ? `${s.localTime} (${preview.data.timeZone})` : 'off the expected path'}</td>}
                {preview.data.timeZone && (
                  <td>
                    {s.subject && (
                      <p>
                        <strong>Subject:</strong> {s.subject}
                      </p>
                    )}
                    {s.body && <pre className="script">{s.body}</pre>}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
