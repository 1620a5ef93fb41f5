-- The gateway's record of every provider call it made and what the provider answered: one row per call, written
-- in the same transaction as its outbox event (aggregate type 'gateway', topic cpl.outbox.gateway). A call found
-- here is not made again. In the gateway's own schema, with its own migration history: command-api owns public.
CREATE TABLE gateway_call (
    call_id            text PRIMARY KEY CHECK (length(call_id) BETWEEN 1 AND 200),
    order_id           text NOT NULL,
    kind               text NOT NULL,
    provider           text NOT NULL,
    merchant_refund_no text,
    outcome            text NOT NULL,
    provider_code      text,
    detail             text NOT NULL,
    recorded_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gateway_call_order ON gateway_call (order_id);
