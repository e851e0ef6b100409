-- Local read-only copies of what other services own, fed by their snapshot events. A row changes only
-- when a snapshot with a higher version arrives, so redelivered or reordered events never go back in time.

-- consumer.events: used to validate an order when consumer-service cannot answer
CREATE TABLE consumer_replica (
    consumer_id          UUID           PRIMARY KEY,
    status               VARCHAR(32)    NOT NULL,
    order_limit_amount   NUMERIC(19, 2) NOT NULL CHECK (order_limit_amount >= 0),
    order_limit_currency VARCHAR(3)     NOT NULL,
    version              BIGINT         NOT NULL,
    updated_at           TIMESTAMPTZ    NOT NULL
);

-- restaurant.events: read first when an order is priced; kitchen-service is asked only on a miss
CREATE TABLE restaurant_replica (
    restaurant_id UUID         PRIMARY KEY,
    name          VARCHAR(200),
    open          BOOLEAN      NOT NULL,
    version       BIGINT       NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- replaced as a whole with every newer snapshot of its restaurant
CREATE TABLE restaurant_replica_menu_item (
    restaurant_id  UUID           NOT NULL REFERENCES restaurant_replica (restaurant_id) ON DELETE CASCADE,
    line_no        INTEGER        NOT NULL,
    menu_item_id   VARCHAR(64)    NOT NULL,
    name           VARCHAR(200)   NOT NULL,
    price_amount   NUMERIC(19, 2) NOT NULL CHECK (price_amount >= 0),
    price_currency VARCHAR(3)     NOT NULL,
    PRIMARY KEY (restaurant_id, line_no)
);
