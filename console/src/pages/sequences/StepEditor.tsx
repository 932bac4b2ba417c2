// One step of the draft: its id, type, title, timing and template (or, for an A/B email step, its
// variants: key, weight, subject, message), each field with the error the API named for it beside
// it, and the buttons that move or remove it.
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
  const variants = Array.isArray(step.variants) ? (step.variants as Variant[]) : null;
  const setVariants = (next: Variant[] | null) => {
    const { variants: _dropped, template: _template, ...rest } = step;
    // Back to one email: the first variant's text becomes the template.
    props.onChange(next ? ({ ...rest, variants: next } as Step) : ({ ...rest, template: { subject: step.variants ? (step.variants as Variant[])[0]?.subject : undefined, body: (step.variants as Variant[] | undefined)?.[0]?.body ?? '' } } as Step));
  };
  const splitIntoVariants = () =>
    setVariants([
      { key: 'a', weight: 1, subject: template.subject ?? '', body: template.body },
      { key: 'b', weight: 1, subject: template.subject ?? '', body: template.body },
    ]);
  const variantFields = (variants ?? []).flatMap((_, j) => ['', '.key', '.weight', '.subject', '.body'].map((f) => `variants.${j}${f}`));
  const shown = ['id', 'type', 'title', 'timing', 'timing.kind', 'timing.at', 'timing.days', 'timing.minutes', 'template', 'template.subject', 'template.body', 'variants', ...variantFields].map(at);
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
      {variants ? (
        <VariantsEditor step={n} variants={variants} errors={errors} at={at} onChange={setVariants} />
      ) : (
        <>
          {(step.type === 'email' || template.subject !== undefined) && (
            <Control label="Subject" error={errors.get(at('template.subject'))}>
              {(p) => <input {...p} className="wide-input" value={template.subject ?? ''} onChange={(e) => setTemplate({ subject: e.target.value })} />}
            </Control>
          )}
          <Control label={step.type === 'email' || step.type === 'linkedin_note' ? 'Message' : 'Script for the rep'} error={[...(errors.get(at('template')) ?? []), ...(errors.get(at('template.body')) ?? [])]}>
            {(p) => <textarea {...p} rows={4} value={template.body} onChange={(e) => setTemplate({ body: e.target.value })} />}
          </Control>
          {step.type === 'email' && (
            <button type="button" className="quiet" onClick={splitIntoVariants}>
              Test two versions of step {n}'s email (A/B)
            </button>
          )}
        </>
      )}
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

type Variant = { key: string; weight: number; subject: string; body: string };

/** An A/B email step's variants: each its key, its share (weight) of the prospects, its subject and message. */
function VariantsEditor(props: { step: number; variants: Variant[]; errors: FieldErrors; at: (field: string) => string; onChange: (v: Variant[] | null) => void }) {
  const { variants, errors, at } = props;
  const set = (j: number, patch: Partial<Variant>) => props.onChange(variants.map((v, k) => (k === j ? { ...v, ...patch } : v)));
  const total = variants.reduce((n, v) => n + (Number(v.weight) || 0), 0);
  return (
    <div role="group" aria-label={`A/B variants of step ${props.step}`} className="variants">
      {errors.get(at('variants')) && <p className="error">{errors.get(at('variants'))!.join('; ')}</p>}
      {variants.map((v, j) => (
        <div className="step-fields" key={j}>
          <Control label={`Variant ${j + 1} key`} error={errors.get(at(`variants.${j}.key`))}>
            {(p) => <input {...p} value={v.key} onChange={(e) => set(j, { key: e.target.value })} />}
          </Control>
          <Control label={`Variant ${j + 1} weight (${total ? Math.round(((Number(v.weight) || 0) / total) * 100) : 0}% of prospects)`} error={errors.get(at(`variants.${j}.weight`))}>
            {(p) => <input {...p} type="number" min={1} value={v.weight} onChange={(e) => set(j, { weight: Number(e.target.value) })} />}
          </Control>
          <Control label={`Variant ${j + 1} subject`} error={errors.get(at(`variants.${j}.subject`))}>
            {(p) => <input {...p} className="wide-input" value={v.subject} onChange={(e) => set(j, { subject: e.target.value })} />}
          </Control>
          <Control label={`Variant ${j + 1} message`} error={errors.get(at(`variants.${j}.body`))}>
            {(p) => <textarea {...p} rows={3} value={v.body} onChange={(e) => set(j, { body: e.target.value })} />}
          </Control>
          <button type="button" className="quiet" disabled={variants.length <= 2} onClick={() => props.onChange(variants.filter((_, k) => k !== j))}>
            Remove variant {j + 1}
          </button>
        </div>
      ))}
      <div className="controls">
        <button type="button" className="quiet" onClick={() => props.onChange([...variants, { key: String.fromCharCode(97 + variants.length), weight: 1, subject: variants[0]?.subject ?? '', body: variants[0]?.body ?? '' }])}>
          Add a variant to step {props.step}
        </button>
        <button type="button" className="quiet" onClick={() => props.onChange(null)}>
          Back to one email (keep variant 1)
        </button>
      </div>
    </div>
  );
}
