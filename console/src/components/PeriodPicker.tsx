// A report's period picker, the period it covers, and its CSV download.
import { PERIODS, type PeriodKey } from '../period';
import { formatAt } from '../time';

/** A report's address asking for CSV (the session's cookie goes with the download). */
export const csvHref = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams({ ...query, format: 'csv' }).toString()}`;

export function PeriodPicker({ value, period, onChange, csv, csvLabel }: { value: PeriodKey; period: { from: string; to: string }; onChange: (k: PeriodKey) => void; csv: string; csvLabel: string }) {
  return (
    <div className="toolbar">
      <label>
        Period{' '}
        <select value={value} onChange={(e) => onChange(e.currentTarget.value as PeriodKey)}>
          {Object.entries(PERIODS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <span>
        {formatAt(period.from)} to {formatAt(period.to)}
      </span>
      <a href={csv} download>
        {csvLabel}
      </a>
    </div>
  );
}
