// A chart with its accessible name and a summary of its figures in words: the canvas is an image
// (role="img") named by the caption and the summary, and every chart sits beside a table that holds
// the same figures (the text equivalent). Chart.js is loaded on first use.
import { lazy, Suspense, useId } from 'react';
import type { ChartSpec } from './chart-spec';

export type { ChartSpec };

const ChartCanvas = lazy(() => import('./ChartCanvas'));

/** `title`: what the chart shows; `summary`: its figures in words, for screen readers and as the canvas's fallback. */
export function Chart({ title, summary, spec, height = 220 }: { title: string; summary: string; spec: ChartSpec; height?: number }) {
  const id = useId();
  const empty = spec.series.every((s) => s.values.every((v) => v === 0));
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {empty ? (
        <p>Nothing to draw in this period.</p>
      ) : (
        <div className="chart-area" style={{ height }}>
          <Suspense fallback={<p role="status">Drawing the chart…</p>}>
            <ChartCanvas spec={spec} label={`${title}. ${summary}`} />
          </Suspense>
        </div>
      )}
    </figure>
  );
}
