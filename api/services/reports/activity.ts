// The manager's view, per rep and for the team, over a period: each figure counted with its
// condition (activity-figures.ts), one grouped query per table.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { escalations, handoffs, tasks, workspaces } from '../../../db/schema.js';
import { EscalationPolicySchema } from '../../../domain/cadence/escalation.js';
import { ACTIVITY_FIGURES, FIGURES, SCOPES, type ActivityFigure, type FigureDef, type Period } from './activity-figures.js';
import { edgesWhere, ROLLED_UP, rolledDays, rolledUpCounts } from './activity-rollup.js';
import type { TeamMember } from './team.js';

export type ActivityCounts = Record<ActivityFigure, number>;
export type RepActivity = ActivityCounts & TeamMember & { heldRate: number | null; escalationQuota: number; oldestOverdueAt: string | null };

const TABLES = { tasks, handoffs, escalations } as const;
const zero = (): ActivityCounts => Object.fromEntries(ACTIVITY_FIGURES.map((f) => [f, 0])) as ActivityCounts;

/** Held over the meetings whose outcome is known (held or not); null before any. */
export const heldRate = (c: Pick<ActivityCounts, 'meetingsHeld' | 'meetingsNotHeld'>) =>
  c.meetingsHeld + c.meetingsNotHeld === 0 ? null : Math.round((1000 * c.meetingsHeld) / (c.meetingsHeld + c.meetingsNotHeld)) / 1000;

/** The figures that share a table, a rep column and a scope, counted in one pass over the scope's rows. */
function groups(): Array<Array<FigureDef & { figure: ActivityFigure }>> {
  const by = new Map<string, Array<FigureDef & { figure: ActivityFigure }>>();
  for (const figure of ACTIVITY_FIGURES) {
    const d = FIGURES[figure];
    const key = `${d.rep.name}:${d.scope}`;
    by.set(key, [...(by.get(key) ?? []), { ...d, figure }]);
  }
  return [...by.values()];
}

type Row = Record<string, number | string | null> & { rep: string };

/** The escalation quota per rep, and the start of its window seen from now. */
export async function escalationQuota(db: Database, workspaceId: string, now: Date): Promise<{ perRep: number; since: Date }> {
  const [ws] = await db.select({ policy: workspaces.escalationPolicy }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const policy = EscalationPolicySchema.parse(ws?.policy ?? {});
  return { perRep: policy.perRep, since: new Date(now.getTime() - policy.windowDays * 86_400_000) };
}

export async function activityReport(db: Database, workspaceId: string, team: TeamMember[], p: Omit<Period, 'escalationsSince'>): Promise<{ reps: RepActivity[]; team: ActivityCounts & { heldRate: number | null } }> {
  const quota = await escalationQuota(db, workspaceId, p.now);
  const period: Period = { ...p, escalationsSince: quota.since };
  const ids = team.map((u) => u.id);
  const counts = new Map<string, ActivityCounts & { oldestOverdueAt: string | null }>(ids.map((id) => [id, { ...zero(), oldestOverdueAt: null }]));
  if (ids.length > 0) {
    const repList = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
    // Whole days already over come from the rollup; the rest of a task scope from the tasks.
    const days = rolledDays(period);
    if (days) {
      for (const r of await rolledUpCounts(db, workspaceId, ids, days)) {
        const c = counts.get(r.rep)!;
        for (const [f, n] of Object.entries(r)) if (f !== 'rep') c[f as ActivityFigure] += Number(n);
      }
    }
    for (const group of groups()) {
      const { source, rep, scope } = group[0]!;
      const rolledCol = ROLLED_UP[scope];
      const scopeWhere = days && rolledCol ? edgesWhere(rolledCol, period, days) : SCOPES[scope].where(period);
      const filters: SQL[] = group.map((d) => sql`count(*) filter (where ${d.filter(period)})::int as ${sql.identifier(d.figure)}`);
      if (scope === 'now') filters.push(sql`min(${tasks.dueAt}) as "oldestOverdueAt"`);
      const rows = rowsOf<Row>(
        await db.execute(sql`select ${rep} as rep, ${sql.join(filters, sql`, `)} from ${TABLES[source]}
          where ${sql.raw(`"${source}"."workspace_id"`)} = ${workspaceId}::uuid and ${rep} in (${repList}) and ${scopeWhere} group by ${rep}`),
      );
      for (const r of rows) {
        const c = counts.get(r.rep)!;
        for (const d of group) c[d.figure] += Number(r[d.figure] ?? 0);
        if (r.oldestOverdueAt) c.oldestOverdueAt = new Date(r.oldestOverdueAt).toISOString();
      }
    }
  }
  const reps = team.map((u) => {
    const c = counts.get(u.id)!;
    return { ...u, ...c, heldRate: heldRate(c), escalationQuota: quota.perRep };
  });
  const total = zero();
  for (const r of reps) for (const f of ACTIVITY_FIGURES) total[f] += r[f];
  return { reps, team: { ...total, heldRate: heldRate(total) } };
}
