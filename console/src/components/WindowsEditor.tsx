// A list of daily windows to edit: each with its days (none ticked: every day), from, until and, for
// the timing rules' by-pass windows, a label. A rep's call blocks and the by-pass windows share it.
import { Field } from './Field';
import { Weekdays } from './Weekdays';

export type DailyWindow = { days?: number[] | undefined; start: string; end: string; label?: string };

type Props = {
  noun: string;
  windows: DailyWindow[];
  onChange: (windows: DailyWindow[]) => void;
  /** The problem's message for a field of window `i` (`start`, `end`, `label`, `days`). */
  errorOf: (i: number, field: string) => string | undefined;
  fresh: DailyWindow;
  disabled?: boolean;
};

export function WindowsEditor({ noun, windows, onChange, errorOf, fresh, disabled = false }: Props) {
  const change = (i: number, patch: Partial<DailyWindow>) => onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <>
      {windows.map((w, i) => (
        <fieldset key={i} className="block" disabled={disabled}>
          <legend>
            {noun} {i + 1}
          </legend>
          <Weekdays legend="Days (none ticked: every day)" value={w.days ?? []} onChange={(days) => change(i, { days: days.length ? days : undefined })} />
          <Field label="From" type="time" value={w.start} onChange={(e) => change(i, { start: e.currentTarget.value })} error={errorOf(i, 'start')} />
          <Field label="Until" type="time" value={w.end} onChange={(e) => change(i, { end: e.currentTarget.value })} error={errorOf(i, 'end')} />
          {w.label !== undefined && <Field label="Label" value={w.label} onChange={(e) => change(i, { label: e.currentTarget.value })} error={errorOf(i, 'label')} />}
          {!disabled && (
            <button type="button" className="quiet" onClick={() => onChange(windows.filter((_, j) => j !== i))}>
              Remove {noun.toLowerCase()} {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      {!disabled && (
        <button type="button" className="quiet" onClick={() => onChange([...windows, fresh])}>
          Add a {noun.toLowerCase()}
        </button>
      )}
    </>
  );
}
