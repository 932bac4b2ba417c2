// The steps in words and, for a chosen prospect, each template rendered by the engine that sends
// it and each touch's planned time in the prospect's zone (POST /v1/sequences/{id}/preview): of
// the draft being edited (live, a moment after each change) or of a stored version.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import type { components } from '../../api/openapi';
import { ErrorNote } from '../../components/Field';
import type { Definition } from './definition';

export type PreviewStep = components['schemas']['SequencePreview']['steps'][number];

function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

const nameOf = (p: { firstName: string | null; lastName: string | null; email: string | null; id: string }) => [p.firstName, p.lastName].filter(Boolean).join(' ') || p.email || p.id;

/** The preview of a definition being edited, or of a stored version, for a prospect (or none). */
export function usePreview(sequenceId: string, of: { definition?: Definition | undefined; version?: number | undefined }, prospectId: string) {
  const definition = useSettled(of.definition);
  const preview = useQuery({
    queryKey: ['sequence-preview', sequenceId, of.version, definition, prospectId],
    queryFn: () =>
      unwrap(
        api.POST('/v1/sequences/{sequenceId}/preview', {
          params: { path: { sequenceId } },
          body: { ...(definition ? { definition } : {}), ...(of.version !== undefined && !definition ? { version: of.version } : {}), ...(prospectId ? { prospectId } : {}) },
        }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });
  // A draft with errors: they show beside their fields, and the preview waits for the fix.
  const invalidDraft = preview.error instanceof ApiError && preview.error.status === 422 && !preview.error.field('prospectId');
  return { ...preview, invalidDraft };
}

export function ProspectPicker({ value, onChange }: { value: string; onChange: (prospectId: string) => void }) {
  const id = useId();
  const prospects = useQuery({ queryKey: ['prospects', 'preview'], queryFn: () => unwrap(api.GET('/v1/prospects', { params: { query: { limit: 100, status: 'active' } } })) });
  return (
    <p className="toolbar">
      <label htmlFor={id}>Preview for</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">no prospect (timing in words only)</option>
        {prospects.data?.data.map((p) => (
          <option key={p.id} value={p.id}>
            {nameOf(p)} ({p.timeZone ?? 'zone unknown'})
          </option>
        ))}
      </select>
      <ErrorNote error={prospects.error} />
    </p>
  );
}

/** One step's touch as the prospect gets it: when, in their zone, and its text. */
export function Rendered({ step, timeZone }: { step: PreviewStep; timeZone: string }) {
  return (
    <>
      <p>
        <strong>Prospect's local time:</strong> {step.localTime ? `${step.localTime} (${timeZone})` : 'off the expected path (no time planned)'}
      </p>
      <Text subject={step.subject} body={step.body} />
      {step.variants?.map((v) => (
        <section key={v.key} className="variant" aria-label={`Variant ${v.key}`}>
          <p>
            <strong>Variant {v.key}</strong> ({Math.round(v.share * 100)}% of prospects)
          </p>
          <Text subject={v.subject} body={v.body} />
        </section>
      ))}
    </>
  );
}

function Text({ subject, body }: { subject: string | null; body: string | null }) {
  return (
    <>
      {subject && (
        <p>
          <strong>Subject:</strong> {subject}
        </p>
      )}
      {body && <pre className="script">{body}</pre>}
    </>
  );
}

/** A stored version's steps in words, rendered for the prospect chosen. */
export function Preview({ sequenceId, version }: { sequenceId: string; version?: number | undefined }) {
  const [prospectId, setProspectId] = useState('');
  const preview = usePreview(sequenceId, { version }, prospectId);
  const zone = preview.data?.timeZone;
  return (
    <section aria-labelledby="steps-title" className="preview">
      <h2 id="steps-title">Steps{version ? ` of v${version}` : ''}</h2>
      <ProspectPicker value={prospectId} onChange={setProspectId} />
      <ErrorNote error={preview.error} />
      {preview.data && (
        <table className="steps">
          <caption>
            {preview.data.steps.length} step(s){zone ? `, planned as if enrolled now, in the prospect's zone (${zone})` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">When</th>
              {zone && <th scope="col">For the prospect</th>}
            </tr>
          </thead>
          <tbody>
            {preview.data.steps.map((s, i) => (
              <tr key={s.stepId}>
                <th scope="row">
                  {i + 1}. {s.what} <span className="kind">({s.stepId})</span>
                </th>
                <td>{s.when}</td>
                {zone && (
                  <td>
                    <Rendered step={s} timeZone={zone} />
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
