-- Invoices: DRAFT (lines editable) until published; publishing freezes lines and totals, assigns the year's next
-- number and places the order that pays it, in one transaction. A voided invoice keeps its number. The payments app
-- follows each invoice's state from its outbox events (keyed by the invoice's order id, reserved at creation).

CREATE TABLE invoice (
    invoice_id   text PRIMARY KEY CHECK (invoice_id ~ '^[A-Za-z0-9_-]{6,32}$'),
    -- The order its publishing places: reserved now, so that all of the invoice's events share the order's key.
    order_id     text NOT NULL UNIQUE CHECK (order_id ~ '^[A-Za-z0-9_-]{6,32}$'),
    user_id      uuid NOT NULL REFERENCES app_user (user_id),
    account_id   text NOT NULL REFERENCES account (account_id),
    currency     char(3) NOT NULL,
    state        text NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED', 'VOID')),
    number       text UNIQUE,
    total_minor  bigint CHECK (total_minor > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    CONSTRAINT invoice_published CHECK ((number IS NULL) = (published_at IS NULL))
);
CREATE INDEX invoice_user ON invoice (user_id, invoice_id);

CREATE TABLE invoice_line (
    invoice_id  text NOT NULL REFERENCES invoice (invoice_id),
    line_no     int NOT NULL CHECK (line_no BETWEEN 1 AND 100),
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
    quantity    bigint NOT NULL CHECK (quantity > 0),
    unit_minor  bigint NOT NULL CHECK (unit_minor > 0),
    PRIMARY KEY (invoice_id, line_no)
);

-- One row per year: the publishing transaction takes its lock and the next number, so numbers have no gaps (a
-- rolled-back publish gives its number back with the lock).
CREATE TABLE invoice_number (
    year        int PRIMARY KEY,
    last_number bigint NOT NULL CHECK (last_number > 0)
);
