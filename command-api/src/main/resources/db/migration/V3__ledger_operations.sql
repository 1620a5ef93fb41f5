-- Holds, captures, releases, adjustments, transfers and overdraft limits are account requests too: one
-- append-only row each (idempotent per account by Idempotency-Key), written with its outbox event.

ALTER TABLE account_request DROP CONSTRAINT account_request_kind_check;
ALTER TABLE account_request DROP CONSTRAINT account_request_amount_minor_check;
ALTER TABLE account_request DROP CONSTRAINT account_request_amount;

ALTER TABLE account_request
    ADD COLUMN hold_id       uuid,
    ADD COLUMN to_account_id text REFERENCES account (account_id),
    ADD COLUMN reason        text CHECK (length(reason) <= 500),
    ADD COLUMN expires_at    timestamptz,
    ADD COLUMN actor_id      uuid;

ALTER TABLE account_request ADD CONSTRAINT account_request_kind_check
    CHECK (kind IN ('OPEN', 'RECHARGE', 'CONSUME', 'HOLD', 'CAPTURE', 'RELEASE', 'ADJUST', 'TRANSFER', 'OVERDRAFT'));

-- What each kind carries; anything else is a bug in command-api, refused here rather than published.
ALTER TABLE account_request ADD CONSTRAINT account_request_shape CHECK (CASE kind
    WHEN 'OPEN'      THEN amount_minor IS NULL
    WHEN 'RECHARGE'  THEN amount_minor > 0
    WHEN 'CONSUME'   THEN amount_minor > 0
    WHEN 'HOLD'      THEN amount_minor > 0 AND hold_id IS NOT NULL
    WHEN 'CAPTURE'   THEN (amount_minor IS NULL OR amount_minor > 0) AND hold_id IS NOT NULL
    WHEN 'RELEASE'   THEN amount_minor IS NULL AND hold_id IS NOT NULL
    WHEN 'ADJUST'    THEN amount_minor <> 0 AND reason IS NOT NULL AND length(btrim(reason)) > 0
    WHEN 'TRANSFER'  THEN amount_minor > 0 AND to_account_id IS NOT NULL AND to_account_id <> account_id
    WHEN 'OVERDRAFT' THEN amount_minor >= 0
END);

-- Which account a hold belongs to: capture and release requests name only the hold, and must go to the
-- partition of its account. Written in the transaction of the request that places the hold.
CREATE TABLE hold (
    hold_id     uuid PRIMARY KEY,
    account_id  text NOT NULL REFERENCES account (account_id),
    request_id  uuid NOT NULL REFERENCES account_request (request_id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency    char(3) NOT NULL,
    expires_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hold_account ON hold (account_id);
