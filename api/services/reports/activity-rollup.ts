// The manager's view over long periods, from the per-day counts (rep_activity_days, kept by
// triggers on tasks in the transaction that writes each task): the whole UTC days of a period come
// from the rollup, the partial days at its edges and the day still running from the tasks, so any
// period in any zone (a rep's local midnight is rarely a UTC one) counts exactly what the tasks say.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { repActivityDays as r, tasks } from '../../../db/schema.js';
import type { ActivityFigure, FigureScope, Period } from './activity-figures.js';

const DAY = 86_400_000;

/** The task scopes the rollup answers, with the time column that places a task in a day. */
export const ROLLED_UP: Partial<Record<FigureScope, PgColumn>> = { due: tasks.dueAt, completed: tasks.completedAt };

/** The figures the rollup holds, and the column each is summed from (overdue: the open tasks of days already over). */
const COLUMNS: Partial<Record<ActivityFigure, PgColumn>> = {
  tasksDue: r.tasksDue,
  doneOnTime: r.doneOnTime,
  doneLate: r.doneLate,
  overdue: r.openTasks,
  skipped: r.skipped,
  missed: r.missed,
  announcedKept: r.announcedKept,
  announcedBroken: r.announcedBroken,
  callsMade: r.callsMade,
};

export type RolledDays = { from: Date; to: Date };

/** The whole UTC days of a period already over: from the first midnight at or after `from` to the last one before both `to` and now. */
export function rolledDays(p: Pick<Period, 'from' | 'to' | 'now'>): RolledDays | null {
  const first = Math.ceil(p.from.getTime() / DAY) * DAY;
  const last = Math.floor(Math.min(p.to.getTime(), p.now.getTime()) / DAY) * DAY;
  return first < last ? { from: new Date(first), to: new Date(last) } : null;
}

const instant = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const day = (d: Date) => sql`${d.toISOString().slice(0, 10)}::date`;

/** The rows of a period the rollup does not hold: its edges, read from the tasks. */
export const edgesWhere = (col: PgColumn, p: Period, days: RolledDays): SQL =>
  sql`((${col} >= ${instant(p.from)} and ${col} < ${instant(days.from)}) or (${col} >= ${instant(days.to)} and ${col} < ${instant(p.to)}))`;

/** Each rep's rolled-up figures over whole days. */
export async function rolledUpCounts(db: Database, workspaceId: string, repIds: string[], days: RolledDays): Promise<Array<Record<string, number> & { rep: string }>> {
  const sums = Object.entries(COLUMNS).map(([figure, col]) => sql`coalesce(sum(${col}), 0)::int as ${sql.identifier(figure)}`);
  const reps = sql.join(repIds.map((id) => sql`${id}::uuid`), sql`, `);
  return rowsOf(
    await db.execute(sql`select ${r.repId} as rep, ${sql.join(sums, sql`, `)} from ${r}
      where ${r.workspaceId} = ${workspaceId}::uuid and ${r.repId} in (${reps}) and ${r.day} >= ${day(days.from)} and ${r.day} < ${day(days.to)}
      group by ${r.repId}`),
  );
}
