package io.cloudphone.ledger.api.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator (prefix {@code cpl.identity.bootstrap-admin}): created at start-up when a password
 * is set and no live user has the username. Without one, nobody could create operators or roles.
 */
@ConfigurationProperties("cpl.identity.bootstrap-admin")
public record BootstrapAdminProperties(String username, String email, String password) {
}
