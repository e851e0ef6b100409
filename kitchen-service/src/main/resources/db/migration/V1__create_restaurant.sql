CREATE TABLE restaurant (
    id         UUID         PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    open       BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

-- the menu, in the order the restaurant listed it; replaced as a whole on every menu change
CREATE TABLE menu_item (
    restaurant_id  UUID           NOT NULL REFERENCES restaurant (id),
    position       INTEGER        NOT NULL CHECK (position >= 0),
    menu_item_id   VARCHAR(64)    NOT NULL,
    name           VARCHAR(200)   NOT NULL,
    price_amount   NUMERIC(19, 2) NOT NULL CHECK (price_amount > 0),
    price_currency VARCHAR(3)     NOT NULL CHECK (price_currency ~ '^[A-Z]{3}$'),
    PRIMARY KEY (restaurant_id, position),
    CONSTRAINT menu_item_id_unique_per_restaurant UNIQUE (restaurant_id, menu_item_id)
);
