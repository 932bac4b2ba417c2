ALTER TABLE "touches" ADD COLUMN "scheduled_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "touches_due" ON "touches" USING btree ("scheduled_at") WHERE status = 'scheduled';