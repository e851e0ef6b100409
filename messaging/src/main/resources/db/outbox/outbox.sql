-- The transactional outbox of one service database. Copy into the service's own Flyway migrations.
--
-- Shaped for Debezium's Outbox Event Router (cdc-relay): id -> header "id", destination -> topic,
-- aggregate_id -> record key, payload -> record value, the other columns -> headers.
-- A row stays until cdc-relay has published it (Kafka acknowledged it), then the relay deletes it: the table
-- holds every message not yet published, so a replication slot invalidated by max_slot_wal_keep_size loses
-- nothing (the relay republishes the rows left here, in `seq` order). Normally a row lives milliseconds.
CREATE TABLE IF NOT EXISTS outbox (
  id             UUID         PRIMARY KEY,
  destination    VARCHAR(249) NOT NULL,  -- the Kafka topic; 249 is Kafka's limit on a topic name
  aggregate_id   VARCHAR(255) NOT NULL,  -- the Kafka key: keeps the messages of one aggregate in order
  type           VARCHAR(255) NOT NULL,
  payload        JSONB        NOT NULL,  -- always a JSON object
  correlation_id VARCHAR(255),
  reply_to       VARCHAR(249),
  traceparent    VARCHAR(255),
  schema_version VARCHAR(32),
  created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
  -- insertion order: the order in which the relay republishes rows after its slot was lost. The messages of
  -- one aggregate are written by transactions that lock it, so their seq values follow their commits
  seq            BIGSERIAL    NOT NULL
);
