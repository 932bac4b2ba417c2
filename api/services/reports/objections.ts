// The objections report (PLAYBOOK §2: the team wants the objections that come back most): each
// objection heard on a call, by tag, with where it was heard (sequence, step, rep), its weekly
// trend, and the calls behind it; counted from day counts kept by triggers (objection_days) and the
// objections of the period's partial days, the examples and calls read from the objections.
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

const DAY = 86_400_000;

/** The period's objections as (tag, sequence_id, step_id, rep_id, day, n, last): whole UTC days from their counts, the rest one by one. */
function periodCells(f: ObjectionFilter): SQL {
  let wholeFrom = Math.ceil(f.from.getTime() / DAY) * DAY;
  let wholeTo = Math.floor(f.to.getTime() / DAY) * DAY;
  if (wholeFrom >= wholeTo) wholeFrom = wholeTo = f.to.getTime();
  const day = (ms: number) => sql`${new Date(ms).toISOString().slice(0, 10)}::date`;
  const where = sql.join(
    [
      sql`workspace_id = ${f.workspaceId}::uuid`,
      ...(f.sequenceId ? [sql`sequence_id = ${f.sequenceId}::uuid`] : []),
      ...(f.stepId ? [sql`step_id = ${f.stepId}`] : []),
      ...(f.repId ? [sql`rep_id = ${f.repId}::uuid`] : []),
    ],
    sql` and `,
  );
  const edge = (from: number, to: number) =>
    sql`select tag, sequence_id, step_id, rep_id, (heard_at at time zone 'UTC')::date as day, 1 as n, heard_at as last from objections
      where ${where} and heard_at >= ${new Date(from).toISOString()}::timestamptz and heard_at < ${new Date(to).toISOString()}::timestamptz`;
  return sql`select tag, sequence_id, step_id, rep_id, day, n, last_heard_at as last from objection_days where ${where} and day >= ${day(wholeFrom)} and day < ${day(wholeTo)} and n > 0
    union all ${edge(f.from.getTime(), wholeFrom)}
    union all ${edge(wholeTo, f.to.getTime())}`;
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

/** One count of a tag alone (`by` null) or by one dimension of where it was heard. */
type Cell = { tag: string; by: 'sequence' | 'step' | 'rep' | 'week' | null; key: string | null; n: number; last: string };

const add = <K extends string>(list: Count<K>[], key: K, value: string | null, n: number) => list.push({ [key]: value, count: n } as Count<K>);
const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;

/** The top tags, most heard first (ties by tag). */
export async function objectionsReport(db: Database, f: ObjectionFilter, top: number): Promise<{ total: number; objections: ObjectionSummary[] }> {
  // One pass over the period's cells, counted by each dimension on its own (grouping sets), not by
  // their cross product: the product has about as many groups as rows. Whole UTC days come from
  // their day counts (objection_days), the partial days at either end from the objections.
  const cells = rowsOf<Cell>(
    await db.execute(sql`select tag, case grouping(sequence_id, step_id, rep_id, week) when 7 then 'sequence' when 11 then 'step' when 13 then 'rep' when 14 then 'week' end as by,
        coalesce(sequence_id::text, step_id, rep_id::text, week) as key, sum(n)::int as n, max(last) as last
      from (select tag, sequence_id, step_id, rep_id, n, last, to_char(date_trunc('week', day::timestamp), 'YYYY-MM-DD') as week from (${periodCells(f)}) c) x
      group by grouping sets ((tag), (tag, sequence_id), (tag, step_id), (tag, rep_id), (tag, week))`),
  );
  // A tag's examples: its first three distinct wordings.
  const examples = rowsOf<{ tag: string; text: string }>(
    await db.execute(sql`select tag, text from (select tag, text, row_number() over (partition by tag order by text) as k
      from (select distinct ${o.tag} as tag, ${o.text} as text from ${o} where ${heard(f)}) d) x where k <= 3`),
  );
  const tags = new Map<string, ObjectionSummary>();
  let total = 0;
  const tagOf = (tag: string) => {
    const t = tags.get(tag) ?? { tag, count: 0, share: 0, examples: [], lastHeardAt: '', bySequence: [], byStep: [], byRep: [], weekly: [] };
    tags.set(tag, t);
    return t;
  };
  for (const c of cells) {
    const t = tagOf(c.tag);
    if (c.by === null) {
      total += c.n;
      t.count = c.n;
      t.lastHeardAt = new Date(c.last).toISOString();
    } else if (c.by === 'sequence') add(t.bySequence, 'sequenceId', c.key, c.n);
    else if (c.by === 'step') add(t.byStep, 'stepId', c.key, c.n);
    else if (c.by === 'rep') add(t.byRep, 'repId', c.key, c.n);
    else t.weekly.push({ weekStart: c.key!, count: c.n });
  }
  for (const e of examples) tagOf(e.tag).examples.push(e.text);
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
