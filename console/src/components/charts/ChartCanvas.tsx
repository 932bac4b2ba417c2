// The one place Chart.js is set up: only the pieces the console draws are registered (bars and
// lines on category and linear scales, tooltips, a legend), so the rest is left out of the bundle.
// This module is loaded lazily (Chart.tsx): pages without a chart never download it.
import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import type { ChartSpec } from './chart-spec';

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

// Okabe-Ito colours: told apart with the common colour-vision deficiencies, each at least 3:1 on white.
const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

export default function ChartCanvas({ spec, label }: { spec: ChartSpec; label: string }) {
  const options: ChartOptions<'bar' | 'line'> = {
    // No animation: a chart that moves distracts (WCAG 2.3.3), and a test reads it drawn.
    animation: false,
    maintainAspectRatio: false,
    indexAxis: spec.horizontal ? 'y' : 'x',
    plugins: { legend: { display: spec.series.length > 1 } },
    scales: {
      [spec.horizontal ? 'x' : 'y']: { beginAtZero: true, stacked: spec.stacked ?? false, ticks: { precision: 0 } },
      [spec.horizontal ? 'y' : 'x']: { stacked: spec.stacked ?? false },
    },
  };
  const data = {
    labels: spec.labels,
    datasets: spec.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length], borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length] })),
  };
  // The canvas is an image named by its summary; the figures are in the table beside it.
  return <Chart type={spec.kind} data={data} options={options} role="img" aria-label={label} fallbackContent={<p>{label}</p>} />;
}
