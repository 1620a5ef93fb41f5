package io.cloudphone.ledger.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An OpenID Connect provider (Keycloak, Auth0, ...) whose tokens an app accepts beside the local ones (prefix
 * {@code cpl.security.external-issuer}; off while {@code issuer} is blank). Its tokens are verified with the keys
 * it publishes at {@code jwkSetUri} and must name the app in {@code aud}. What such a token may do is the app's
 * decision ({@link ExternalTokenConverter}): command-api maps it to the local user linked to its subject and that
 * user's local roles; an app without users (the ledger's query API) takes the permissions the token carries in
 * {@code permissionsClaim}, which is why it has an audience of its own.
 *
 * @param issuer           the provider's {@code iss} claim, exactly as its tokens carry it
 * @param jwkSetUri        where the provider publishes its signing keys (fetched lazily, cached, refetched on an
 *                         unknown key id, so the provider may rotate keys)
 * @param audience         the {@code aud} value its tokens must carry for this app
 * @param permissionsClaim the top-level claim holding permissions, a list of strings (used by the default
 *                         converter only); {@value #PERMISSIONS_CLAIM_DEFAULT} when not set
 * @param keyFetchInterval tokens naming a key id not among the cached keys fetch the key set again at most twice
 *                         per this interval (zero: no limit)
 */
@ConfigurationProperties("cpl.security.external-issuer")
public record ExternalIssuerProperties(String issuer, String jwkSetUri, String audience, String permissionsClaim,
                                       Duration keyFetchInterval) {

    /** Nimbus's default: a rotated key is picked up within this, a flood of made-up key ids costs two fetches. */
    public static final Duration KEY_FETCH_INTERVAL_DEFAULT = Duration.ofSeconds(30);
    public static final String PERMISSIONS_CLAIM_DEFAULT = Permissions.CLAIM;

    public ExternalIssuerProperties {
        keyFetchInterval = keyFetchInterval == null ? KEY_FETCH_INTERVAL_DEFAULT : keyFetchInterval;
        permissionsClaim = permissionsClaim == null || permissionsClaim.isBlank() ? PERMISSIONS_CLAIM_DEFAULT
                : permissionsClaim;
        if (keyFetchInterval.isNegative()) {
            throw new IllegalArgumentException("cpl.security.external-issuer.key-fetch-interval must not be negative");
        }
        if (issuer != null && !issuer.isBlank()) {
            // Refuse to start half-configured rather than accept, or refuse, every token of the provider.
            requireSet(jwkSetUri, "jwk-set-uri");
            requireSet(audience, "audience");
        }
    }

    /** Off: no provider trusted, only the local issuer. */
    public static ExternalIssuerProperties off() {
        return new ExternalIssuerProperties(null, null, null, null, null);
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
