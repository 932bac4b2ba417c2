CREATE TABLE "handoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"prospect_id" uuid NOT NULL,
	"enrollment_id" uuid,
	"source_task_id" uuid,
	"setter_id" uuid NOT NULL,
	"field_rep_id" uuid,
	"meeting_at" timestamp with time zone,
	"location" text,
	"notes" text,
	"recording_url" text,
	"context" text,
	"pretext" text,
	"status" text DEFAULT 'to_schedule' NOT NULL,
	"reschedules" integer DEFAULT 0 NOT NULL,
	"outcome_note" text,
	"outcome_by_id" uuid,
	"outcome_at" timestamp with time zone,
	"outcome_requested_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"manager_alerted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"enrollment_id" uuid,
	"prospect_id" uuid,
	"rep_id" uuid NOT NULL,
	"sequence_id" uuid,
	"step_id" text NOT NULL,
	"tag" text NOT NULL,
	"text" text NOT NULL,
	"heard_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "field_rep" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "handoff_policy" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_prospect_id_prospects_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_source_task_id_tasks_id_fk" FOREIGN KEY ("source_task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_setter_id_users_id_fk" FOREIGN KEY ("setter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_field_rep_id_users_id_fk" FOREIGN KEY ("field_rep_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_outcome_by_id_users_id_fk" FOREIGN KEY ("outcome_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_prospect_id_prospects_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_rep_id_users_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_sequence_id_sequences_id_fk" FOREIGN KEY ("sequence_id") REFERENCES "public"."sequences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handoffs_source_task" ON "handoffs" USING btree ("source_task_id");--> statement-breakpoint
CREATE INDEX "handoffs_workspace_created" ON "handoffs" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "handoffs_workspace_field_rep_meeting" ON "handoffs" USING btree ("workspace_id","field_rep_id","meeting_at");--> statement-breakpoint
CREATE INDEX "handoffs_workspace_setter" ON "handoffs" USING btree ("workspace_id","setter_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "objections_task_position" ON "objections" USING btree ("task_id","position");--> statement-breakpoint
CREATE INDEX "objections_workspace_heard" ON "objections" USING btree ("workspace_id","heard_at");--> statement-breakpoint
CREATE INDEX "events_workspace_type_time" ON "events" USING btree ("workspace_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "tasks_workspace_due" ON "tasks" USING btree ("workspace_id","due_at","rep_id");--> statement-breakpoint
CREATE INDEX "tasks_workspace_completed" ON "tasks" USING btree ("workspace_id","completed_at") WHERE completed_at is not null;--> statement-breakpoint
CREATE INDEX "users_workspace_manager" ON "users" USING btree ("workspace_id","manager_id");--> statement-breakpoint
-- The objections heard before this table existed, from the timeline; the tag as domain/reports/objection-tag.ts computes it.
INSERT INTO "objections" ("workspace_id", "task_id", "position", "enrollment_id", "prospect_id", "rep_id", "sequence_id", "step_id", "tag", "text", "heard_at")
SELECT e."workspace_id", t."id", split_part(e."dedupe_key", ':', 3)::smallint, e."enrollment_id", e."prospect_id", t."rep_id", en."sequence_id", split_part(t."step_key", '#', 1),
  lower(trim(regexp_replace(trim(regexp_replace(CASE WHEN strpos(e."payload" ->> 'text', ':') > 0 THEN split_part(e."payload" ->> 'text', ':', 1) ELSE e."payload" ->> 'text' END, '\s+', ' ', 'g')), '[.!?,;]+$', ''))),
  e."payload" ->> 'text', e."occurred_at"
FROM "events" e
JOIN "tasks" t ON t."id"::text = e."payload" ->> 'taskId'
LEFT JOIN "enrollments" en ON en."id" = e."enrollment_id"
WHERE e."type" = 'objection.heard' AND e."dedupe_key" ~ '^objection:[^:]+:[0-9]+$'
ON CONFLICT DO NOTHING;
