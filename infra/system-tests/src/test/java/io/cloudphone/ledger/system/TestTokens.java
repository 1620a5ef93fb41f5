package io.cloudphone.ledger.system;

import io.cloudphone.ledger.platform.security.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens a test signs itself: with the stack's real key but bad claims (expired, wrong audience), or with
 * a key the stack has never seen (forged). A valid one signed the same way must be accepted, so a test
 * refusing the bad ones proves the check, not a broken signer.
 */
public final class TestTokens {

    public static final String AUDIENCE = "cpl-api";
    public static final String ISSUER = "cpl-local";

    private TestTokens() {
    }

    /** @param securityVersion the user's security version ("sv"); null for a service token, which has none */
    public record Claims(String subject, String audience, Instant issuedAt, Instant expiresAt, List<String> permissions,
                         Long securityVersion) {
        /** A token of a user at security version 1 (a new user's): the apps check it against the user's current one. */
        public static Claims valid(UUID userId, List<String> permissions) {
            Instant now = Instant.now();
            return new Claims(userId.toString(), AUDIENCE, now, now.plusSeconds(600), permissions, 1L);
        }

        /**
         * A service's token ({@code service:<name>}), as an app signs for another app's query API: tied to no user, so
         * there is no revocation to check.
         */
        public static Claims service(String name, List<String> permissions) {
            Instant now = Instant.now();
            return new Claims("service:" + name, AUDIENCE, now, now.plusSeconds(600), permissions, null);
        }

        public Claims withAudience(String otherAudience) {
            return new Claims(subject, otherAudience, issuedAt, expiresAt, permissions, securityVersion);
        }

        /** Expired well beyond the resource server's 60 s clock skew. */
        public Claims expired() {
            Instant past = Instant.now().minusSeconds(3600);
            return new Claims(subject, audience, past.minusSeconds(600), past, permissions, securityVersion);
        }

        public Claims withSubject(String otherSubject) {
            return new Claims(otherSubject, audience, issuedAt, expiresAt, permissions, securityVersion);
        }
    }

    /** Signed with the stack's own key (CPL_JWT_PRIVATE_KEY / CPL_JWT_PUBLIC_KEY, which failsafe passes). */
    public static String signedByStack(Claims claims) {
        return sign(claims, RsaKeyConverters.x509().convert(open("CPL_JWT_PUBLIC_KEY")),
                RsaKeyConverters.pkcs8().convert(open("CPL_JWT_PRIVATE_KEY")));
    }

    /** Signed with a key pair made up on the spot: the signature cannot verify. */
    public static String forged(Claims claims) {
        KeyPair pair = TestKeys.newKeyPair();
        return sign(claims, pair.getPublic(), pair.getPrivate());
    }

    private static String sign(Claims claims, PublicKey publicKey, PrivateKey privateKey) {
        NimbusJwtEncoder encoder = NimbusJwtEncoder.withKeyPair((RSAPublicKey) publicKey, (RSAPrivateKey) privateKey)
                .build();
        JwtClaimsSet set = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(ISSUER)
                .subject(claims.subject())
                .audience(List.of(claims.audience()))
                .issuedAt(claims.issuedAt())
                .notBefore(claims.issuedAt())
                .expiresAt(claims.expiresAt())
                .claim("preferred_username", claims.subject())
                .claim("permissions", claims.permissions())
                .claims(all -> {
                    if (claims.securityVersion() != null) {
                        all.put("sv", claims.securityVersion());
                    }
                })
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), set))
                .getTokenValue();
    }

    private static InputStream open(String variable) {
        String location = System.getenv(variable);
        if (location == null || location.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run integration tests with ./mvnw verify");
        }
        try {
            return Files.newInputStream(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
