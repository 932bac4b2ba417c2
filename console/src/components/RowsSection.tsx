// A figure's rows under a report: its title (focused when a figure is chosen, for keyboard and
// screen reader users), their CSV, a close button, the error if any, the rows' table and their pages.
import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorNote } from './Field';
import { PageControls, type Pages } from './Pager';
import { ColumnHeads } from './ColumnHeads';

/**
 * `what`: the rows' name ("rows", "calls"); `focusOn`: what was chosen, the title takes the focus
 * when it changes; `columns`: the table's headers; `count`: the rows on this page (undefined while
 * loading); `children`: their table rows.
 */
export function RowsSection(p: { id: string; title: ReactNode; what: string; csv: string; focusOn: unknown; onClose: () => void; error: unknown; pages: Pages; next: string | null | undefined; columns: string[]; count: number | undefined; children: ReactNode }) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [p.focusOn]);
  return (
    <section aria-labelledby={p.id} className="rows">
      <h2 id={p.id} tabIndex={-1} ref={title}>
        {p.title}
      </h2>
      <div className="toolbar">
        <a href={p.csv} download>
          Download these {p.what} (CSV)
        </a>
        <button type="button" className="quiet" onClick={p.onClose}>
          Close the {p.what}
        </button>
      </div>
      <ErrorNote error={p.error} />
      {p.count === 0 && <p>No {p.what}.</p>}
      {Boolean(p.count) && (
        <table>
          <ColumnHeads names={p.columns} />
          <tbody>{p.children}</tbody>
        </table>
      )}
      <PageControls pages={p.pages} next={p.next} />
    </section>
  );
}
