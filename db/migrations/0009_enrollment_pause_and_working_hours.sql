-- A pause has its own reason and end; stop_reason is only for stops. Paused rows move their reason over.
ALTER TABLE "enrollments" ADD COLUMN "pause_reason" text;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "paused_until" timestamp with time zone;--> statement-breakpoint
UPDATE "enrollments" SET "pause_reason" = "stop_reason", "stop_reason" = NULL WHERE "status" = 'paused';--> statement-breakpoint
-- When tasks may fall due for a rep or a manager, in their own zone (null: Mon-Fri 09:00-18:00).
ALTER TABLE "users" ADD COLUMN "working_hours" jsonb;
