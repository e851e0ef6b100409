CREATE TABLE ticket (
    id            UUID        PRIMARY KEY,
    order_id      UUID        NOT NULL,
    restaurant_id UUID        NOT NULL REFERENCES restaurant (id),
    state         VARCHAR(32) NOT NULL CHECK (state IN ('AWAITING_ACCEPTANCE', 'ACCEPTED', 'PREPARING',
                                                        'READY_FOR_PICKUP', 'PICKED_UP', 'CANCELLED')),
    ready_by      TIMESTAMPTZ,
    version       BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    accepted_at   TIMESTAMPTZ,
    preparing_at  TIMESTAMPTZ,
    ready_at      TIMESTAMPTZ,
    picked_up_at  TIMESTAMPTZ,
    cancelled_at  TIMESTAMPTZ,
    -- an accepted ticket always carries its promise
    CHECK (state IN ('AWAITING_ACCEPTANCE', 'CANCELLED') OR ready_by IS NOT NULL)
);

-- one ticket per order: a second CreateTicket for the same order can never add a row
CREATE UNIQUE INDEX ticket_order_id_unique ON ticket (order_id);

CREATE INDEX ticket_restaurant_id ON ticket (restaurant_id);

CREATE TABLE ticket_line_item (
    ticket_id    UUID         NOT NULL REFERENCES ticket (id),
    position     INTEGER      NOT NULL CHECK (position >= 0),
    menu_item_id VARCHAR(64)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    quantity     INTEGER      NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (ticket_id, position)
);
