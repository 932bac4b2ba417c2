CREATE TABLE "action_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"kind" text DEFAULT 'http' NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"step_key" text NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"google_event_id" text NOT NULL,
	"desired" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"synced_version" integer DEFAULT 0 NOT NULL,
	"exists_remotely" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailboxes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"address" text NOT NULL,
	"display_name" text,
	"provider" text NOT NULL,
	"status" text DEFAULT 'connected' NOT NULL,
	"status_detail" text,
	"status_changed_at" timestamp with time zone,
	"is_default" boolean DEFAULT false NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sealed_secret" text,
	"daily_cap" integer DEFAULT 400 NOT NULL,
	"hourly_cap" integer DEFAULT 100 NOT NULL,
	"min_gap_seconds" integer DEFAULT 20 NOT NULL,
	"domain_daily_cap" integer,
	"gmail_history_id" text,
	"calendar_holds" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "mailbox_id" uuid;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "mailbox_id" uuid;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "in_reply_to" text;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "thread_id" text;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "action_providers" ADD CONSTRAINT "action_providers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_holds" ADD CONSTRAINT "calendar_holds_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_holds" ADD CONSTRAINT "calendar_holds_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_holds" ADD CONSTRAINT "calendar_holds_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_providers_workspace_channel" ON "action_providers" USING btree ("workspace_id","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_holds_enrollment_step" ON "calendar_holds" USING btree ("enrollment_id","step_key");--> statement-breakpoint
CREATE INDEX "calendar_holds_pending" ON "calendar_holds" USING btree ("next_attempt_at") WHERE version > synced_version;--> statement-breakpoint
CREATE UNIQUE INDEX "mailboxes_workspace_address" ON "mailboxes" USING btree ("workspace_id","address");--> statement-breakpoint
CREATE UNIQUE INDEX "mailboxes_user_default" ON "mailboxes" USING btree ("user_id") WHERE is_default;--> statement-breakpoint
CREATE INDEX "mailboxes_workspace_user" ON "mailboxes" USING btree ("workspace_id","user_id");--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touches" ADD CONSTRAINT "touches_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_workspace_system_key" ON "tasks" USING btree ("workspace_id","step_key") WHERE enrollment_id is null;--> statement-breakpoint
CREATE INDEX "touches_mailbox_time" ON "touches" USING btree ("mailbox_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "touches_sending" ON "touches" USING btree ("claimed_at") WHERE status = 'sending';--> statement-breakpoint
CREATE INDEX "touches_message_id" ON "touches" USING btree ("message_id");