CREATE TABLE consumer (
    id                   UUID         PRIMARY KEY,
    first_name           VARCHAR(100) NOT NULL,
    last_name            VARCHAR(100) NOT NULL,
    email                VARCHAR(254) NOT NULL,
    order_limit_amount   NUMERIC(19, 2) NOT NULL CHECK (order_limit_amount >= 0),
    order_limit_currency VARCHAR(3)   NOT NULL CHECK (order_limit_currency ~ '^[A-Z]{3}$'),
    status               VARCHAR(16)  NOT NULL,
    version              BIGINT       NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL
);
