-- Identity and access: users, roles with permissions, the user event store, notification preferences, and
-- account ownership. Every rule a race could break is a constraint here, not a check in the application:
-- unique names (a clash is a unique violation, answered 409), gap-free event versions (a conflict is a
-- unique violation on (aggregate_id, version)), and counters changed by one UPDATE statement.

CREATE TABLE permission (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z][a-z-]*:[a-z][a-z-]*$'),
    description text NOT NULL
);

CREATE TABLE role (
    role_id    uuid PRIMARY KEY,
    name       text NOT NULL CHECK (name ~ '^[A-Z][A-Z0-9_]{0,31}$'),
    version    bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT role_name_unique UNIQUE (name)
);

CREATE TABLE role_permission (
    role_id    uuid NOT NULL REFERENCES role (role_id) ON DELETE CASCADE,
    permission text NOT NULL REFERENCES permission (name),
    PRIMARY KEY (role_id, permission)
);

CREATE TABLE app_user (
    user_id            uuid PRIMARY KEY,
    username           text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
    email              text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    display_name       text CHECK (length(display_name) <= 100),
    password_hash      text NOT NULL,
    -- Consecutive failed log-ins since the last success; only ever changed by a single UPDATE statement.
    failed_login_count bigint NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
    locked_until       timestamptz,
    last_login_at      timestamptz,
    -- Version of the user aggregate: equals the highest version in user_event for this user.
    version            bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz
);
-- A deleted user frees its username and email; among live users both are unique, case-insensitively.
CREATE UNIQUE INDEX app_user_username_unique ON app_user (lower(username)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX app_user_email_unique ON app_user (lower(email)) WHERE deleted_at IS NULL;

CREATE TABLE user_role (
    user_id uuid NOT NULL REFERENCES app_user (user_id),
    role_id uuid NOT NULL REFERENCES role (role_id),
    PRIMARY KEY (user_id, role_id)
);

-- The user event store (the seed's saveEvents/saveEvent). The primary key IS the concurrency check: two
-- writers that both expected version n both insert n+1, and the second fails with a unique violation.
CREATE TABLE user_event (
    aggregate_id uuid NOT NULL REFERENCES app_user (user_id),
    version      bigint NOT NULL CHECK (version >= 1),
    event_id     uuid NOT NULL UNIQUE,
    type         text NOT NULL CHECK (length(type) BETWEEN 1 AND 64),
    data         jsonb NOT NULL,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_event_version_unique PRIMARY KEY (aggregate_id, version)
);

CREATE TABLE notification_preference (
    user_id           uuid NOT NULL REFERENCES app_user (user_id),
    notification_type text NOT NULL CHECK (notification_type ~ '^[A-Z_]{1,32}$'),
    enabled           boolean NOT NULL,
    channels          text[] NOT NULL,
    custom_settings   jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, notification_type)
);

-- Accounts belong to a user. Accounts opened before identity existed have no owner and are visible to
-- operators only.
ALTER TABLE account ADD COLUMN owner_id uuid REFERENCES app_user (user_id);
CREATE INDEX account_owner ON account (owner_id);

INSERT INTO permission (name, description) VALUES
    ('account:own',           'open accounts and move money on accounts the user owns'),
    ('account:read-any',      'read any account, its balance and requests'),
    ('ledger:read',           'query the ledger''s interactive-query API directly'),
    ('ledger:adjust',         'post correcting entries (adjustments) on any account'),
    ('reconciliation:approve','approve reconciliation clean-ups'),
    ('user:admin',            'create, update and delete any user; append to any user''s event store'),
    ('role:admin',            'create and update roles and their permissions'),
    ('system:monitor',        'read metrics and other actuator endpoints beyond health');

INSERT INTO role (role_id, name) VALUES
    ('00000000-0000-0000-0000-000000000001', 'USER'),
    ('00000000-0000-0000-0000-000000000002', 'OPERATOR'),
    ('00000000-0000-0000-0000-000000000003', 'ADMIN');

INSERT INTO role_permission (role_id, permission)
SELECT '00000000-0000-0000-0000-000000000001'::uuid, p FROM unnest(ARRAY['account:own']) AS p
UNION ALL
SELECT '00000000-0000-0000-0000-000000000002'::uuid, p
FROM unnest(ARRAY['account:own', 'account:read-any', 'ledger:read', 'ledger:adjust', 'reconciliation:approve',
                  'system:monitor']) AS p
UNION ALL
SELECT '00000000-0000-0000-0000-000000000003'::uuid, name FROM permission;

-- The identity topics' events go through the same outbox table and publication as accounts.
