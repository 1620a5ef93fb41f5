package io.cloudphone.ledger.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * How command-api signs the tokens it issues (prefix {@code cpl.security.jwt}). Verification is Spring
 * Boot's resource server ({@code spring.security.oauth2.resourceserver.jwt.*}), configured from the same
 * values in command-api.yml, so that issuing and checking cannot drift apart.
 *
 * @param issuer              the {@code iss} claim of issued tokens
 * @param audience            the {@code aud} claim; resource servers refuse tokens without it
 * @param tokenTtl            lifetime of a user's token
 * @param serviceTokenTtl     lifetime of the token command-api uses for the ledger's query API
 * @param privateKeyLocation  RSA private key, PKCS#8 PEM (the launcher generates one per state dir)
 * @param publicKeyLocation   its public key, X.509 PEM: what every resource server verifies with
 */
@ConfigurationProperties("cpl.security.jwt")
public record JwtProperties(String issuer, String audience, Duration tokenTtl, Duration serviceTokenTtl,
                            Resource privateKeyLocation, Resource publicKeyLocation) {
}
