-- Every timeline event fans out, in the transaction that writes it, into one pending delivery
-- per matching active webhook subscription: no event can be committed without its deliveries,
-- whichever code path wrote it. A notification wakes the delivery workers.
CREATE OR REPLACE FUNCTION relance_fan_out_event() RETURNS trigger AS $$
BEGIN
  INSERT INTO webhook_deliveries (workspace_id, subscription_id, event_id)
  SELECT NEW.workspace_id, s.id, NEW.id
  FROM webhook_subscriptions s
  WHERE s.workspace_id = NEW.workspace_id
    AND s.status = 'active'
    AND (jsonb_array_length(s.event_types) = 0 OR s.event_types ? NEW.type);
  IF FOUND THEN
    PERFORM pg_notify('relance_webhooks', NEW.workspace_id::text);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER events_fan_out AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION relance_fan_out_event();
