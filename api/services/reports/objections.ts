// The objections report (PLAYBOOK §2: the team wants the objections that come back most): each
// objection heard on a call, by tag, with where it was heard (sequence, step, rep), its weekly
// trend, and the calls behind it; read from the objections table (one index range per period).
import { and, asc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { objections as o } from '../../../db/schema.js';
import { page } from '../../pagination.js';

export type ObjectionFilter = { workspaceId: string; from: Date; to: Date; sequenceId?: string | undefined; stepId?: string | undefined; repId?: string | undefined };

function heard(f: ObjectionFilter): SQL {
  return and(
    eq(o.workspaceId, f.workspaceId),
    gte(o.heardAt, f.from),
    lt(o.heardAt, f.to),
    f.sequenceId ? eq(o.sequenceId, f.sequenceId) : undefined,
    f.stepId ? eq(o.stepId, f.stepId) : undefined,
    f.repId ? eq(o.repId, f.repId) : undefined,
  )!;
}

type Count<K extends string> = { [P in K]: string | null } & { count: number };
export type ObjectionSummary = {
  tag: string;
  count: number;
  share: number;
  examples: string[];
  lastHeardAt: string;
  bySequence: Count<'sequenceId'>[];
  byStep: Count<'stepId'>[];
  byRep: Count<'repId'>[];
  weekly: Array<{ weekStart: string; count: number }>;
};

type Cell = { tag: string; sequence_id: string | null; step_id: string | null; rep_id: string | null; week: string; n: number; examples: string[]; last: string };

const add = <K extends string>(list: Count<K>[], key: K, value: string | null, n: number) => {
  const found = list.find((x) => x[key] === value);
  if (found) found.count += n;
  else list.push({ [key]: value, count: n } as Count<K>);
};
const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;

/** The top tags, most heard first (ties by tag). */
export async function objectionsReport(db: Database, f: ObjectionFilter, top: number): Promise<{ total: number; objections: ObjectionSummary[] }> {
  const cells = rowsOf<Cell>(
    await db.execute(sql`select ${o.tag} as tag, ${o.sequenceId} as sequence_id, ${o.stepId} as step_id, ${o.repId} as rep_id,
      to_char(date_trunc('week', ${o.heardAt} at time zone 'UTC'), 'YYYY-MM-DD') as week, count(*)::int as n,
      (array_agg(distinct ${o.text} order by ${o.text}))[1:3] as examples, max(${o.heardAt}) as last
      from ${o} where ${heard(f)} group by 1, 2, 3, 4, 5`),
  );
  const tags = new Map<string, ObjectionSummary>();
  let total = 0;
  for (const c of cells) {
    total += c.n;
    const t = tags.get(c.tag) ?? { tag: c.tag, count: 0, share: 0, examples: [], lastHeardAt: '', bySequence: [], byStep: [], byRep: [], weekly: [] };
    tags.set(c.tag, t);
    t.count += c.n;
    for (const x of c.examples) if (t.examples.length < 3 && !t.examples.includes(x)) t.examples.push(x);
    const last = new Date(c.last).toISOString();
    if (last > t.lastHeardAt) t.lastHeardAt = last;
    add(t.bySequence, 'sequenceId', c.sequence_id, c.n);
    add(t.byStep, 'stepId', c.step_id, c.n);
    add(t.byRep, 'repId', c.rep_id, c.n);
    const w = t.weekly.find((x) => x.weekStart === c.week);
    if (w) w.count += c.n;
    else t.weekly.push({ weekStart: c.week, count: c.n });
  }
  const objections = [...tags.values()]
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, top)
    .map((t) => ({
      ...t,
      share: Math.round((1000 * t.count) / total) / 1000,
      examples: t.examples.sort(),
      bySequence: t.bySequence.sort(byCount),
      byStep: t.byStep.sort(byCount),
      byRep: t.byRep.sort(byCount),
      weekly: t.weekly.sort((a, b) => a.weekStart.localeCompare(b.weekStart)),
    }));
  return { total, objections };
}

export type ObjectionCall = { id: number; heardAt: string; tag: string; text: string; taskId: string; enrollmentId: string | null; prospectId: string | null; repId: string; sequenceId: string | null; stepId: string };

/** The calls where one tag was heard, in the order they were recorded. */
export async function objectionCalls(db: Database, f: ObjectionFilter & { tag: string; limit: number; afterId: number | null }): Promise<{ data: ObjectionCall[]; nextCursor: string | null }> {
  const rows = await db
    .select({ id: o.id, heardAt: o.heardAt, tag: o.tag, text: o.text, taskId: o.taskId, enrollmentId: o.enrollmentId, prospectId: o.prospectId, repId: o.repId, sequenceId: o.sequenceId, stepId: o.stepId })
    .from(o)
    .where(and(heard(f), eq(o.tag, f.tag), f.afterId !== null ? gt(o.id, f.afterId) : undefined))
    .orderBy(asc(o.id))
    .limit(f.limit + 1);
  const result = page(rows, f.limit, (r) => ({ k: null, id: r.id }));
  return { data: result.data.map((r) => ({ ...r, heardAt: r.heardAt.toISOString() })), nextCursor: result.nextCursor };
}
