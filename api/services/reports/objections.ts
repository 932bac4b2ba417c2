// The objections report (PLAYBOOK §2: the team wants the objections that come back most): each
// objection heard on a call, by tag, with where it was heard (sequence, step, rep), its weekly
// trend, and the calls behind it. Heard at the call task's completion (the rep's time).
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { enrollments, events, tasks } from '../../../db/schema.js';
import { page } from '../../pagination.js';

export type ObjectionFilter = { workspaceId: string; from: Date; to: Date; sequenceId?: string | undefined; stepId?: string | undefined; repId?: string | undefined };

const text = sql`(${events.payload} ->> 'text')`;
// The same as domain/reports/objection-tag.ts.
const tag = sql`lower(trim(regexp_replace(trim(regexp_replace(case when strpos(${text}, ':') > 0 then split_part(${text}, ':', 1) else ${text} end, '\\s+', ' ', 'g')), '[.!?,;]+$', '')))`;
const heardAt = sql`coalesce(${tasks.completedAt}, ${events.occurredAt})`;
const stepId = sql`split_part(${tasks.stepKey}, '#', 1)`;
const taskId = sql`case when (${events.payload} ->> 'taskId') ~ '^[0-9a-fA-F-]{36}$' then (${events.payload} ->> 'taskId')::uuid end`;

/** The objections heard in the period that match the filter, as a FROM ... WHERE clause. */
function heard(f: ObjectionFilter, extra?: SQL): SQL {
  return sql`from ${events} left join ${tasks} on ${tasks.id} = ${taskId} left join ${enrollments} on ${enrollments.id} = ${events.enrollmentId}
    where ${events.workspaceId} = ${f.workspaceId}::uuid and ${events.type} = 'objection.heard'
      and ${heardAt} >= ${f.from.toISOString()}::timestamptz and ${heardAt} < ${f.to.toISOString()}::timestamptz
      ${f.sequenceId ? sql`and ${enrollments.sequenceId} = ${f.sequenceId}::uuid` : sql``}
      ${f.stepId ? sql`and ${stepId} = ${f.stepId}` : sql``}
      ${f.repId ? sql`and ${tasks.repId} = ${f.repId}::uuid` : sql``}
      ${extra ? sql`and ${extra}` : sql``}`;
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
    await db.execute(sql`select ${tag} as tag, ${enrollments.sequenceId} as sequence_id, ${stepId} as step_id, ${tasks.repId} as rep_id,
      to_char(date_trunc('week', ${heardAt} at time zone 'UTC'), 'YYYY-MM-DD') as week, count(*)::int as n, (array_agg(distinct ${text} order by ${text}))[1:3] as examples, max(${heardAt}) as last
      ${heard(f)} group by 1, 2, 3, 4, 5`),
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

export type ObjectionCall = { eventId: number; heardAt: string; tag: string; text: string; taskId: string | null; enrollmentId: string | null; prospectId: string | null; repId: string | null; sequenceId: string | null; stepId: string | null };

/** The calls where one tag was heard, in the order they were recorded. */
export async function objectionCalls(db: Database, f: ObjectionFilter & { tag: string; limit: number; afterId: number | null }): Promise<{ data: ObjectionCall[]; nextCursor: string | null }> {
  const rows = rowsOf<ObjectionCall>(
    await db.execute(sql`select ${events.id}::bigint as "eventId", ${heardAt} as "heardAt", ${tag} as tag, ${text} as text, ${tasks.id} as "taskId",
      ${events.enrollmentId} as "enrollmentId", ${events.prospectId} as "prospectId", ${tasks.repId} as "repId", ${enrollments.sequenceId} as "sequenceId", ${stepId} as "stepId"
      ${heard(f, sql`${tag} = ${f.tag}${f.afterId !== null ? sql` and ${events.id} > ${f.afterId}` : sql``}`)} order by ${events.id} limit ${f.limit + 1}`),
  );
  const result = page(rows, f.limit, (r) => ({ k: null, id: Number(r.eventId) }));
  return { data: result.data.map((r) => ({ ...r, eventId: Number(r.eventId), heardAt: new Date(r.heardAt).toISOString() })), nextCursor: result.nextCursor };
}
