-- The order outbox rows were written in, for Debezium's snapshot (connectors/README.md: snapshot.select.statement.overrides).
-- Streaming follows the WAL, so in commit order; a snapshot (a first start, or a connector whose offsets were rewound)
-- scans the heap, whose order is not the insert order once vacuum has freed space. Then rows not yet delivered would
-- reach the ledger out of order: a consumption decided before the hold release its client had sent, and had seen
-- answered, first. Identity values are taken at insert: a row inserted after another's commit has a greater value,
-- so ORDER BY seq keeps every order a client could have seen. Rows already here are numbered in heap order.
ALTER TABLE outbox_event ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX outbox_event_seq ON outbox_event (seq);
