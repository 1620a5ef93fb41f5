-- The payments app's interactive-query API (orders as its state stores hold them, and the stuck view) is for
-- operators, like the ledger's: a user reaches their own orders through command-api.
INSERT INTO permission (name, description) VALUES
    ('payments:read', 'query the payments app''s interactive-query API directly (orders, the stuck view)');

INSERT INTO role_permission (role_id, permission) VALUES
    ('00000000-0000-0000-0000-000000000002', 'payments:read'),
    ('00000000-0000-0000-0000-000000000003', 'payments:read');
