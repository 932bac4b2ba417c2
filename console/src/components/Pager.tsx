// Paging through a cursor-paginated list: the cursors of the pages seen so far (back is the one
// before), and the Previous / Next buttons under the list.
import { useState } from 'react';

export type Pages = { cursor: string | undefined; back: (() => void) | null; forward: (next: string) => void };

export function usePages(): Pages {
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    cursor: cursors.at(-1),
    back: cursors.length === 0 ? null : () => setCursors((c) => c.slice(0, -1)),
    forward: (next) => setCursors((c) => [...c, next]),
  };
}

export function PageControls({ pages, next }: { pages: Pages; next: string | null | undefined }) {
  return (
    <p className="controls">
      <button type="button" className="quiet" disabled={!pages.back} onClick={() => pages.back?.()}>
        Previous page
      </button>
      <button type="button" className="quiet" disabled={!next} onClick={() => next && pages.forward(next)}>
        Next page
      </button>
    </p>
  );
}
