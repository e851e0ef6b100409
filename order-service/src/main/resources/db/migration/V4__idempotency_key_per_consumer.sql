-- An idempotency key names an order of the consumer who sent it, not of everybody: keys are chosen by clients that
-- know nothing of each other, so two consumers may pick the same one. With the key alone as primary key, the second
-- consumer was refused its own order and learned that somebody else had used the key.

ALTER TABLE idempotency_key ADD COLUMN consumer_id UUID;

-- every key placed an order (order_id is NOT NULL and references orders), so every row gets a consumer
UPDATE idempotency_key k SET consumer_id = o.consumer_id FROM orders o WHERE o.id = k.order_id;

ALTER TABLE idempotency_key ALTER COLUMN consumer_id SET NOT NULL;

-- still the primary key that makes two concurrent requests with one key place one order, now per consumer
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD CONSTRAINT idempotency_key_pkey PRIMARY KEY (consumer_id, key);
