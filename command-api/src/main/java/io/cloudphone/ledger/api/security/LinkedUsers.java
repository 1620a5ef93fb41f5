package io.cloudphone.ledger.api.security;

import java.util.Optional;

/** Which local user, if any, an identity at an external issuer is linked to (implemented where users live). */
public interface LinkedUsers {

    Optional<CurrentUser> find(String issuer, String subject);
}
