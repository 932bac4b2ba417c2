ALTER TABLE "touches" ADD COLUMN "variant" text;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "click_tracking" boolean DEFAULT false NOT NULL;