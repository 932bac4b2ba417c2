-- Stored answers now belong to the API key that made them. Records of unknown owner (kept a day at most) are dropped rather than guessed.
DELETE FROM "idempotency_keys";--> statement-breakpoint
DROP INDEX "idempotency_keys_workspace_key";--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "api_key_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_api_key_key" ON "idempotency_keys" USING btree ("api_key_id","key");