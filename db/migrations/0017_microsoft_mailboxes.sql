ALTER TABLE "calendar_holds" ADD COLUMN "remote_event_id" text;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD COLUMN "graph_delta_links" jsonb;