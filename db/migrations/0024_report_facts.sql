CREATE TABLE "enrollment_facts" (
	"enrollment_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"sequence_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"figure" text NOT NULL,
	"step_id" text NOT NULL,
	"variant" text,
	"at" timestamp with time zone NOT NULL,
	"cohort_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enrollment_facts_enrollment_id_figure_step_id_pk" PRIMARY KEY("enrollment_id","figure","step_id")
);
--> statement-breakpoint
CREATE TABLE "objection_days" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"tag" text NOT NULL,
	"sequence_id" uuid,
	"step_id" text NOT NULL,
	"rep_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"last_heard_at" timestamp with time zone,
	CONSTRAINT "objection_days_cell" UNIQUE NULLS NOT DISTINCT("workspace_id","day","tag","sequence_id","step_id","rep_id")
);
--> statement-breakpoint
CREATE TABLE "sequence_fact_days" (
	"workspace_id" uuid NOT NULL,
	"sequence_id" uuid NOT NULL,
	"day" date NOT NULL,
	"version" integer NOT NULL,
	"step_id" text NOT NULL,
	"figure" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "sequence_fact_days_workspace_id_sequence_id_day_version_step_id_figure_pk" PRIMARY KEY("workspace_id","sequence_id","day","version","step_id","figure")
);
--> statement-breakpoint
ALTER TABLE "enrollment_first_touches" ALTER COLUMN "at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollment_facts" ADD CONSTRAINT "enrollment_facts_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrollment_facts_cohort" ON "enrollment_facts" USING btree ("workspace_id","sequence_id","cohort_at","figure","version","step_id","enrollment_id");--> statement-breakpoint
CREATE INDEX "events_enrollment_outcomes" ON "events" USING btree ("enrollment_id","type") WHERE enrollment_id is not null and type in ('prospect.replied', 'prospect.auto_replied', 'prospect.opted_out', 'email.bounced', 'meeting.booked', 'announcement.broken', 'email.clicked');
--> statement-breakpoint
-- The timeline events that are sequence outcomes (the partial index above names the same list).
CREATE FUNCTION sequence_outcome_events() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  select array['prospect.replied', 'prospect.auto_replied', 'prospect.opted_out', 'email.bounced', 'meeting.booked', 'announcement.broken', 'email.clicked']
$$;
--> statement-breakpoint
-- Sequence analytics' facts of some enrollments, computed from their rows: one row per figure and
-- step, at its first instant. The rules (docs/reports.md):
-- a step is reached when its touch happened (its email or provider action sent, or its task done);
-- an outcome counts on the step it is about: the task it was logged on (a meeting, "not
-- interested", a broken announcement's call), else the touch an inbound email answered, else the
-- last step the enrollment reached (a reply or an opt-out stops the cadence after it); a positive
-- reply is a person's reply from an enrollment that then neither opted out nor was logged "not
-- interested"; a step continued when the step after it in the version was reached. Clicks are
-- always kept: a report counts them only while its workspace tracks them. Each figure has a row
-- for step '*' too: the enrollment counted once, whatever the step.
CREATE FUNCTION enrollment_facts_of(ids uuid[])
RETURNS TABLE (enrollment_id uuid, figure text, step_id text, variant text, at timestamptz)
LANGUAGE sql STABLE AS $$
  with cohort as (
    select e.id, e.workspace_id, e.prospect_id, e.sequence_id, e.sequence_version as version from enrollments e where e.id = any(ids)
  ), reach_raw as (
    select t.enrollment_id, split_part(t.step_key, '#', 1) as step_id, t.sent_at as at, false as not_interested, t.variant
      from touches t join cohort c on c.id = t.enrollment_id where t.status = 'sent' and t.sent_at is not null
    union all
    select k.enrollment_id, split_part(k.step_key, '#', 1), k.completed_at, coalesce(k.outcome->>'outcome' = 'not_interested', false), null
      from tasks k join cohort c on c.id = k.enrollment_id where k.status = 'done' and k.completed_at is not null
  ), reach as (
    select r.enrollment_id, r.step_id, min(r.at) as at, min(r.variant) as variant from reach_raw r group by r.enrollment_id, r.step_id
  ), last_step as (
    select distinct on (r.enrollment_id) r.enrollment_id, r.step_id from reach r order by r.enrollment_id, r.at desc, r.step_id
  ), steps as (
    select v.sequence_id, v.version, st.step->>'id' as step_id, lead(st.step->>'id') over (partition by v.sequence_id, v.version order by st.n) as next_id
    from sequence_versions v, jsonb_array_elements(v.definition->'steps') with ordinality as st(step, n)
    where (v.sequence_id, v.version) in (select c.sequence_id, c.version from cohort c)
  ), ev as (
    -- Two joins rather than one with an "or": each finds its events by an index.
    select e.type, e.payload, e.occurred_at, c.id as enrollment_id
    from events e join cohort c on e.enrollment_id = c.id
    where e.enrollment_id is not null and e.type = any(sequence_outcome_events())
    union all
    select e.type, e.payload, e.occurred_at, c.id
    from events e join cohort c on e.workspace_id = c.workspace_id and e.prospect_id = c.prospect_id
    where e.enrollment_id is null and e.type = any(sequence_outcome_events())
  ), outcome as (
    select case ev.type
        when 'prospect.replied' then 'replied'
        when 'prospect.auto_replied' then 'outOfOffice'
        when 'prospect.opted_out' then 'optedOut'
        when 'email.bounced' then case when coalesce(ev.payload->>'kind', 'hard') = 'hard' then 'bounced' end
        when 'meeting.booked' then 'meetings'
        when 'announcement.broken' then 'brokenAnnouncements'
        when 'email.clicked' then 'clicked'
      end as figure,
      ev.enrollment_id, coalesce(split_part(tk.step_key, '#', 1), split_part(tc.step_key, '#', 1), ls.step_id) as step_id, ev.occurred_at as at,
      ev.type = 'prospect.opted_out' and (ev.payload->>'source' = 'unsubscribe' or ev.payload->>'complaint' = 'true') as unsubscribe
    from ev
    -- A payload's id as a uuid, null when it is not one: the join then uses the primary key.
    left join tasks tk on tk.id = (case when ev.payload->>'taskId' ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then (ev.payload->>'taskId')::uuid end)
      and tk.enrollment_id = ev.enrollment_id
    left join touches tc on tc.id = (case when ev.payload->>'touchId' ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then (ev.payload->>'touchId')::uuid end)
      and tc.enrollment_id = ev.enrollment_id
    left join last_step ls on ls.enrollment_id = ev.enrollment_id
  ), fact_raw as (
    select 'reached' as figure, r.enrollment_id, r.step_id, r.at, r.variant from reach r
    union all
    select o.figure, o.enrollment_id, o.step_id, o.at, null from outcome o where o.figure is not null and o.step_id is not null
    union all
    select 'notInterested', r.enrollment_id, r.step_id, r.at, null from reach_raw r where r.not_interested
    union all
    select 'unsubscribed', o.enrollment_id, o.step_id, o.at, null from outcome o where o.unsubscribe and o.step_id is not null
    union all
    -- A "remove me" is a reply, never a positive one.
    select 'positiveReplies', o.enrollment_id, o.step_id, o.at, null from outcome o where o.figure = 'replied' and o.step_id is not null
      and not exists (select 1 from outcome x where x.enrollment_id = o.enrollment_id and x.figure = 'optedOut')
      and not exists (select 1 from reach_raw r where r.enrollment_id = o.enrollment_id and r.not_interested)
    union all
    select 'continued', r.enrollment_id, r.step_id, nx.at, null from reach r join cohort c on c.id = r.enrollment_id
      join steps st on st.sequence_id = c.sequence_id and st.version = c.version and st.step_id = r.step_id
      join reach nx on nx.enrollment_id = r.enrollment_id and nx.step_id = st.next_id
  ), per_step as (
    select f.enrollment_id, f.figure, f.step_id, min(f.variant) as variant, min(f.at) as at from fact_raw f group by f.enrollment_id, f.figure, f.step_id
  )
  select p.enrollment_id, p.figure, p.step_id, p.variant, p.at from per_step p
  union all
  -- Step '*': the enrollment once per figure, whatever its step (a cohort, a sequence's totals).
  select p.enrollment_id, p.figure, '*', null, min(p.at) from per_step p group by p.enrollment_id, p.figure
$$;
--> statement-breakpoint
-- Recomputes the facts and the first touch of some enrollments, writing only what changed (so the
-- day counts below move only then). Their first-touch rows are locked first, in id order (so two
-- writers cannot deadlock), until the transaction ends: a writer refreshing the same enrollment
-- waits, and its next statement's snapshot sees what this one wrote.
CREATE FUNCTION refresh_enrollment_facts(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  INSERT INTO enrollment_first_touches (enrollment_id, workspace_id, sequence_id)
    SELECT e.id, e.workspace_id, e.sequence_id FROM enrollments e WHERE e.id = any(ids) ORDER BY e.id
    ON CONFLICT (enrollment_id) DO NOTHING;
  PERFORM 1 FROM enrollment_first_touches h WHERE h.enrollment_id = any(ids) ORDER BY h.enrollment_id FOR UPDATE;
  WITH fresh AS MATERIALIZED (
    -- An enrollment with no touch yet has no cohort: none of its facts is kept.
    SELECT x.enrollment_id, e.workspace_id, e.sequence_id, e.sequence_version AS version, x.figure, x.step_id, x.variant, x.at, x.cohort_at
    FROM (SELECT f.*, min(f.at) FILTER (WHERE f.figure = 'reached') OVER (PARTITION BY f.enrollment_id) AS cohort_at FROM enrollment_facts_of(ids) f) x
    JOIN enrollments e ON e.id = x.enrollment_id
    WHERE x.cohort_at IS NOT NULL
  ), gone AS (
    DELETE FROM enrollment_facts f WHERE f.enrollment_id = any(ids)
      AND NOT EXISTS (SELECT 1 FROM fresh x WHERE x.enrollment_id = f.enrollment_id AND x.figure = f.figure AND x.step_id = f.step_id)
  )
  INSERT INTO enrollment_facts AS f (enrollment_id, workspace_id, sequence_id, version, figure, step_id, variant, at, cohort_at)
    SELECT * FROM fresh ORDER BY enrollment_id, figure, step_id
    ON CONFLICT (enrollment_id, figure, step_id) DO UPDATE
      SET workspace_id = excluded.workspace_id, sequence_id = excluded.sequence_id, version = excluded.version, variant = excluded.variant, at = excluded.at, cohort_at = excluded.cohort_at
      WHERE (f.workspace_id, f.sequence_id, f.version, f.variant, f.at, f.cohort_at) IS DISTINCT FROM (excluded.workspace_id, excluded.sequence_id, excluded.version, excluded.variant, excluded.at, excluded.cohort_at);
  UPDATE enrollment_first_touches h SET at = x.at
    FROM (SELECT i.id, (SELECT min(f.cohort_at) FROM enrollment_facts f WHERE f.enrollment_id = i.id) AS at FROM unnest(ids) AS i(id)) x
    WHERE h.enrollment_id = x.id AND h.at IS DISTINCT FROM x.at;
END $$;
--> statement-breakpoint
-- A statement trigger's rows, signed: +1 for each row it added (new_rows), -1 for each it removed
-- (old_rows); an update is both.
CREATE FUNCTION signed_transition_rows(op text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  select case op when 'INSERT' then 'select 1 as sign, * from new_rows' when 'DELETE' then 'select -1 as sign, * from old_rows'
    else 'select 1 as sign, * from new_rows union all select -1 as sign, * from old_rows' end
$$;
--> statement-breakpoint
-- The day counts follow every change of the facts (a refresh, an enrollment deleted with its
-- facts), one grouped upsert per statement, keys in order; a change that moves no count writes nothing.
CREATE FUNCTION sequence_fact_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := signed_transition_rows(TG_OP);
BEGIN
  EXECUTE format($q$
    insert into sequence_fact_days as d (workspace_id, sequence_id, day, version, step_id, figure, n)
    select c.workspace_id, c.sequence_id, (c.cohort_at at time zone 'UTC')::date, c.version, c.step_id, c.figure, sum(c.sign)
    from (%s) c
    group by 1, 2, 3, 4, 5, 6 having sum(c.sign) <> 0 order by 1, 2, 3, 4, 5, 6
    on conflict (workspace_id, sequence_id, day, version, step_id, figure) do update set n = d.n + excluded.n
  $q$, changed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER enrollment_facts_days_insert AFTER INSERT ON enrollment_facts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sequence_fact_days_count();
--> statement-breakpoint
CREATE TRIGGER enrollment_facts_days_update AFTER UPDATE ON enrollment_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sequence_fact_days_count();
--> statement-breakpoint
CREATE TRIGGER enrollment_facts_days_delete AFTER DELETE ON enrollment_facts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sequence_fact_days_count();
--> statement-breakpoint
-- After a statement on tasks or touches: the enrollments whose rows it added, removed or changed in
-- a column the facts read (TG_ARGV[0], a comma-separated list); an update of anything else (a
-- claim, a prep edit) refreshes nothing.
CREATE FUNCTION enrollment_facts_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols text[] := string_to_array(TG_ARGV[0], ',');
  moved text;
  changed text;
  ids uuid[];
BEGIN
  moved := format('from new_rows n join old_rows o on o.id = n.id where (%s) is distinct from (%s)',
    (SELECT string_agg('n.' || quote_ident(c), ', ') FROM unnest(cols) c), (SELECT string_agg('o.' || quote_ident(c), ', ') FROM unnest(cols) c));
  changed := CASE TG_OP
    WHEN 'INSERT' THEN 'select enrollment_id from new_rows'
    WHEN 'DELETE' THEN 'select enrollment_id from old_rows'
    ELSE 'select n.enrollment_id ' || moved || ' union all select o.enrollment_id ' || moved END;
  EXECUTE format('select array_agg(distinct enrollment_id order by enrollment_id) from (%s) c where enrollment_id is not null', changed) INTO ids;
  PERFORM refresh_enrollment_facts(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- After events are added or removed: the enrollments of the outcomes among them, an outcome about a
-- prospect (no enrollment: an opt-out from anywhere) counting for each of its enrollments.
CREATE FUNCTION enrollment_facts_after_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  EXECUTE format($q$
    select array_agg(distinct id order by id) from (
      select r.enrollment_id as id from %1$I r where r.enrollment_id is not null and r.type = any(sequence_outcome_events())
      union all
      select e.id from %1$I r join enrollments e on e.workspace_id = r.workspace_id and e.prospect_id = r.prospect_id
      where r.enrollment_id is null and r.type = any(sequence_outcome_events())
    ) c$q$, CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END) INTO ids;
  PERFORM refresh_enrollment_facts(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Replaced by the facts' refresh, which keeps the first touch too.
DROP TRIGGER tasks_first_touch_insert ON tasks;
--> statement-breakpoint
DROP TRIGGER tasks_first_touch_update ON tasks;
--> statement-breakpoint
DROP TRIGGER tasks_first_touch_delete ON tasks;
--> statement-breakpoint
DROP TRIGGER touches_first_touch_insert ON touches;
--> statement-breakpoint
DROP TRIGGER touches_first_touch_update ON touches;
--> statement-breakpoint
DROP TRIGGER touches_first_touch_delete ON touches;
--> statement-breakpoint
DROP FUNCTION enrollment_first_touch_refresh();
--> statement-breakpoint
-- The backfill: every enrollment touched so far.
SELECT refresh_enrollment_facts((SELECT array_agg(id ORDER BY id) FROM enrollments));
--> statement-breakpoint
CREATE TRIGGER tasks_facts_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_facts_after_write('status,completed_at,step_key,outcome,enrollment_id');
--> statement-breakpoint
CREATE TRIGGER tasks_facts_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_facts_after_write('status,completed_at,step_key,outcome,enrollment_id');
--> statement-breakpoint
CREATE TRIGGER tasks_facts_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_facts_after_write('status,completed_at,step_key,outcome,enrollment_id');
--> statement-breakpoint
CREATE TRIGGER touches_facts_insert AFTER INSERT ON touches REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_facts_after_write('status,sent_at,step_key,variant,enrollment_id');
--> statement-breakpoint
CREATE TRIGGER touches_facts_update AFTER UPDATE ON touches REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_facts_after_write('status,sent_at,step_key,variant,enrollment_id');
--> statement-breakpoint
CREATE TRIGGER touches_facts_delete AFTER DELETE ON touches REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_facts_after_write('status,sent_at,step_key,variant,enrollment_id');
--> statement-breakpoint
CREATE TRIGGER events_facts_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_facts_after_event();
--> statement-breakpoint
CREATE TRIGGER events_facts_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_facts_after_event();
--> statement-breakpoint
-- The objections report's day counts: one grouped upsert per statement on objections, cells in
-- order. A cell's last instant only grows on insert; an objection removed or moved (its task or
-- enrollment deleted, its sequence deleted) has its old cells' last instant read again.
CREATE FUNCTION objection_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := signed_transition_rows(TG_OP);
BEGIN
  EXECUTE format($q$
    insert into objection_days as d (workspace_id, day, tag, sequence_id, step_id, rep_id, n, last_heard_at)
    select c.workspace_id, (c.heard_at at time zone 'UTC')::date, c.tag, c.sequence_id, c.step_id, c.rep_id, sum(c.sign), max(c.heard_at) filter (where c.sign > 0)
    from (%s) c
    group by 1, 2, 3, 4, 5, 6 having sum(c.sign) <> 0 or max(c.heard_at) filter (where c.sign > 0) is not null
    order by 1, 2, 3, 4, 5, 6
    on conflict (workspace_id, day, tag, sequence_id, step_id, rep_id) do update set n = d.n + excluded.n, last_heard_at = greatest(d.last_heard_at, excluded.last_heard_at)
  $q$, changed);
  IF TG_OP <> 'INSERT' THEN
    UPDATE objection_days d SET last_heard_at = (
        SELECT max(o.heard_at) FROM objections o
        WHERE o.workspace_id = d.workspace_id AND o.heard_at >= (d.day::timestamp AT TIME ZONE 'UTC') AND o.heard_at < ((d.day + 1)::timestamp AT TIME ZONE 'UTC')
          AND o.tag = d.tag AND o.sequence_id IS NOT DISTINCT FROM d.sequence_id AND o.step_id = d.step_id AND o.rep_id = d.rep_id)
      FROM (SELECT DISTINCT workspace_id, (heard_at AT TIME ZONE 'UTC')::date AS day, tag, sequence_id, step_id, rep_id FROM old_rows) x
      WHERE d.workspace_id = x.workspace_id AND d.day = x.day AND d.tag = x.tag AND d.sequence_id IS NOT DISTINCT FROM x.sequence_id AND d.step_id = x.step_id AND d.rep_id = x.rep_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The backfill: the objections already heard.
INSERT INTO objection_days (workspace_id, day, tag, sequence_id, step_id, rep_id, n, last_heard_at)
SELECT workspace_id, (heard_at AT TIME ZONE 'UTC')::date, tag, sequence_id, step_id, rep_id, count(*), max(heard_at)
FROM objections GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
CREATE TRIGGER objections_days_insert AFTER INSERT ON objections REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION objection_days_count();
--> statement-breakpoint
CREATE TRIGGER objections_days_update AFTER UPDATE ON objections REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION objection_days_count();
--> statement-breakpoint
CREATE TRIGGER objections_days_delete AFTER DELETE ON objections REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION objection_days_count();
