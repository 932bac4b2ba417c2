// A report's period in the viewer's week: this week (Monday 00:00 to next Monday, so tasks due
// later this week count too), last week, the last 30 days (up to now).
export const PERIODS = { thisWeek: 'This week', lastWeek: 'Last week', last30: 'The last 30 days' } as const;
export type PeriodKey = keyof typeof PERIODS;

const DAY = 86_400_000;

/** Local midnight of the Monday `weeks` after this week's. */
function monday(now: Date, weeks = 0): Date {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7) + 7 * weeks);
  return d;
}

export function periodOf(key: PeriodKey, now = new Date()): { from: string; to: string } {
  if (key === 'lastWeek') return { from: monday(now, -1).toISOString(), to: monday(now).toISOString() };
  if (key === 'last30') return { from: new Date(now.getTime() - 30 * DAY).toISOString(), to: now.toISOString() };
  return { from: monday(now).toISOString(), to: monday(now, 1).toISOString() };
}

/** The last `n` weeks, Monday to Monday in the viewer's zone, oldest first, this week last. */
export function lastWeeks(n: number, now = new Date()): Array<{ from: string; to: string }> {
  return Array.from({ length: n }, (_, i) => ({ from: monday(now, i - n + 1).toISOString(), to: monday(now, i - n + 2).toISOString() }));
}
