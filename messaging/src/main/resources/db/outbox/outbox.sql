-- The transactional outbox of one service database. Copy into the service's own Flyway migrations.
--
-- Shaped for Debezium's Outbox Event Router (cdc-relay): id -> header "id", destination -> topic,
-- aggregate_id -> record key, payload -> record value, the other columns -> headers.
-- Rows never stay: OutboxWriter deletes each row in the transaction that inserted it. Logical decoding
-- still sees the INSERT in the WAL, and the relay ignores the DELETE, so the table stays empty.
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
  created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
