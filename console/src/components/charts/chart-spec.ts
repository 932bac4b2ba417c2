// What a chart draws: categories along one axis, one or more series of counts.
export type ChartSpec = {
  kind: 'bar' | 'line';
  labels: string[];
  series: Array<{ label: string; values: number[] }>;
  horizontal?: boolean;
  stacked?: boolean;
};
