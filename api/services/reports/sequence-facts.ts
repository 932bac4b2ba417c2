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

/** The facts of the cohort of some sequences over a period: (sequence_id, figure, version, step_id, enrollment_id, variant, at); clicks only while the workspace tracks them. */
export function cohortFacts(workspaceId: string, sequenceIds: readonly string[], period: { from: Date; to: Date }): SQL {
  const ws = sql`${workspaceId}::uuid`;
  const ids = sequenceIds.length ? sql.join(sequenceIds.map((id) => sql`${id}::uuid`), sql`, `) : sql`null`;
  return sql`select f.sequence_id, f.figure, f.version, f.step_id, f.enrollment_id, f.variant, f.at
      from enrollment_facts f
      where f.workspace_id = ${ws} and f.sequence_id in (${ids}) and f.cohort_at >= ${instant(period.from)} and f.cohort_at < ${instant(period.to)}
        and (f.figure <> 'clicked' or (select click_tracking from workspaces where id = ${ws}))`;
}

/** `with facts as (...)`: one sequence's cohort's facts (cohortFacts). */
export const sequenceFactsCte = (s: SequenceScope): SQL => sql`with facts as (${cohortFacts(s.workspaceId, [s.sequenceId], s)}) `;
