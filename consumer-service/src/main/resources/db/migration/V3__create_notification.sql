-- Notifications order-service sent with NotifyConsumer (consumer.commands); append-only.
CREATE TABLE notification (
    id          UUID          PRIMARY KEY,
    consumer_id UUID          NOT NULL REFERENCES consumer (id),
    order_id    UUID,
    subject     VARCHAR(200)  NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    received_at TIMESTAMPTZ   NOT NULL,
    -- the id of the NotifyConsumer message: a second copy can never become a second notification, even
    -- after its processed_message row was purged
    message_id  UUID          NOT NULL UNIQUE
);

-- GET /api/v1/consumers/{id}/notifications reads one consumer's newest first
CREATE INDEX notification_consumer_received_at ON notification (consumer_id, received_at DESC, id DESC);
