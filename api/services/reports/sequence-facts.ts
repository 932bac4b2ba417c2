// Sequence analytics (issue 19 §4), as facts: one row per (figure, version, step, enrollment),
// from the raw rows. The summary counts them and the drill-down lists them, from the same query,
// so a figure and its rows never disagree.
//
// The cohort: the sequence's enrollments whose first touch happened in the period, followed up to
// now. A step is reached when its touch happened: its email or provider action sent, or its task
// done by the rep. An outcome counts on the step it is about: the task it was logged on (a meeting,
// "not interested", a broken announcement's call), else the touch an inbound email answered, else
// the last step the enrollment reached (a reply or an opt-out stops the cadence after it).
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

/** The timeline events that are outcomes, and the figure each one counts in. */
// "Not interested" is read from the tasks (the outcome the close wrote): a timeline has one task.completed per task.
const OUTCOME_EVENTS = ['prospect.replied', 'prospect.auto_replied', 'prospect.opted_out', 'email.bounced', 'meeting.booked', 'announcement.broken', 'email.clicked'];

export type SequenceScope = { workspaceId: string; sequenceId: string; from: Date; to: Date };

const instant = (d: Date) => sql`${d.toISOString()}::timestamptz`;
/** A payload's id as a uuid, null when it is not one: the join then uses the primary key. */
const uuidIn = (text: SQL) => sql`(case when ${text} ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then (${text})::uuid end)`;

/** `with ... facts as (figure, version, step_id, enrollment_id, prospect_id, rep_id, at)`: a distinct row per figure, step and enrollment. */
export function sequenceFactsCte(s: SequenceScope): SQL {
  const ws = sql`${s.workspaceId}::uuid`;
  const types = sql.join(OUTCOME_EVENTS.map((t) => sql`${t}`), sql`, `);
  return sql`with cohort as (
      -- The enrollments whose first touch is in the period: one index range of their first touches
      -- (enrollment_first_touches, kept by triggers on tasks and touches).
      select e.id, e.prospect_id, e.rep_id, e.sequence_version as version
      from enrollment_first_touches ft join enrollments e on e.id = ft.enrollment_id
      where ft.workspace_id = ${ws} and ft.sequence_id = ${s.sequenceId}::uuid and ft.at >= ${instant(s.from)} and ft.at < ${instant(s.to)}
    ), reach_raw as (
      select t.enrollment_id, split_part(t.step_key, '#', 1) as step_id, t.sent_at as at, false as not_interested
        from touches t join cohort c on c.id = t.enrollment_id where t.workspace_id = ${ws} and t.status = 'sent' and t.sent_at is not null
      union all
      select k.enrollment_id, split_part(k.step_key, '#', 1), k.completed_at, coalesce(k.outcome->>'outcome' = 'not_interested', false)
        from tasks k join cohort c on c.id = k.enrollment_id where k.workspace_id = ${ws} and k.status = 'done' and k.completed_at is not null
    ), reach as (
      select enrollment_id, step_id, min(at) as at from reach_raw group by enrollment_id, step_id
    ), last_step as (
      select distinct on (enrollment_id) enrollment_id, step_id from reach order by enrollment_id, at desc, step_id
    ), steps as (
      select v.version, st.step->>'id' as step_id, lead(st.step->>'id') over (partition by v.version order by st.n) as next_id
      from sequence_versions v, jsonb_array_elements(v.definition->'steps') with ordinality as st(step, n)
      where v.workspace_id = ${ws} and v.sequence_id = ${s.sequenceId}::uuid
    ), ev as (
      -- Two joins rather than one with an "or": each finds its events by an index.
      select e.type, e.payload, e.occurred_at, c.id as enrollment_id
      from events e join cohort c on e.enrollment_id = c.id
      where e.workspace_id = ${ws} and e.type in (${types})
      union all
      select e.type, e.payload, e.occurred_at, c.id
      from events e join cohort c on e.prospect_id = c.prospect_id
      where e.workspace_id = ${ws} and e.enrollment_id is null and e.type in (${types})
    ), outcome as (
      select case ev.type
          when 'prospect.replied' then 'replied'
          when 'prospect.auto_replied' then 'outOfOffice'
          when 'prospect.opted_out' then 'optedOut'
          when 'email.bounced' then case when coalesce(ev.payload->>'kind', 'hard') = 'hard' then 'bounced' end
          when 'meeting.booked' then 'meetings'
          when 'announcement.broken' then 'brokenAnnouncements'
          -- Clicks count only while the workspace tracks them (its setting, off by default).
          when 'email.clicked' then case when (select click_tracking from workspaces where id = ${ws}) then 'clicked' end
        end as figure,
        ev.enrollment_id, coalesce(split_part(tk.step_key, '#', 1), split_part(tc.step_key, '#', 1), ls.step_id) as step_id, ev.occurred_at as at,
        ev.type = 'prospect.opted_out' and (ev.payload->>'source' = 'unsubscribe' or ev.payload->>'complaint' = 'true') as unsubscribe
      from ev
      left join tasks tk on tk.id = ${uuidIn(sql`ev.payload->>'taskId'`)} and tk.enrollment_id = ev.enrollment_id
      left join touches tc on tc.id = ${uuidIn(sql`ev.payload->>'touchId'`)} and tc.enrollment_id = ev.enrollment_id
      left join last_step ls on ls.enrollment_id = ev.enrollment_id
    ), fact_raw as (
      select 'reached' as figure, r.enrollment_id, r.step_id, r.at from reach r join cohort c on c.id = r.enrollment_id
      union all
      select figure, enrollment_id, step_id, at from outcome where figure is not null
      union all
      select 'notInterested', enrollment_id, step_id, at from reach_raw where not_interested
      union all
      select 'unsubscribed', enrollment_id, step_id, at from outcome where unsubscribe
      union all
      -- A positive reply: a person's reply (the classifier's "reply") from an enrollment that then
      -- neither opted out nor was logged "not interested": a "remove me" is a reply, never a positive one.
      select 'positiveReplies', o.enrollment_id, o.step_id, o.at from outcome o where o.figure = 'replied'
        and not exists (select 1 from outcome x where x.enrollment_id = o.enrollment_id and x.figure = 'optedOut')
        and not exists (select 1 from reach_raw r where r.enrollment_id = o.enrollment_id and r.not_interested)
      union all
      select 'continued', r.enrollment_id, r.step_id, nx.at from reach r join cohort c on c.id = r.enrollment_id
        join steps st on st.version = c.version and st.step_id = r.step_id
        join reach nx on nx.enrollment_id = r.enrollment_id and nx.step_id = st.next_id
    ), facts as (
      select f.figure, c.version, f.step_id, f.enrollment_id, c.prospect_id, c.rep_id, min(f.at) as at
      from fact_raw f join cohort c on c.id = f.enrollment_id
      group by f.figure, c.version, f.step_id, f.enrollment_id, c.prospect_id, c.rep_id
    ) `;
}
