// A change that cannot be taken back lightly (resume a mailbox, revoke a key) asks first, inline:
// the question and its two buttons take the place of the button, focus on "Cancel".
import { useState, type ReactNode } from 'react';

export function ConfirmButton({ label, question, confirmLabel, onConfirm, busy }: { label: string; question: ReactNode; confirmLabel: string; onConfirm: () => void; busy?: boolean }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)} disabled={busy}>
        {label}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={label}>
      <span>{question}</span>{' '}
      <button type="button" onClick={() => (setAsking(false), onConfirm())}>
        {confirmLabel}
      </button>{' '}
      <button type="button" className="quiet" autoFocus onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

/** A secret the API shows once (an API key, a webhook signing secret): to copy now, never shown again. */
export function OnceSecret({ what, value }: { what: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="link secret" aria-label={what} role="status">
      <p>
        <strong>Copy the {what} now: it is shown only this once.</strong> Relance cannot show it again.
      </p>
      <input aria-label={what} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => void navigator.clipboard.writeText(value).then(() => setCopied(true))}>
        Copy {what}
      </button>
      {copied && <span> Copied.</span>}
    </section>
  );
}
