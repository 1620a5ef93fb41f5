-- The seed's Balance Service pattern, as a pgbench baseline: a balance row locked with SELECT ... FOR UPDATE,
-- updated, and a history row inserted, in one transaction. Tables live beside the ledger's, prefixed bench_.
DROP TABLE IF EXISTS bench_history;
DROP TABLE IF EXISTS bench_balance;
CREATE TABLE bench_balance (
    account_id integer PRIMARY KEY,
    balance    bigint NOT NULL,
    version    bigint NOT NULL
);
INSERT INTO bench_balance (account_id, balance, version) SELECT g, 0, 0 FROM generate_series(1, 10000) AS g;
CREATE TABLE bench_history (
    id         bigserial PRIMARY KEY,
    account_id integer NOT NULL,
    amount     bigint NOT NULL,
    created_at timestamptz NOT NULL
);
