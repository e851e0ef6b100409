-- The messaging library's tables (messaging/src/main/resources/db/outbox), copied: a service's schema is
-- changed only by its own migrations.

-- The transactional outbox of one service database.
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

-- Messages a subscriber has handled, for idempotent consumers.
--
-- A row is inserted in the transaction of the business change it guards, so both commit or neither.
-- Rows older than ftgo.messaging.inbox.retention (default 7 days) are purged.
CREATE TABLE IF NOT EXISTS processed_message (
  subscriber   VARCHAR(255) NOT NULL,
  message_id   UUID         NOT NULL,
  processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
  PRIMARY KEY (subscriber, message_id)
);

-- the retention purge deletes by age
CREATE INDEX IF NOT EXISTS processed_message_processed_at ON processed_message (processed_at);
