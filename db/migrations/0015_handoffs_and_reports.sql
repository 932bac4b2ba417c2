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
ALTER TABLE "users" ADD COLUMN "field_rep" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "handoff_policy" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_prospect_id_prospects_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_source_task_id_tasks_id_fk" FOREIGN KEY ("source_task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_setter_id_users_id_fk" FOREIGN KEY ("setter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_field_rep_id_users_id_fk" FOREIGN KEY ("field_rep_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoffs" ADD CONSTRAINT "handoffs_outcome_by_id_users_id_fk" FOREIGN KEY ("outcome_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handoffs_source_task" ON "handoffs" USING btree ("source_task_id");--> statement-breakpoint
CREATE INDEX "handoffs_workspace_created" ON "handoffs" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "handoffs_workspace_field_rep_meeting" ON "handoffs" USING btree ("workspace_id","field_rep_id","meeting_at");--> statement-breakpoint
CREATE INDEX "handoffs_workspace_setter" ON "handoffs" USING btree ("workspace_id","setter_id","created_at");--> statement-breakpoint
CREATE INDEX "events_workspace_type_time" ON "events" USING btree ("workspace_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "tasks_workspace_due" ON "tasks" USING btree ("workspace_id","due_at","rep_id");--> statement-breakpoint
CREATE INDEX "tasks_workspace_completed" ON "tasks" USING btree ("workspace_id","completed_at") WHERE completed_at is not null;--> statement-breakpoint
CREATE INDEX "users_workspace_manager" ON "users" USING btree ("workspace_id","manager_id");