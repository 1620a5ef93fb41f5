package io.cloudphone.ledger.platform.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where an app that does not own the users asks whether a user's token still stands (prefix
 * {@code cpl.security.token-standing}).
 *
 * @param uri      command-api's {@code GET /v1/auth/token}, which answers 200 for a standing token and 401 for a
 *                 revoked one; null in command-api itself, which reads PostgreSQL
 * @param cacheTtl how long one answer is reused for the same token: part of the revocation delay, so at most
 *                 {@link #CACHE_TTL_MAX}
 * @param timeout  connect and answer timeout of one ask; past it the request is 503, not let in
 */
@ConfigurationProperties("cpl.security.token-standing")
public record TokenStandingProperties(URI uri, Duration cacheTtl, Duration timeout) {

    /** Revocation must take effect within 5 s; the cache may use at most 2 of them, command-api's own 1 more. */
    public static final Duration CACHE_TTL_MAX = Duration.ofSeconds(2);
    static final Duration TIMEOUT_MAX = Duration.ofSeconds(10);

    public TokenStandingProperties {
        cacheTtl = cacheTtl == null ? CACHE_TTL_MAX : cacheTtl;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        if (cacheTtl.isNegative() || cacheTtl.compareTo(CACHE_TTL_MAX) > 0) {
            throw new IllegalArgumentException("cpl.security.token-standing.cache-ttl must be between 0 and "
                    + CACHE_TTL_MAX + " (it delays revocation): " + cacheTtl);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(TIMEOUT_MAX) > 0) {
            throw new IllegalArgumentException("cpl.security.token-standing.timeout must be above 0 and at most "
                    + TIMEOUT_MAX + ": " + timeout);
        }
        if (uri != null && !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("cpl.security.token-standing.uri must be an http(s) URL: " + uri);
        }
    }
}
