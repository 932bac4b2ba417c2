// The rows behind one figure of the manager's view: the same condition that counted it, in time
// order, a page at a time (or all of them, up to a cap, for a CSV download).
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { enrollments, escalations, handoffs, tasks } from '../../../db/schema.js';
import { page } from '../../pagination.js';
import { decodeTimeCursor, isoMicros } from '../time-cursor.js';
import { FIGURES, figureWhere, type ActivityFigure, type Period } from './activity-figures.js';

export type FigureRow = {
  source: 'task' | 'handoff' | 'escalation';
  id: string;
  repId: string;
  at: string;
  status: string;
  kind: string;
  title: string | null;
  prospectId: string | null;
  enrollmentId: string | null;
};

type Raw = Omit<FigureRow, 'source' | 'at'> & { at: string; k: string };

/** The select of each table, as uniform rows. */
function selectOf(figure: ActivityFigure) {
  const d = FIGURES[figure];
  switch (d.source) {
    case 'tasks':
      return sql`select ${tasks.id} as id, ${tasks.repId} as "repId", ${d.at} as at, ${isoMicros(d.at)} as k, ${tasks.status} as status, ${tasks.kind} as kind,
        ${tasks.title} as title, ${enrollments.prospectId} as "prospectId", ${tasks.enrollmentId} as "enrollmentId"
        from ${tasks} left join ${enrollments} on ${enrollments.id} = ${tasks.enrollmentId} where ${tasks.workspaceId}`;
    case 'handoffs':
      return sql`select ${handoffs.id} as id, ${d.rep} as "repId", ${d.at} as at, ${isoMicros(d.at)} as k, ${handoffs.status} as status, 'meeting' as kind,
        ${handoffs.location} as title, ${handoffs.prospectId} as "prospectId", ${handoffs.enrollmentId} as "enrollmentId" from ${handoffs} where ${handoffs.workspaceId}`;
    case 'escalations':
      return sql`select ${escalations.id} as id, ${escalations.repId} as "repId", ${d.at} as at, ${isoMicros(d.at)} as k, ${escalations.decision} as status,
        ${escalations.blockerKind} as kind, ${escalations.reason} as title, ${escalations.prospectId} as "prospectId", ${escalations.enrollmentId} as "enrollmentId"
        from ${escalations} where ${escalations.workspaceId}`;
  }
}

const SOURCE = { tasks: 'task', handoffs: 'handoff', escalations: 'escalation' } as const;

export async function figureRows(
  db: Database,
  i: { workspaceId: string; repIds: string[]; figure: ActivityFigure; period: Period; limit: number; cursor?: string | undefined },
): Promise<{ data: FigureRow[]; nextCursor: string | null }> {
  if (i.repIds.length === 0) return { data: [], nextCursor: null };
  const d = FIGURES[i.figure];
  const c = decodeTimeCursor(i.cursor);
  const reps = sql.join(i.repIds.map((id) => sql`${id}::uuid`), sql`, `);
  const idCol = { tasks: tasks.id, handoffs: handoffs.id, escalations: escalations.id }[d.source];
  const rows = rowsOf<Raw>(
    await db.execute(sql`${selectOf(i.figure)} = ${i.workspaceId}::uuid and ${d.rep} in (${reps}) and (${figureWhere(i.figure, i.period)})
      ${c ? sql`and (${d.at}, ${idCol}) > (${c.at}, ${c.id}::uuid)` : sql``}
      order by ${d.at}, ${idCol} limit ${i.limit + 1}`),
  );
  const result = page(rows, i.limit, (r) => ({ k: r.k, id: r.id }));
  return {
    data: result.data.map(({ k: _k, ...r }) => ({ source: SOURCE[d.source], ...r, at: new Date(r.at).toISOString() })),
    nextCursor: result.nextCursor,
  };
}
