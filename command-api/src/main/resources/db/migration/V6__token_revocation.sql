-- Revocation of tokens before they expire (issue 11). Every token of a user carries the security version it
-- was issued at (claim "sv"); a role change, a password change, a deletion, a suspension or a change of the
-- permissions of one of the user's roles raises it, in the same transaction as the change, and every token
-- that carries an older version is refused from then on (see platform TokenStanding).
ALTER TABLE app_user
    ADD COLUMN security_version bigint NOT NULL DEFAULT 1 CHECK (security_version >= 1),
    -- An administrator's suspension: no log-in and no token works until it is lifted. Unlike the automatic
    -- lock after failed log-ins, which anyone can cause and which therefore ends no session.
    ADD COLUMN suspended_at timestamptz;
