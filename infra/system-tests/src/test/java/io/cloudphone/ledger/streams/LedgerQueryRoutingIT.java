package io.cloudphone.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.streams.runtime.query.QueryRouter;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.AppProcess;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.LocalStack;
import io.cloudphone.ledger.system.StackControl;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import io.cloudphone.ledger.system.TestTokens;
import io.cloudphone.ledger.system.TestTokens.Claims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two ledger instances in one group: whichever is asked answers for any account, reading its own store or
 * forwarding once to the instance that hosts the account (application.server + queryMetadataForKey), with
 * the caller's token.
 */
@ExtendWith(RunningSystem.class)
class LedgerQueryRoutingIT {

    private static final Duration SETTLE = Duration.ofMinutes(2);

    @Test
    void eitherInstanceAnswersForEveryAccount(Apps apps, ApiClient anonymous) {
        Session owner = Identities.newUser(anonymous);
        List<String> accounts = Requests.fundedAccounts(owner.api(), 6, 1_000);
        String token = TestTokens.signedByStack(Claims.valid(UUID.randomUUID(), List.of("ledger:read")));
        int port = freePort();
        try (AppProcess second = AppProcess.start("ledger-2", StackControl.appJar("ledger"), "384m", Map.of(
                "CPL_LEDGER_PORT", Integer.toString(port),
                "CPL_LEDGER_STATE_DIR", LocalStack.buildDir().resolve("it-apps").resolve("ledger-state-2").toString()),
                port, LocalStack.buildDir().resolve("it-apps"))) {
            second.awaitHealthy(SETTLE);
            ApiClient first = apps.ledger().client().withToken(token);
            ApiClient other = second.client().withToken(token);

            for (String account : accounts) {
                String path = "/ledger/v1/accounts/" + account + "/balance";
                // While the group rebalances, an instance may answer 503 with Retry-After (never 500): clients retry.
                Awaitility.await("both instances answer for " + account).atMost(SETTLE).pollInterval(Duration.ofMillis(250))
                        .until(() -> answersOrAsksToRetry(first.get(path)) && answersOrAsksToRetry(other.get(path)));
                ApiClient.Response viaFirst = first.get(path);
                ApiClient.Response viaOther = other.get(path);
                assertThat(viaOther.body()).isEqualTo(viaFirst.body());
                assertThat(viaFirst.body().path("balance").asLong()).isEqualTo(1_000);
                // The same instance read both answers from its store, so the other instance forwarded its query.
                assertThat(servedBy(viaOther)).isEqualTo(servedBy(viaFirst));
            }
            String path = "/ledger/v1/accounts/" + accounts.getFirst() + "/balance";
            assertThat(other.get(path).status()).isEqualTo(200);
            assertThat(second.client().get(path).status()).as("no token: refused before any forwarding").isEqualTo(401);
            // Whichever instance serves it checks the token itself: a request marked as forwarded is not trusted.
            ApiClient.Response served = first.get(path);
            ApiClient server = servedBy(served).equals(hostOf(second.client())) ? second.client() : apps.ledger().client();
            assertThat(server.get(path, Map.of(QueryRouter.FORWARDED_HEADER, "1")).status())
                    .as("marked as forwarded, no token").isEqualTo(401);
            String withoutLedgerRead = TestTokens.signedByStack(Claims.valid(UUID.randomUUID(), List.of("account:own")));
            assertThat(server.withToken(withoutLedgerRead).get(path, Map.of(QueryRouter.FORWARDED_HEADER, "1")).status())
                    .as("marked as forwarded, a token without ledger:read").isEqualTo(403);
        }
        // With the second instance gone, the first takes every partition back and answers alone.
        Awaitility.await("the first instance alone").atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .until(() -> accounts.stream().allMatch(account -> apps.ledger().client().withToken(token)
                        .get("/ledger/v1/accounts/" + account + "/balance").status() == 200));
    }

    /** The query API's application.server: 127.0.0.1 and its port. */
    private static String hostOf(ApiClient client) {
        return URI.create(client.baseUrl()).getHost() + ":" + URI.create(client.baseUrl()).getPort();
    }

    /** True for 200; false for 503 with Retry-After (try again); fails on anything else. */
    private static boolean answersOrAsksToRetry(ApiClient.Response response) {
        if (response.status() == 503) {
            assertThat(response.headers()).containsKey("retry-after");
            return false;
        }
        assertThat(response.status()).as(response.rawBody()).isEqualTo(200);
        return true;
    }

    private static String servedBy(ApiClient.Response response) {
        List<String> values = response.headers().get("x-cpl-served-by");
        assertThat(values).as("X-Cpl-Served-By").hasSize(1);
        return values.getFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
