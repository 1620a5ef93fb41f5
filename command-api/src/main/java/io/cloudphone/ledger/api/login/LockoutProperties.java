package io.cloudphone.ledger.api.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Log-in lockout (prefix {@code cpl.identity.lockout}). Every {@code failuresPerLock}-th consecutive failure
 * locks the account; the k-th lock in a row lasts {@code lockDurationFirst * 2^(k-1)}, at most
 * {@code lockDurationMax}. A successful log-in resets the count; failures while locked count nothing.
 */
@ConfigurationProperties("cpl.identity.lockout")
public record LockoutProperties(int failuresPerLock, Duration lockDurationFirst, Duration lockDurationMax) {

    public LockoutProperties {
        if (failuresPerLock < 1) {
            throw new IllegalArgumentException("cpl.identity.lockout.failures-per-lock must be at least 1");
        }
        if (lockDurationFirst.isNegative() || lockDurationFirst.isZero() || lockDurationMax.compareTo(lockDurationFirst) < 0) {
            throw new IllegalArgumentException("cpl.identity.lockout durations must be positive, first <= max");
        }
    }
}
