-- Accounts, the requests made against them, and the outbox that Debezium turns into Kafka events.
-- Requests are append-only: a hot account never serialises writers on a row lock (the ledger decides).

CREATE TABLE account (
    account_id  text PRIMARY KEY CHECK (account_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    currency    char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account_request (
    request_id          uuid PRIMARY KEY,
    account_id          text NOT NULL REFERENCES account (account_id),
    kind                text NOT NULL CHECK (kind IN ('OPEN', 'RECHARGE', 'CONSUME')),
    amount_minor        bigint CHECK (amount_minor > 0),
    currency            char(3) NOT NULL,
    idempotency_key     text CHECK (length(idempotency_key) BETWEEN 1 AND 128),
    -- What the request asked for, so that a replayed key with another body is told apart (409).
    request_fingerprint text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_request_idempotency UNIQUE (account_id, idempotency_key),
    CONSTRAINT account_request_amount CHECK ((kind = 'OPEN') = (amount_minor IS NULL))
);

-- Column names are Debezium's EventRouter defaults; payload is the Avro event in Confluent wire format.
CREATE TABLE outbox_event (
    id             uuid PRIMARY KEY,
    aggregatetype  text NOT NULL,
    aggregateid    text NOT NULL,
    type           text NOT NULL,
    payload        bytea NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Debezium reads the publication cpl_outbox. The local stack creates it empty (so the connector can start
-- before this migration runs); a database provisioned elsewhere gets it here.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'cpl_outbox') THEN
        ALTER PUBLICATION cpl_outbox ADD TABLE outbox_event;
    ELSE
        CREATE PUBLICATION cpl_outbox FOR TABLE outbox_event;
    END IF;
END
$$;
