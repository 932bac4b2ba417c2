CREATE TABLE "enrollment_first_touches" (
	"enrollment_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"sequence_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rep_activity_days" (
	"workspace_id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"day" date NOT NULL,
	"tasks_due" integer DEFAULT 0 NOT NULL,
	"done_on_time" integer DEFAULT 0 NOT NULL,
	"done_late" integer DEFAULT 0 NOT NULL,
	"open_tasks" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"missed" integer DEFAULT 0 NOT NULL,
	"announced_kept" integer DEFAULT 0 NOT NULL,
	"announced_broken" integer DEFAULT 0 NOT NULL,
	"calls_made" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rep_activity_days_workspace_id_rep_id_day_pk" PRIMARY KEY("workspace_id","rep_id","day")
);
--> statement-breakpoint
ALTER TABLE "enrollment_first_touches" ADD CONSTRAINT "enrollment_first_touches_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrollment_first_touches_cohort" ON "enrollment_first_touches" USING btree ("workspace_id","sequence_id","at");--> statement-breakpoint
-- What one task adds to the manager's view: a row for its due day (its state) and, once it is a
-- call made, a row for its completion day. The same conditions as api/services/reports/activity-figures.ts
-- (tests/reports/rollup-consistency.test.ts compares them with a recount).
CREATE FUNCTION rep_activity_contributions(s integer, ws uuid, rep uuid, st text, knd text, rnk smallint, due timestamptz, done timestamptz)
RETURNS TABLE (workspace_id uuid, rep_id uuid, day date, tasks_due integer, done_on_time integer, done_late integer, open_tasks integer,
  skipped integer, missed integer, announced_kept integer, announced_broken integer, calls_made integer)
LANGUAGE sql IMMUTABLE AS $$
  select ws, rep, (due at time zone 'UTC')::date,
    s * (st <> 'upcoming')::int,
    s * coalesce(st = 'done' and done <= due + interval '60 minutes', false)::int,
    s * coalesce(st = 'done' and done > due + interval '60 minutes', false)::int,
    s * (st = 'open')::int,
    s * (st = 'cancelled')::int,
    s * (st = 'missed')::int,
    s * (rnk = 1 and st = 'done')::int,
    s * (rnk = 1 and st = 'missed')::int,
    0
  union all
  select ws, rep, (done at time zone 'UTC')::date, 0, 0, 0, 0, 0, 0, 0, 0, s
  where st = 'done' and done is not null and knd in ('call', 'callback', 'escalation_call')
