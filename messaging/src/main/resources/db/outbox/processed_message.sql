-- Messages a subscriber has handled, for idempotent consumers. Copy into the service's own Flyway migrations.
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
