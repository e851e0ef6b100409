-- "orders", not "order": ORDER is reserved in SQL
CREATE TABLE orders (
    id                        UUID           PRIMARY KEY,
    consumer_id               UUID           NOT NULL,
    restaurant_id             UUID           NOT NULL,
    state                     VARCHAR(32)    NOT NULL,
    state_before_cancellation VARCHAR(32),
    order_total_amount        NUMERIC(19, 2) NOT NULL CHECK (order_total_amount >= 0),
    order_total_currency      VARCHAR(3)     NOT NULL,
    delivery_address          VARCHAR(500),
    ticket_id                 UUID,
    rejection_reason          TEXT,
    ready_by                  TIMESTAMPTZ,
    created_at                TIMESTAMPTZ    NOT NULL,
    version                   BIGINT         NOT NULL
);

-- GET /orders?consumerId=... lists newest first; id breaks ties so pages never overlap
CREATE INDEX orders_by_consumer ON orders (consumer_id, created_at DESC, id DESC);

CREATE TABLE order_line_item (
    order_id       UUID           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no        INTEGER        NOT NULL,
    menu_item_id   VARCHAR(64)    NOT NULL,
    name           VARCHAR(200)   NOT NULL,
    quantity       INTEGER        NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    price_amount   NUMERIC(19, 2) NOT NULL CHECK (price_amount >= 0),
    price_currency VARCHAR(3)     NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- the primary key is what makes two concurrent requests with one key place one order
CREATE TABLE idempotency_key (
    key          VARCHAR(128) PRIMARY KEY,
    request_hash VARCHAR(64)  NOT NULL,
    order_id     UUID         NOT NULL REFERENCES orders (id),
    created_at   TIMESTAMPTZ  NOT NULL
);
