// ISO weekdays (1 Monday … 7 Sunday) as a group of checkboxes: the timing rules' weekend, a call block's days.
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export const weekdayNames = (days: readonly number[]) => days.map((d) => WEEKDAYS[d - 1]).join(', ');

export function Weekdays({ legend, value, onChange, disabled }: { legend: string; value: readonly number[]; onChange: (days: number[]) => void; disabled?: boolean }) {
  const toggle = (day: number, on: boolean) => onChange(on ? [...value, day].sort() : value.filter((d) => d !== day));
  return (
    <fieldset className="weekdays" disabled={disabled}>
      <legend>{legend}</legend>
      {WEEKDAYS.map((name, i) => (
        <label key={name}>
          <input type="checkbox" checked={value.includes(i + 1)} onChange={(e) => toggle(i + 1, e.currentTarget.checked)} /> {name}
        </label>
      ))}
    </fieldset>
  );
}
