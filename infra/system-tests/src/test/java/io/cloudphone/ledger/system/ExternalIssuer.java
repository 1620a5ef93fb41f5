package io.cloudphone.ledger.system;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import io.cloudphone.ledger.platform.security.TestKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * An OpenID Connect provider as far as a resource server sees one: its own RSA key, published as a JWK set
 * over HTTP from this JVM, and tokens signed with it. The apps under test are configured to trust it
 * (CPL_EXTERNAL_ISSUER, CPL_EXTERNAL_JWK_SET_URI), so they fetch its keys over the network like from any
 * provider. One per test JVM: the apps are started once per run.
 */
public final class ExternalIssuer {

    /** command-api's audience; the ledger's query API wants {@link #LEDGER_AUDIENCE} from this provider. */
    public static final String AUDIENCE = "cpl-api";
    public static final String LEDGER_AUDIENCE = "cpl-ledger";
    private static final String KEY_ID = "it-external-1";
    private static final ExternalIssuer INSTANCE = start();

    private final HttpServer server;
    private final KeyPair keys;
    private final AtomicInteger keySetRequests = new AtomicInteger();
    private volatile boolean down;

    private ExternalIssuer(HttpServer server, KeyPair keys) {
        this.server = server;
        this.keys = keys;
    }

    public static ExternalIssuer instance() {
        return INSTANCE;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/it";
    }

    public String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** How often the apps fetched the key set: they should cache it, not fetch per request. */
    public int keySetRequests() {
        return keySetRequests.get();
    }

    public record Claims(String issuer, String subject, String audience, Instant expiresAt, List<String> permissions) {
        public Claims withAudience(String other) {
            return new Claims(issuer, subject, other, expiresAt, permissions);
        }

        public Claims withIssuer(String other) {
            return new Claims(other, subject, audience, expiresAt, permissions);
        }

        /** Expired well beyond the resource servers' 60 s clock skew. */
        public Claims expired() {
            return new Claims(issuer, subject, audience, Instant.now().minusSeconds(3600), permissions);
        }

        public Claims withPermissions(List<String> other) {
            return new Claims(issuer, subject, audience, expiresAt, other);
        }
    }

    /**
     * Until the returned handle is closed, the provider answers key-set requests with 503, as during an
     * outage. Keys the apps fetched before stay usable to them; a token under a new key id needs a fetch.
     */
    public AutoCloseable outage() {
        down = true;
        return () -> down = false;
    }

    /** Valid claims of this issuer for the subject: what the provider would issue to that person. */
    public Claims claims(String subject) {
        return new Claims(issuer(), subject, AUDIENCE, Instant.now().plusSeconds(600), List.of());
    }

    public String sign(Claims claims) {
        return sign(claims, keys, KEY_ID);
    }

    /** Signed by a key this provider never published, under a key id it does not have. */
    public static String signWithUnpublishedKey(Claims claims) {
        return sign(claims, TestKeys.newKeyPair(), "unpublished");
    }

    private static String sign(Claims claims, KeyPair pair, String keyId) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(keyId).build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        Instant issuedAt = claims.expiresAt().minusSeconds(600);
        JwtClaimsSet set = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(claims.issuer())
                .subject(claims.subject())
                .audience(List.of(claims.audience()))
                .issuedAt(issuedAt)
                .notBefore(issuedAt)
                .expiresAt(claims.expiresAt())
                .claim("preferred_username", claims.subject())
                .claim("permissions", claims.permissions())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
        return encoder.encode(JwtEncoderParameters.from(header, set)).getTokenValue();
    }

    private static ExternalIssuer start() {
        KeyPair keys = TestKeys.newKeyPair();
        String keySet = new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID(KEY_ID).build())
                .toString(true);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            ExternalIssuer issuer = new ExternalIssuer(server, keys);
            server.createContext("/realms/it/protocol/openid-connect/certs", exchange -> {
                issuer.keySetRequests.incrementAndGet();
                if (issuer.down) {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                byte[] body = keySet.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test's external issuer", e);
        }
    }
}
