// One step of the draft: its id, type, title, timing and template, each field with the error the
// API named for it beside it, and the buttons that move or remove it.
import { useId, type ReactNode } from 'react';
import { otherErrors, STEP_TYPES, TIMING_KINDS, type FieldErrors, type Step } from './definition';
import { Rendered, type PreviewStep } from './Preview';

type ControlProps = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

/** A labelled control (input, select, textarea) whose error is announced and linked to it. */
function Control({ label, error, children }: { label: string; error: string[] | undefined; children: (p: ControlProps) => ReactNode }) {
  const id = useId();
  const message = error?.join('; ');
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${id}-error` : undefined })}
      {message && (
        <span id={`${id}-error`} className="error">
          {message}
        </span>
      )}
    </p>
  );
}

export function StepEditor(props: { step: Step; index: number; count: number; errors: FieldErrors; preview: PreviewStep | undefined; zone: string | null; onChange: (s: Step) => void; onMove: (by: -1 | 1) => void; onRemove: () => void }) {
  const { step, index: i, errors } = props;
  const at = (field: string) => `steps.${i}.${field}`;
  const set = (patch: Partial<Step>) => props.onChange({ ...step, ...patch });
  const kind = TIMING_KINDS[step.timing.kind];
  const template = step.template ?? { body: '' };
  const setTemplate = (patch: Partial<Step['template'] & object>) => {
    const next = { ...template, ...patch };
    if (next.subject === '') delete next.subject;
    const { template: _dropped, ...rest } = step;
    props.onChange(next.body === '' && next.subject === undefined ? (rest as Step) : { ...step, template: next });
  };
  const shown = ['id', 'type', 'title', 'timing', 'timing.kind', 'timing.at', 'timing.days', 'timing.minutes', 'template', 'template.subject', 'template.body'].map(at);
  const other = otherErrors(errors, `steps.${i}`, shown);
  const n = i + 1;
  return (
    <fieldset className="step">
      <legend>
        Step {n}: {step.id}
      </legend>
      {props.preview && (
        <div className="in-words">
          <p>
            <strong>
              {props.preview.when.charAt(0).toUpperCase() + props.preview.when.slice(1)}
            </strong>
            : {props.preview.what}
          </p>
          {props.zone && <Rendered step={props.preview} timeZone={props.zone} />}
        </div>
      )}
      <div className="step-fields">
        <Control label="Step id" error={errors.get(at('id'))}>
          {(p) => <input {...p} value={step.id} onChange={(e) => set({ id: e.target.value })} />}
        </Control>
        <Control label="Type" error={errors.get(at('type'))}>
          {(p) => (
            <select {...p} value={step.type} onChange={(e) => set({ type: e.target.value })}>
              {STEP_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t.replace('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </Control>
        <Control label="Title" error={errors.get(at('title'))}>
          {(p) => <input {...p} value={step.title ?? ''} onChange={(e) => set({ title: e.target.value || undefined })} />}
        </Control>
        <Control label="When" error={[...(errors.get(at('timing')) ?? []), ...(errors.get(at('timing.kind')) ?? [])].filter(Boolean)}>
          {(p) => (
            <select {...p} value={step.timing.kind} onChange={(e) => set({ timing: { kind: e.target.value, ...TIMING_KINDS[e.target.value]?.defaults } })}>
              {Object.entries(TIMING_KINDS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v.label}
                </option>
              ))}
            </select>
          )}
        </Control>
        {kind?.defaults.days !== undefined && (
          <Control label="Business days later" error={errors.get(at('timing.days'))}>
            {(p) => <input {...p} type="number" value={step.timing.days ?? ''} onChange={(e) => set({ timing: { ...step.timing, days: Number(e.target.value) } })} />}
          </Control>
        )}
        {kind?.defaults.at !== undefined && (
          <Control label="At (prospect's time, HH:mm)" error={errors.get(at('timing.at'))}>
            {(p) => <input {...p} value={step.timing.at ?? ''} onChange={(e) => set({ timing: { ...step.timing, at: e.target.value } })} />}
          </Control>
        )}
        {kind?.defaults.minutes !== undefined && (
          <Control label="Minutes" error={errors.get(at('timing.minutes'))}>
            {(p) => <input {...p} type="number" value={step.timing.minutes ?? ''} onChange={(e) => set({ timing: { ...step.timing, minutes: Number(e.target.value) } })} />}
          </Control>
        )}
      </div>
      {(step.type === 'email' || template.subject !== undefined) && (
        <Control label="Subject" error={errors.get(at('template.subject'))}>
          {(p) => <input {...p} className="wide-input" value={template.subject ?? ''} onChange={(e) => setTemplate({ subject: e.target.value })} />}
        </Control>
      )}
      <Control label={step.type === 'email' || step.type === 'linkedin_note' ? 'Message' : 'Script for the rep'} error={[...(errors.get(at('template')) ?? []), ...(errors.get(at('template.body')) ?? [])]}>
        {(p) => <textarea {...p} rows={4} value={template.body} onChange={(e) => setTemplate({ body: e.target.value })} />}
      </Control>
      {other.length > 0 && (
        <ul className="error" aria-label={`Other problems of step ${n}`}>
          {other.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div className="controls">
        <button type="button" className="quiet" onClick={() => props.onMove(-1)} disabled={i === 0} aria-label={`Move step ${n} up`}>
          Up
        </button>
        <button type="button" className="quiet" onClick={() => props.onMove(1)} disabled={i === props.count - 1} aria-label={`Move step ${n} down`}>
          Down
        </button>
        <button type="button" className="quiet" onClick={props.onRemove} disabled={props.count === 1} aria-label={`Remove step ${n}`}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}
