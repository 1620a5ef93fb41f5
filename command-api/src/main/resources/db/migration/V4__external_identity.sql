-- Links between local users and identities at the configured external issuer (an OpenID Connect provider).
-- A token of that issuer acts as the linked user; an unlinked one is refused. Only the pair (iss, sub) is
-- trusted to name a person: usernames and emails at a provider can change or be chosen by anyone.
CREATE TABLE external_identity (
    issuer    text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 255),
    subject   text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id   uuid NOT NULL REFERENCES app_user (user_id),
    linked_at timestamptz NOT NULL DEFAULT now(),
    -- One person at the provider is at most one user here ...
    CONSTRAINT external_identity_pk PRIMARY KEY (issuer, subject),
    -- ... and a user has at most one identity per provider.
    CONSTRAINT external_identity_one_per_user UNIQUE (user_id, issuer)
);
