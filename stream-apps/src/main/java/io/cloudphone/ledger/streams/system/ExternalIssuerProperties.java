package io.cloudphone.ledger.streams.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An OpenID Connect provider whose tokens the query API accepts beside the local ones (prefix
 * {@code cpl.security.external-issuer}; off while {@code issuer} is blank). The ledger has no user
 * database, so the provider's token itself must carry the permissions (for dashboards and operators:
 * {@code ledger:read}) in the claim {@code permissionsClaim}.
 *
 * @param issuer           the provider's {@code iss} claim, exactly as its tokens carry it
 * @param jwkSetUri        where the provider publishes its signing keys
 * @param audience         the {@code aud} value its tokens must carry for this API
 * @param permissionsClaim the top-level claim holding the permissions, a list of strings
 */
@ConfigurationProperties("cpl.security.external-issuer")
public record ExternalIssuerProperties(String issuer, String jwkSetUri, String audience, String permissionsClaim) {

    public ExternalIssuerProperties {
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
