ALTER TABLE "touches" ADD COLUMN "bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "touches" ADD COLUMN "complained_at" timestamp with time zone;