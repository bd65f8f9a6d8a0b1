-- Product rows now arrive with the change that produced them, from the grid's durable outbox. The version (how many
-- times the product has changed in the grid) lets an upsert refuse a late or repeated write that would move stock
-- backwards.
ALTER TABLE product ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- The grid remembers an event id while its change is in the grid's window; an id reused after that is a new change
-- and must be kept, so PostgreSQL's history indexes event ids without refusing a repeat.
ALTER TABLE inventory_change DROP CONSTRAINT inventory_change_event_id_key;
CREATE INDEX inventory_change_event_id_idx ON inventory_change (event_id) WHERE event_id IS NOT NULL;
