package io.cloudphone.ledger.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs tokens (RS256) with the local issuer's key: for users at log-in (command-api), and an app's own service
 * token for another app's query API. Only in an app given the private key ({@code cpl.security.jwt.private-key-location}).
 */
public class TokenIssuer {

    /** The subject of an app's own token: {@code service:<spring.application.name>}. */
    public static final String SERVICE_SUBJECT_PREFIX = "service:";

    /** The user's security version when the token was signed (see {@link TokenStanding}). */
    public static final String SECURITY_VERSION_CLAIM = "sv";

    private final JwtProperties properties;
    private final String serviceSubject;
    private final JwtEncoder encoder;
    private final Clock clock;

    public TokenIssuer(JwtProperties properties, String applicationName) {
        this.properties = properties;
        this.serviceSubject = SERVICE_SUBJECT_PREFIX + applicationName;
        RSAPublicKey publicKey = RsaKeyConverters.x509().convert(open(properties.publicKeyLocation()));
        RSAPrivateKey privateKey = RsaKeyConverters.pkcs8().convert(open(properties.privateKeyLocation()));
        this.encoder = NimbusJwtEncoder.withKeyPair(publicKey, privateKey).build();
        this.clock = Clock.systemUTC();
    }

    public record IssuedToken(String value, Instant expiresAt) {
    }

    /**
     * @param securityVersion the user's security version, read before the roles and permissions: a change between
     *                        the reads then raises the version, and the token is refused at its first use
     */
    public IssuedToken forUser(UUID userId, String username, long securityVersion, Collection<String> roles,
                               Collection<String> permissions) {
        if (securityVersion < 1) {
            throw new IllegalArgumentException("security versions start at 1: " + securityVersion);
        }
        return issue(userId.toString(), username, securityVersion, List.copyOf(roles), List.copyOf(permissions),
                properties.tokenTtl());
    }

    public IssuedToken forService(Collection<String> permissions) {
        return issue(serviceSubject, serviceSubject, 0, List.of(), List.copyOf(permissions),
                properties.serviceTokenTtl());
    }

    private IssuedToken issue(String subject, String username, long securityVersion, List<String> roles,
                              List<String> permissions, java.time.Duration ttl) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(subject)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expiresAt)
                .claim("preferred_username", username)
                .claim("roles", roles)
                .claim(Permissions.CLAIM, permissions)
                .claims(all -> {
                    if (securityVersion > 0) {
                        all.put(SECURITY_VERSION_CLAIM, securityVersion);
                    }
                })
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(value, expiresAt);
    }

    private static InputStream open(Resource key) {
        try {
            return key.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JWT key " + key + " (the launcher writes one per state dir: "
                    + "infra/bin/stack start; or set CPL_JWT_PRIVATE_KEY / CPL_JWT_PUBLIC_KEY)", e);
        }
    }
}
