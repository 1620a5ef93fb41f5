package io.cloudphone.ledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Asking command-api about a token, against a real HTTP server on loopback that answers as command-api does. */
class RemoteTokenStandingTest {

    private HttpServer server;
    private final Map<String, Integer> statusByToken = new ConcurrentHashMap<>();
    private final AtomicInteger asks = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/auth/token", exchange -> {
            asks.incrementAndGet();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization);
            int status = statusByToken.getOrDefault(authorization.substring("Bearer ".length()), 401);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aStandingTokenIsLetThroughAndAskedWithItself() {
        statusByToken.put("good", 200);

        assertThatCode(() -> standing(Duration.ofSeconds(2)).requireStanding(jwt("good"))).doesNotThrowAnyException();
        assertThat(authorizations).containsExactly("Bearer good");
    }

    @Test
    void aRevokedTokenIsRefusedWithAReasonForItsHolder() {
        assertThatThrownBy(() -> standing(Duration.ofSeconds(2)).requireStanding(jwt("revoked")))
                .isInstanceOf(TokenRefusedException.class).hasMessageContaining("log in again");
    }

    @Test
    void anAnswerIsReusedWithinTheCacheTtlOnly() {
        statusByToken.put("good", 200);
        RemoteTokenStanding standing = standing(Duration.ofMillis(300));

        standing.requireStanding(jwt("good"));
        standing.requireStanding(jwt("good"));
        assertThat(asks).hasValue(1);

        statusByToken.put("good", 401);
        long revokedAt = System.nanoTime();
        Awaitility.await("the cached answer expires").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> isRefused(standing));
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(1));
        assertThat(asks).hasValue(2);
    }

    @Test
    void anUnexpectedAnswerIsUnavailableNeverLetIn() {
        statusByToken.put("odd", 500);

        assertThatThrownBy(() -> standing(Duration.ofSeconds(2)).requireStanding(jwt("odd")))
                .isInstanceOf(IssuerUnavailableException.class)
                .hasMessage("the user service cannot be reached to check that the token still stands");
    }

    @Test
    void anUnreachableCommandApiIsUnavailableAndNotRemembered() {
        int port = server.getAddress().getPort();
        server.stop(0);
        RemoteTokenStanding standing = new RemoteTokenStanding(new TokenStandingProperties(
                URI.create("http://127.0.0.1:" + port + "/v1/auth/token"), Duration.ofSeconds(2), Duration.ofSeconds(1)));

        assertThatThrownBy(() -> standing.requireStanding(jwt("good"))).isInstanceOf(IssuerUnavailableException.class);
        assertThatThrownBy(() -> standing.requireStanding(jwt("good"))).isInstanceOf(IssuerUnavailableException.class);
    }

    @Test
    void aCacheTtlThatWouldDelayRevocationTooLongIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new TokenStandingProperties(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(3),
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache-ttl");
    }

    private static boolean isRefused(RemoteTokenStanding standing) {
        try {
            standing.requireStanding(jwt("good"));
            return false;
        } catch (TokenRefusedException revoked) {
            return true;
        }
    }

    private RemoteTokenStanding standing(Duration cacheTtl) {
        return new RemoteTokenStanding(new TokenStandingProperties(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/auth/token"), cacheTtl,
                Duration.ofSeconds(2)));
    }

    private static Jwt jwt(String value) {
        return Jwt.withTokenValue(value).header("alg", "RS256").subject("8d3c0d4e-0000-4000-8000-000000000001")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
