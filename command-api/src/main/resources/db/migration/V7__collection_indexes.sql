-- The list endpoints page an account's requests and holds newest first by keyset (created_at, id): these indexes
-- serve each page with one index range scan, however many requests a hot account has.
CREATE INDEX account_request_account_newest ON account_request (account_id, created_at DESC, request_id DESC);
CREATE INDEX hold_account_newest ON hold (account_id, created_at DESC, hold_id DESC);
DROP INDEX hold_account;
