// One sequence: ops edit its draft (steps added, removed, moved; templates and timing; each error
// the API names shown beside its field), preview it live for a prospect in their zone, and publish
// it; everyone sees its versions and which enrollments run each. Managers read it all.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap, type Session } from '../../api/client';
import { ErrorNote } from '../../components/Field';
import { fieldErrors, type Definition, type FieldErrors, type Step } from './definition';
import { Preview, ProspectPicker, usePreview } from './Preview';
import { StepEditor } from './StepEditor';
import { Versions } from './Versions';

export function SequencePage({ sequenceId, session }: { sequenceId: string; session: Session }) {
  const detail = useQuery({ queryKey: ['sequence', sequenceId], queryFn: () => unwrap(api.GET('/v1/sequences/{sequenceId}', { params: { path: { sequenceId } } })) });
  const ops = session.role === 'admin' || session.role === 'ops';
  // Outside the editor, which starts afresh from the version just published.
  const [published, setPublished] = useState<number | null>(null);
  if (!detail.data) return <ErrorNote error={detail.error} />;
  const s = detail.data;
  const draft = s.versions.find((v) => v.draft);
  const live = s.versions.find((v) => !v.draft);
  return (
    <>
      <h1>{s.name}</h1>
      <p>
        Key {s.key} · {s.status} · live version {live ? `v${live.version}` : 'none'} · {draft ? `draft v${draft.version}` : 'no draft'}
      </p>
      {ops && s.status !== 'archived' ? (
        <>
          {published !== null && <p role="status">Version {published} published: new enrollments take it, running ones keep theirs.</p>}
          <Editor key={`${draft?.version ?? 'new'}-${live?.version ?? 0}`} sequenceId={sequenceId} start={(draft ?? live)!.definition as Definition} hasDraft={Boolean(draft)} onPublished={setPublished} />
        </>
      ) : (
        <Preview sequenceId={sequenceId} version={live?.version} />
      )}
      <Versions sequenceId={sequenceId} versions={s.versions} ownOnly={!ops} />
    </>
  );
}

function Editor({ sequenceId, start, hasDraft, onPublished }: { sequenceId: string; start: Definition; hasDraft: boolean; onPublished: (version: number) => void }) {
  const client = useQueryClient();
  const [def, setDef] = useState<Definition>(start);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [saved, setSaved] = useState<string | null>(null);
  const [prospectId, setProspectId] = useState('');
  const preview = usePreview(sequenceId, { definition: def }, prospectId);
  const zone = preview.data?.timeZone ?? null;
  useEffect(() => setSaved(null), [def]);
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['sequence', sequenceId] }), client.invalidateQueries({ queryKey: ['sequences'] }), client.invalidateQueries({ queryKey: ['sequence-enrollments', sequenceId] })]);
  const saveDraft = () => unwrap(api.PUT('/v1/sequences/{sequenceId}/draft', { params: { path: { sequenceId } }, body: { definition: def } }));
  const save = useMutation({
    mutationFn: saveDraft,
    onMutate: () => setErrors(new Map()),
    onError: (e) => setErrors(fieldErrors(e)),
    onSuccess: (v) => setSaved(`Draft v${v.version} saved.`),
  });
  const publish = useMutation({
    mutationFn: async () => {
      await saveDraft();
      return unwrap(api.POST('/v1/sequences/{sequenceId}/versions', { params: { path: { sequenceId } } }));
    },
    onMutate: () => setErrors(new Map()),
    onError: (e) => setErrors(fieldErrors(e)),
    onSuccess: async (v) => {
      onPublished(v.version);
      await refresh();
    },
  });
  const setSteps = (steps: Step[], structural = false) => {
    // Errors are keyed by step index: once steps move, they no longer point at the right fields.
    if (structural) setErrors(new Map());
    setDef({ ...def, steps });
  };
  const move = (i: number, by: -1 | 1) => {
    const steps = [...def.steps];
    [steps[i], steps[i + by]] = [steps[i + by]!, steps[i]!];
    setSteps(steps, true);
  };
  const add = () => {
    let n = def.steps.length + 1;
    while (def.steps.some((s) => s.id === `step-${n}`)) n++;
    setSteps([...def.steps, { id: `step-${n}`, type: 'task', title: 'New task', timing: { kind: 'business_days_after', days: 1, at: '10:00' } }], true);
  };
  // What no field of the form shows: the sequence's other fields, the steps as a whole.
  const general = [...errors].filter(([path]) => path !== 'name' && !path.startsWith('steps.')).flatMap(([path, messages]) => messages.map((m) => (path ? `${path}: ${m}` : m)));
  return (
    <>
      <section aria-labelledby="draft-title">
        <h2 id="draft-title">{hasDraft ? 'The draft' : 'A new draft (from the live version)'}</h2>
        <p>Each step shows its timing in words and, for the prospect chosen, its text rendered as it will be sent and its time in their zone, as if enrolled now.</p>
        <ProspectPicker value={prospectId} onChange={setProspectId} />
        {preview.invalidDraft ? <p className="warn">The draft has errors (shown beside their fields): the preview follows once they are fixed.</p> : <ErrorNote error={preview.error} />}
        {/* noValidate: the API's errors, beside each field, are the one set of rules (not the browser's bubbles). */}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <p className="field">
            <label htmlFor="sequence-name">Name</label>
            <input id="sequence-name" value={def.name} aria-invalid={errors.has('name') ? true : undefined} aria-describedby={errors.has('name') ? 'sequence-name-error' : undefined} onChange={(e) => setDef({ ...def, name: e.target.value })} />
            {errors.has('name') && (
              <span id="sequence-name-error" className="error">
                {errors.get('name')!.join('; ')}
              </span>
            )}
          </p>
          {general.length > 0 && (
            <ul className="error" aria-label="Problems of the sequence">
              {general.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          {def.steps.map((step, i) => (
            <StepEditor
              key={i}
              step={step}
              index={i}
              count={def.steps.length}
              errors={errors}
              preview={preview.data?.steps.find((p) => p.stepId === step.id)}
              zone={zone}
              onChange={(s) => setSteps(def.steps.map((x, j) => (j === i ? s : x)))}
              onMove={(by) => move(i, by)}
              onRemove={() => setSteps(def.steps.filter((_, j) => j !== i), true)}
            />
          ))}
          <div className="controls">
            <button type="button" className="quiet" onClick={add}>
              Add a step
            </button>
            <button type="submit" disabled={save.isPending}>
              Save the draft
            </button>
            <button type="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
              Publish as a new version
            </button>
          </div>
          {errors.size > 0 && (
            <p role="alert" className="error">
              Not saved: {errors.size} field(s) to fix, shown beside each.
            </p>
          )}
          {errors.size === 0 && <ErrorNote error={save.error ?? publish.error} />}
          {saved && <p role="status">{saved}</p>}
        </form>
      </section>
    </>
  );
}
