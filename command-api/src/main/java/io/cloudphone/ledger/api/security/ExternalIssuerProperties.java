package io.cloudphone.ledger.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An OpenID Connect provider (Keycloak, Auth0, ...) whose tokens are accepted beside the local ones (prefix
 * {@code cpl.security.external-issuer}). Off while {@code issuer} is blank. Its tokens are verified with the
 * keys it publishes at {@code jwkSetUri}, must name this API in {@code aud}, and act as the local user linked
 * to their {@code sub} (PUT /v1/users/{id}/external-identity); what that user may do comes from its local
 * roles, so the provider says who someone is and this system says what they may do.
 *
 * @param issuer    the provider's {@code iss} claim, exactly as its tokens carry it
 * @param jwkSetUri where the provider publishes its signing keys (fetched lazily, cached, refetched on an
 *                  unknown key id, so the provider may rotate keys)
 * @param audience  the {@code aud} value its tokens must carry for this API
 * @param keyFetchInterval tokens naming a key id not among the cached keys fetch the key set again at most
 *                  twice per this interval (zero: no limit)
 */
@ConfigurationProperties("cpl.security.external-issuer")
public record ExternalIssuerProperties(String issuer, String jwkSetUri, String audience, Duration keyFetchInterval) {

    /** Nimbus's default: a rotated key is picked up within this, a flood of made-up key ids costs two fetches. */
    public static final Duration KEY_FETCH_INTERVAL_DEFAULT = Duration.ofSeconds(30);

    public ExternalIssuerProperties {
        keyFetchInterval = keyFetchInterval == null ? KEY_FETCH_INTERVAL_DEFAULT : keyFetchInterval;
        if (keyFetchInterval.isNegative()) {
            throw new IllegalArgumentException("cpl.security.external-issuer.key-fetch-interval must not be negative");
        }
        if (issuer != null && !issuer.isBlank()) {
            // Refuse to start half-configured rather than accept, or refuse, every token of the provider.
            if (jwkSetUri == null || jwkSetUri.isBlank()) {
                throw new IllegalArgumentException("cpl.security.external-issuer.jwk-set-uri is required with an issuer");
            }
            if (audience == null || audience.isBlank()) {
                throw new IllegalArgumentException("cpl.security.external-issuer.audience is required with an issuer");
            }
        }
    }

    public boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }
}
