// A labelled select: the label wraps its select (so the label names it), an optional first
// "nothing chosen" option, then one option per choice; `children` follow the select (an error).
import type { ReactNode, SelectHTMLAttributes } from 'react';

export type ChoiceOption = { value: string; label: string };

export function Choice({ label, options, none, children, ...select }: { label: string; options: readonly ChoiceOption[] | undefined; none?: string; children?: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label>
      {label}{' '}
      <select {...select}>
        {none !== undefined && <option value="">{none}</option>}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {children}
    </label>
  );
}
