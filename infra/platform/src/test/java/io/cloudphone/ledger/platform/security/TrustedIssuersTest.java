package io.cloudphone.ledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/** The external issuer's verifier against a real HTTP key-set endpoint in this JVM, and the issuer routing. */
class TrustedIssuersTest {

    private static final String ISSUER = "http://127.0.0.1/realms/test";
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    private final KeyPair published = TestKeys.newKeyPair();
    private final AtomicInteger keySetFetches = new AtomicInteger();
    private HttpServer provider;

    @AfterEach
    void stopProvider() {
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void verifiesATokenWithThePublishedKeyAndFetchesTheKeysOnce() {
        JwtDecoder decoder = TrustedIssuers.externalDecoder(properties(startProvider(), ONE_MINUTE));

        for (int request = 0; request < 5; request++) {
            assertThat(decoder.decode(token(published, "published", ISSUER)).getSubject()).isEqualTo("someone");
        }
        assertThat(keySetFetches).hasValue(1);
    }

    @Test
    void madeUpKeyIdsAreRefusedWithoutAFetchEach() {
        JwtDecoder decoder = TrustedIssuers.externalDecoder(properties(startProvider(), ONE_MINUTE));

        for (int request = 0; request < 10; request++) {
            String forged = token(TestKeys.newKeyPair(), "made-up-" + UUID.randomUUID(), ISSUER);
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        }
        assertThat(keySetFetches.get()).as("the first fetch and one refresh, then the rate limit").isLessThanOrEqualTo(2);
        assertThat(decoder.decode(token(published, "published", ISSUER)).getSubject()).isEqualTo("someone");
    }

    @Test
    void anUnreachableKeySetIsTheProvidersOutageNotABadToken() throws IOException {
        String keySetUri = "http://127.0.0.1:" + closedPort() + "/certs";
        JwtDecoder decoder = TrustedIssuers.externalDecoder(properties(keySetUri, ONE_MINUTE));

        assertThatThrownBy(() -> decoder.decode(token(published, "published", ISSUER)))
                .isInstanceOf(IssuerUnavailableException.class)
                .hasMessageContaining(ISSUER);
    }

    @Test
    void withoutAnExternalIssuerOnlyTheLocalOneIsTrusted() {
        var resolver = TrustedIssuers.of("cpl-local", token -> {
            throw new AssertionError("the local verifier must not see another issuer's token");
        }, new JwtAuthenticationConverter(), ExternalIssuerProperties.off(), null);
        String external = token(published, "published", ISSUER);

        assertThatThrownBy(() -> resolver.resolve(null).authenticate(new BearerTokenAuthenticationToken(external)))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("issuer");
    }

    @Test
    void refusesAnExternalIssuerNamedLikeTheLocalOne() {
        assertThatThrownBy(() -> TrustedIssuers.of("cpl-local", token -> null, new JwtAuthenticationConverter(),
                new ExternalIssuerProperties("cpl-local", "http://127.0.0.1/certs", "cpl-api", null, null), null))
                .isInstanceOf(IllegalStateException.class);
    }

    private static ExternalIssuerProperties properties(String keySetUri, Duration keyFetchInterval) {
        return new ExternalIssuerProperties(ISSUER, keySetUri, "cpl-api", null, keyFetchInterval);
    }

    private String startProvider() {
        String keySet = new JWKSet(new RSAKey.Builder((RSAPublicKey) published.getPublic()).keyID("published").build())
                .toString(true);
        try {
            provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        provider.createContext("/certs", exchange -> {
            keySetFetches.incrementAndGet();
            byte[] body = keySet.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        return "http://127.0.0.1:" + provider.getAddress().getPort() + "/certs";
    }

    private static String token(KeyPair pair, String keyId, String issuer) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(keyId).build();
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject("someone").audience(List.of("cpl-api"))
                .issuedAt(now).expiresAt(now.plusSeconds(60)).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build(), claims))
                .getTokenValue();
    }

    /** A port nothing listens on: bound, read, released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
