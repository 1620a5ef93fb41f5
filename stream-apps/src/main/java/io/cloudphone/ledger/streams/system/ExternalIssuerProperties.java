package io.cloudphone.ledger.streams.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An OpenID Connect provider whose tokens the query API accepts beside the local ones (prefix
 * {@code cpl.security.external-issuer}; off while {@code issuer} is blank). The ledger has no user
 * database, so the provider's token itself must carry the permissions (for dashboards and operators:
 * {@code ledger:read}) in the claim {@code permissionsClaim}, and name the ledger in its audience
 * ({@code cpl-ledger} by default, not command-api's {@code cpl-api}): a token the provider issued for
 * command-api, whose permission claims command-api ignores, must not open every balance here.
 *
 * @param issuer           the provider's {@code iss} claim, exactly as its tokens carry it
 * @param jwkSetUri        where the provider publishes its signing keys
 * @param audience         the {@code aud} value its tokens must carry for this API
 * @param permissionsClaim the top-level claim holding the permissions, a list of strings
 * @param keyFetchInterval tokens naming a key id not among the cached keys fetch the key set again at most
 *                         twice per this interval (zero: no limit)
 */
@ConfigurationProperties("cpl.security.external-issuer")
public record ExternalIssuerProperties(String issuer, String jwkSetUri, String audience, String permissionsClaim,
                                       Duration keyFetchInterval) {

    /** Nimbus's default: a rotated key is picked up within this, a flood of made-up key ids costs two fetches. */
    public static final Duration KEY_FETCH_INTERVAL_DEFAULT = Duration.ofSeconds(30);

    public ExternalIssuerProperties {
        keyFetchInterval = keyFetchInterval == null ? KEY_FETCH_INTERVAL_DEFAULT : keyFetchInterval;
        if (keyFetchInterval.isNegative()) {
            throw new IllegalArgumentException("cpl.security.external-issuer.key-fetch-interval must not be negative");
        }
        if (issuer != null && !issuer.isBlank()) {
            // Refuse to start half-configured rather than accept, or refuse, every token of the provider.
            requireSet(jwkSetUri, "jwk-set-uri");
            requireSet(audience, "audience");
            requireSet(permissionsClaim, "permissions-claim");
        }
    }

    public boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }

    private static void requireSet(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("cpl.security.external-issuer." + name + " is required with an issuer");
        }
    }
}
