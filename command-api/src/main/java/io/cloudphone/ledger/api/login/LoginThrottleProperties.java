package io.cloudphone.ledger.api.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The per-client log-in throttle (prefix {@code cpl.identity.login-throttle}; {@link LoginThrottle}). Per username a
 * client may fail one time fewer than the lockout threshold; in all, {@code failuresPerClient} times; each counter
 * ends {@code quiet} after the client's last failure.
 */
@ConfigurationProperties("cpl.identity.login-throttle")
public record LoginThrottleProperties(int failuresPerClient, Duration quiet) {
}
