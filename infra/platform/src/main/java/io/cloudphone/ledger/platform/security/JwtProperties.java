package io.cloudphone.ledger.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The local issuer (prefix {@code cpl.security.jwt}): every app verifies its tokens with the public key;
 * an app given the private key too signs them ({@link TokenIssuer}: command-api's log-in, and the service
 * token an app presents to another app's query API). The launcher writes one key pair per state dir.
 *
 * @param issuer             the {@code iss} of its tokens
 * @param audience           the {@code aud} its tokens carry and every app requires
 * @param tokenTtl           lifetime of a user's token
 * @param serviceTokenTtl    lifetime of an app's own token for another app's query API
 * @param privateKeyLocation RSA private key, PKCS#8 PEM; null in an app that only verifies
 * @param publicKeyLocation  its public key, X.509 PEM: what every app verifies with
 */
@ConfigurationProperties("cpl.security.jwt")
public record JwtProperties(String issuer, String audience, Duration tokenTtl, Duration serviceTokenTtl,
                            Resource privateKeyLocation, Resource publicKeyLocation) {

    public static final String ISSUER_DEFAULT = "cpl-local";
    public static final String AUDIENCE_DEFAULT = "cpl-api";

    public JwtProperties {
        issuer = issuer == null || issuer.isBlank() ? ISSUER_DEFAULT : issuer;
        audience = audience == null || audience.isBlank() ? AUDIENCE_DEFAULT : audience;
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(15) : tokenTtl;
        serviceTokenTtl = serviceTokenTtl == null ? Duration.ofMinutes(10) : serviceTokenTtl;
    }

    public boolean signs() {
        return privateKeyLocation != null;
    }
}
