ALTER TABLE "mailboxes" ADD COLUMN "warmup_start_cap" integer;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD COLUMN "warmup_step" integer;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD COLUMN "warmup_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD COLUMN "dkim_selector" text;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD COLUMN "dkim_sealed_key" text;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD COLUMN "dkim_public_key" text;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD COLUMN "dns_check" jsonb;