-- Orders, their one payment, their refunds, and the provider notifications received for them: command-api's side.
-- Every write is one transaction with its outbox event (aggregate type 'payment', so topic cpl.outbox.payment,
-- keyed by order id); the payments app decides every transition. Ids are merchant numbers (6-32 of A-Z a-z 0-9 _ -):
-- the order id is the provider's out_trade_no, the refund id its out_refund_no.

CREATE TABLE payment_order (
    order_id     text PRIMARY KEY CHECK (order_id ~ '^[A-Za-z0-9_-]{6,32}$'),
    user_id      uuid NOT NULL REFERENCES app_user (user_id),
    account_id   text NOT NULL REFERENCES account (account_id),
    kind         text NOT NULL CHECK (kind IN ('TOP_UP', 'PURCHASE')),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency     char(3) NOT NULL,
    description  text NOT NULL CHECK (length(description) <= 500),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_order_user ON payment_order (user_id, order_id);

CREATE TABLE order_payment (
    payment_id text PRIMARY KEY CHECK (payment_id ~ '^[A-Za-z0-9_-]{6,32}$'),
    -- One payment per order: a retry of payment reuses it, so the customer can never pay twice.
    order_id   text NOT NULL UNIQUE REFERENCES payment_order (order_id),
    method     text NOT NULL CHECK (method IN ('PROVIDER', 'BALANCE')),
    -- The request that asked for it: the payments app's refusal of that request names it.
    request_id uuid NOT NULL,
    provider   text CHECK (provider IN ('WECHAT_PAY', 'ALIPAY', 'STRIPE')),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT order_payment_provider CHECK ((method = 'PROVIDER') = (provider IS NOT NULL))
);

CREATE TABLE order_refund (
    refund_id    text PRIMARY KEY CHECK (refund_id ~ '^[A-Za-z0-9_-]{6,32}$'),
    order_id     text NOT NULL REFERENCES payment_order (order_id),
    payment_id   text NOT NULL REFERENCES order_payment (payment_id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    requested_by uuid NOT NULL REFERENCES app_user (user_id),
    request_id   uuid NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_refund_order ON order_refund (order_id);

-- The idempotency record of every order command, per user and Idempotency-Key: a replay answers the first
-- request's resource; the same key with another body is 409.
CREATE TABLE order_request (
    request_id          uuid PRIMARY KEY,
    user_id             uuid NOT NULL REFERENCES app_user (user_id),
    idempotency_key     text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 128),
    request_fingerprint text NOT NULL,
    order_id            text NOT NULL,
    resource_id         text NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT order_request_idempotency UNIQUE (user_id, idempotency_key)
);

-- Every verified provider notification, once: a resend is answered 2xx and changes nothing.
CREATE TABLE provider_notification (
    provider        text NOT NULL,
    notification_id text NOT NULL CHECK (length(notification_id) BETWEEN 1 AND 128),
    order_id        text NOT NULL,
    body            bytea NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, notification_id)
);
