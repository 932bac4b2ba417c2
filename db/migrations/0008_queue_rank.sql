ALTER TABLE "tasks" ADD COLUMN "queue_rank" smallint DEFAULT 2 NOT NULL;--> statement-breakpoint
CREATE INDEX "tasks_queue_priority" ON "tasks" USING btree ("workspace_id","rep_id","status","queue_rank","due_at") WHERE queue_rank < 2;--> statement-breakpoint
-- Open tasks written before the rank existed: an announced call's task carries the promised time.
UPDATE "tasks" SET "queue_rank" = 1 WHERE "status" = 'open' AND "prep" ->> 'announcedCallAt' IS NOT NULL;--> statement-breakpoint
-- An inbound lead's call: the step of its enrollment's sequence version is a call due within minutes.
UPDATE "tasks" t SET "queue_rank" = 0 FROM "enrollments" e JOIN "sequence_versions" v ON v."sequence_id" = e."sequence_id" AND v."version" = e."sequence_version"
WHERE t."enrollment_id" = e."id" AND t."status" = 'open' AND t."kind" = 'call' AND EXISTS (
  SELECT 1 FROM jsonb_array_elements(v."definition" -> 'steps') s
  WHERE s ->> 'id' = split_part(t."step_key", '#', 1) AND s ->> 'type' = 'call' AND s -> 'timing' ->> 'kind' = 'within_minutes');
