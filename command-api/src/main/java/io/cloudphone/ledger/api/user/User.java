package io.cloudphone.ledger.api.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as stored, without the password hash (which never leaves UserRepository's SQL). */
public record User(UUID userId, String username, String email, String displayName, List<String> roles,
                   long version, Instant createdAt, Instant lockedUntil, Instant deletedAt,
                   Instant suspendedAt) {

    public User {
        roles = List.copyOf(roles);
    }

    public boolean suspended() {
        return suspendedAt != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
