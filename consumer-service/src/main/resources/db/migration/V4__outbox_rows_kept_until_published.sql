-- The outbox keeps each row until cdc-relay has published it (Kafka acknowledged it); the relay then deletes it.
-- `seq` is the insertion order, in which the relay republishes the rows left here when its replication slot
-- was lost (invalidated by max_slot_wal_keep_size after a long outage, or dropped). The messages of one aggregate
-- are written by transactions that lock it, so their seq values follow their commits.
ALTER TABLE outbox ADD COLUMN seq BIGSERIAL NOT NULL;
