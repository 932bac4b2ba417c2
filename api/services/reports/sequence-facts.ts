// Sequence analytics (issue 19 §4), as facts: one row per (figure, version, step, enrollment).
// The summary counts them and the drill-down lists them, from the same rows, so a figure and its
// rows never disagree.
//
// The cohort: the sequence's enrollments whose first touch happened in the period, followed up to
// now. An enrollment's facts do not depend on the period, so they are rolled up per enrollment in
// `enrollment_facts` by triggers in the transaction that writes a task, a touch or an event (the
// rules are the SQL function enrollment_facts_of, migration report_facts; docs/reports.md), and a
// period's cohort is one index range of their first touches.
import { sql, type SQL } from 'drizzle-orm';

export const SEQUENCE_FIGURES = [
  'reached',
  'replied',
  'positiveReplies',
  'notInterested',
  'outOfOffice',
  'unsubscribed',
  'optedOut',
  'bounced',
  'meetings',
  'brokenAnnouncements',
  'continued',
  'clicked',
] as const;
export type SequenceFigure = (typeof SEQUENCE_FIGURES)[number];

export type SequenceScope = { workspaceId: string; sequenceId: string; from: Date; to: Date };

const instant = (d: Date) => sql`${d.toISOString()}::timestamptz`;

const DAY = 86_400_000;
const sequencesIn = (ids: readonly string[]) => (ids.length ? sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `) : sql`null`);
/** Clicks count only while the workspace tracks them (its setting, off by default); the rollups keep them all. */
const clicksCounted = (ws: SQL) => sql`(figure <> 'clicked' or (select click_tracking from workspaces where id = ${ws}))`;

/** The facts of the cohort of some sequences over a period, step by step: (sequence_id, figure, version, step_id, enrollment_id, variant, at). */
export function cohortFacts(workspaceId: string, sequenceIds: readonly string[], period: { from: Date; to: Date }): SQL {
  const ws = sql`${workspaceId}::uuid`;
  return sql`select f.sequence_id, f.figure, f.version, f.step_id, f.enrollment_id, f.variant, f.at
      from enrollment_facts f
      where f.workspace_id = ${ws} and f.sequence_id in (${sequencesIn(sequenceIds)}) and f.cohort_at >= ${instant(period.from)} and f.cohort_at < ${instant(period.to)}
        and f.step_id <> '*' and ${clicksCounted(ws)}`;
}

/** `with facts as (...)`: one sequence's cohort's facts (cohortFacts). */
export const sequenceFactsCte = (s: SequenceScope): SQL => sql`with facts as (${cohortFacts(s.workspaceId, [s.sequenceId], s)}) `;

/**
 * How many facts the period's cohort has, per (sequence_id, figure, version, step_id); step '*'
 * counts each enrollment once per figure. The period's whole UTC days are read from their day
 * counts (sequence_fact_days), its partial days at either end from the facts: exact for any instants.
 */
export function cohortCounts(workspaceId: string, sequenceIds: readonly string[], period: { from: Date; to: Date }, o: { anyStepOnly?: boolean } = {}): SQL {
  const ws = sql`${workspaceId}::uuid`;
  const ids = sequencesIn(sequenceIds);
  let wholeFrom = Math.ceil(period.from.getTime() / DAY) * DAY;
  let wholeTo = Math.floor(period.to.getTime() / DAY) * DAY;
  if (wholeFrom >= wholeTo) wholeFrom = wholeTo = period.to.getTime();
  const day = (ms: number) => sql`${new Date(ms).toISOString().slice(0, 10)}::date`;
  const steps = o.anyStepOnly ? sql`and step_id = '*'` : sql``;
  const edge = (from: Date, to: Date) =>
    sql`select sequence_id, figure, version, step_id, 1 as n from enrollment_facts
      where workspace_id = ${ws} and sequence_id in (${ids}) and cohort_at >= ${instant(from)} and cohort_at < ${instant(to)} ${steps}`;
  return sql`select sequence_id, figure, version, step_id, sum(n)::int as n from (
      select sequence_id, figure, version, step_id, n from sequence_fact_days
        where workspace_id = ${ws} and sequence_id in (${ids}) and day >= ${day(wholeFrom)} and day < ${day(wholeTo)} ${steps}
      union all ${edge(period.from, new Date(wholeFrom))}
      union all ${edge(new Date(wholeTo), period.to)}
    ) c where ${clicksCounted(ws)} group by sequence_id, figure, version, step_id having sum(n) <> 0`;
}
