package io.cloudphone.ledger.api.role;

import java.util.List;
import java.util.UUID;

/** A named set of permissions. */
public record Role(UUID roleId, String name, long version, List<String> permissions) {

    public Role {
        permissions = List.copyOf(permissions);
    }
}
