ALTER TABLE "enrollments" ADD COLUMN "start_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "start_checked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "enrollments_pending_since" ON "enrollments" USING btree (coalesce("start_at", "created_at")) WHERE "enrollments"."status" = 'pending';