$$;
--> statement-breakpoint
-- Statement triggers with transition tables: a bulk write (an import, a cadence's cancel) adds one
-- grouped upsert, not one per task. Keys are upserted in order so concurrent writers do not deadlock;
-- an update that changes no figure (a prep edit, a claim) writes nothing.
CREATE FUNCTION rep_activity_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'select 1 as sign, * from new_tasks'
    WHEN 'DELETE' THEN 'select -1 as sign, * from old_tasks'
    ELSE 'select 1 as sign, * from new_tasks union all select -1 as sign, * from old_tasks' END;
BEGIN
  EXECUTE format($q$
    insert into rep_activity_days as r (workspace_id, rep_id, day, tasks_due, done_on_time, done_late, open_tasks, skipped, missed, announced_kept, announced_broken, calls_made)
    select c.workspace_id, c.rep_id, c.day, sum(c.tasks_due), sum(c.done_on_time), sum(c.done_late), sum(c.open_tasks), sum(c.skipped), sum(c.missed),
      sum(c.announced_kept), sum(c.announced_broken), sum(c.calls_made)
    from (%s) t cross join lateral rep_activity_contributions(t.sign, t.workspace_id, t.rep_id, t.status, t.kind, t.queue_rank, t.due_at, t.completed_at) c
    group by 1, 2, 3
    having (sum(c.tasks_due), sum(c.done_on_time), sum(c.done_late), sum(c.open_tasks), sum(c.skipped), sum(c.missed), sum(c.announced_kept), sum(c.announced_broken), sum(c.calls_made))
      <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
    order by 1, 2, 3
    on conflict (workspace_id, rep_id, day) do update set
      tasks_due = r.tasks_due + excluded.tasks_due, done_on_time = r.done_on_time + excluded.done_on_time, done_late = r.done_late + excluded.done_late,
      open_tasks = r.open_tasks + excluded.open_tasks, skipped = r.skipped + excluded.skipped, missed = r.missed + excluded.missed,
      announced_kept = r.announced_kept + excluded.announced_kept, announced_broken = r.announced_broken + excluded.announced_broken,
      calls_made = r.calls_made + excluded.calls_made
  $q$, changed);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The backfill: the tasks already there, counted once.
INSERT INTO rep_activity_days (workspace_id, rep_id, day, tasks_due, done_on_time, done_late, open_tasks, skipped, missed, announced_kept, announced_broken, calls_made)
SELECT c.workspace_id, c.rep_id, c.day, sum(c.tasks_due), sum(c.done_on_time), sum(c.done_late), sum(c.open_tasks), sum(c.skipped), sum(c.missed),
  sum(c.announced_kept), sum(c.announced_broken), sum(c.calls_made)
FROM tasks t CROSS JOIN LATERAL rep_activity_contributions(1, t.workspace_id, t.rep_id, t.status, t.kind, t.queue_rank, t.due_at, t.completed_at) c
GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER tasks_rep_activity_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_tasks FOR EACH STATEMENT EXECUTE FUNCTION rep_activity_days_count();
--> statement-breakpoint
CREATE TRIGGER tasks_rep_activity_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_tasks NEW TABLE AS new_tasks FOR EACH STATEMENT EXECUTE FUNCTION rep_activity_days_count();
--> statement-breakpoint
CREATE TRIGGER tasks_rep_activity_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_tasks FOR EACH STATEMENT EXECUTE FUNCTION rep_activity_days_count();
--> statement-breakpoint
-- Recounts the first touch of the enrollments a statement on tasks or touches changed (TG_ARGV[0]:
-- the table's touch time, completed_at or sent_at): exact whatever the change, a touch added, moved
-- or gone. An enrollment deleted in the same transaction is invisible here, so it gets no row.
CREATE FUNCTION enrollment_first_touch_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved text := format('from new_rows n join old_rows o on o.id = n.id where (n.status, n.%1$I, n.enrollment_id) is distinct from (o.status, o.%1$I, o.enrollment_id)', TG_ARGV[0]);
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'select enrollment_id from new_rows'
    WHEN 'DELETE' THEN 'select enrollment_id from old_rows'
    ELSE 'select n.enrollment_id ' || moved || ' union all select o.enrollment_id ' || moved END;
BEGIN
  EXECUTE format($q$
    with ids as (select distinct enrollment_id as id from (%s) c where enrollment_id is not null),
    fresh as (
      select e.id, e.workspace_id, e.sequence_id, least(
          (select min(k.completed_at) from tasks k where k.enrollment_id = e.id and k.status = 'done'),
          (select min(t.sent_at) from touches t where t.enrollment_id = e.id and t.status = 'sent')) as at
      from enrollments e join ids on ids.id = e.id
    ), gone as (
      delete from enrollment_first_touches f using ids
      where f.enrollment_id = ids.id and not exists (select 1 from fresh where fresh.id = f.enrollment_id and fresh.at is not null)
    )
    insert into enrollment_first_touches as f (enrollment_id, workspace_id, sequence_id, at)
    select id, workspace_id, sequence_id, at from fresh where at is not null order by id
    on conflict (enrollment_id) do update set at = excluded.at where f.at is distinct from excluded.at
  $q$, changed);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The backfill: every enrollment already touched.
INSERT INTO enrollment_first_touches (enrollment_id, workspace_id, sequence_id, at)
SELECT e.id, e.workspace_id, e.sequence_id, min(x.at)
FROM enrollments e JOIN (
  SELECT enrollment_id, completed_at AS at FROM tasks WHERE status = 'done' AND completed_at IS NOT NULL
  UNION ALL
  SELECT enrollment_id, sent_at FROM touches WHERE status = 'sent' AND sent_at IS NOT NULL
) x ON x.enrollment_id = e.id
GROUP BY e.id;
--> statement-breakpoint
CREATE TRIGGER tasks_first_touch_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_first_touch_refresh('completed_at');
--> statement-breakpoint
CREATE TRIGGER tasks_first_touch_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_first_touch_refresh('completed_at');
--> statement-breakpoint
CREATE TRIGGER tasks_first_touch_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_first_touch_refresh('completed_at');
--> statement-breakpoint
CREATE TRIGGER touches_first_touch_insert AFTER INSERT ON touches REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_first_touch_refresh('sent_at');
--> statement-breakpoint
CREATE TRIGGER touches_first_touch_update AFTER UPDATE ON touches REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_first_touch_refresh('sent_at');
--> statement-breakpoint
CREATE TRIGGER touches_first_touch_delete AFTER DELETE ON touches REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_first_touch_refresh('sent_at');
