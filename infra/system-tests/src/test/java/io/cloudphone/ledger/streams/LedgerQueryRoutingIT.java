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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two ledger instances in one group: whichever is asked answers for any account, reading its own store or
 * forwarding once to the instance that hosts the account (application.server + queryMetadataForKey), with
 * the caller's token. The second instance starts with no state, warms copies up and takes its share of accounts
 * at the probing rebalance (ledger.yml: about a minute), so the test waits until each instance hosts some.
 */
@ExtendWith(RunningSystem.class)
class LedgerQueryRoutingIT {

    private static final Duration SETTLE = Duration.ofMinutes(2);
    /** Warm-up, one probing rebalance (60 s) and its restore, with room for a loaded machine. */
    private static final Duration SCALE_OUT = Duration.ofMinutes(4);
    /**
     * Six partitions: even when one instance holds only two of them, the chance that 24 random accounts all hash to
     * the other's four is (2/3)^24, below 1 in 10,000.
     */
    private static final int ACCOUNTS = 24;

    @Test
    void eachInstanceServesItsShareAndForwardsTheRest(Apps apps, ApiClient anonymous) {
        Session owner = Identities.newUser(anonymous);
        List<String> accounts = Requests.fundedAccounts(owner.api(), ACCOUNTS, 1_000);
        String token = TestTokens.signedByStack(Claims.service("dashboard", List.of("ledger:read")));
        int port = freePort();
        try (AppProcess second = AppProcess.start("ledger-2", StackControl.appJar("ledger"), "384m", Map.of(
                "CPL_LEDGER_PORT", Integer.toString(port),
                "CPL_API_PORT", Integer.toString(java.net.URI.create(apps.api().baseUrl()).getPort()),
                "CPL_LEDGER_STATE_DIR", LocalStack.buildDir().resolve("it-apps").resolve("ledger-state-2").toString()),
                port, LocalStack.buildDir().resolve("it-apps"))) {
            second.awaitHealthy(SETTLE);
            ApiClient first = apps.ledger().client().withToken(token);
            ApiClient other = second.client().withToken(token);
            String firstHost = hostOf(first);
            String secondHost = hostOf(other);

            Map<String, String> servedBy = Awaitility.await("both instances serve some of " + ACCOUNTS + " accounts")
                    .atMost(SCALE_OUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> agreedServers(accounts, first, other),
                            round -> round.isPresent() && round.get().values().containsAll(List.of(firstHost, secondHost)))
                    .orElseThrow();

            // Every account was asked of both instances in that round, and one of them read it from its own store:
            // so each instance forwarded to the other.
            assertThat(servedBy).containsValue(firstHost).containsValue(secondHost);
            for (ApiClient server : List.of(apps.ledger().client(), second.client())) {
                String account = accountServedBy(servedBy, hostOf(server));
                String path = "/ledger/v1/accounts/" + account + "/balance";
                assertThat(server.get(path).status()).as("no token: refused before any forwarding").isEqualTo(401);
                // Whichever instance serves it checks the token itself: a request marked as forwarded is not trusted.
                assertThat(server.get(path, Map.of(QueryRouter.FORWARDED_HEADER, "1")).status())
                        .as("marked as forwarded to %s, no token", hostOf(server)).isEqualTo(401);
                String withoutLedgerRead = TestTokens.signedByStack(Claims.service("dashboard", List.of("account:own")));
                assertThat(server.withToken(withoutLedgerRead).get(path, Map.of(QueryRouter.FORWARDED_HEADER, "1")).status())
                        .as("marked as forwarded to %s, a token without ledger:read", hostOf(server)).isEqualTo(403);
            }
        }
        // With the second instance gone, the first takes every partition back and answers alone.
        ApiClient alone = apps.ledger().client().withToken(token);
        Awaitility.await("the first instance alone").atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .until(() -> accounts.stream().allMatch(account -> {
                    ApiClient.Response response = alone.get("/ledger/v1/accounts/" + account + "/balance");
                    return response.status() == 200 && servedBy(response).equals(hostOf(alone));
                }));
    }

    /**
     * One round: every account asked of both instances. Present when both answered every account with the same body
     * (balance 1,000) read from the same instance's store: account to that instance. Empty while the group is still
     * moving tasks (a 503 with Retry-After, or the two answers read from different instances).
     */
    private static Optional<Map<String, String>> agreedServers(List<String> accounts, ApiClient first, ApiClient other) {
        Map<String, String> servers = new LinkedHashMap<>();
        for (String account : accounts) {
            String path = "/ledger/v1/accounts/" + account + "/balance";
            ApiClient.Response viaFirst = first.get(path);
            ApiClient.Response viaOther = other.get(path);
            if (!answersOrAsksToRetry(viaFirst) || !answersOrAsksToRetry(viaOther)
                    || !servedBy(viaFirst).equals(servedBy(viaOther))) {
                return Optional.empty();
            }
            assertThat(viaOther.body()).isEqualTo(viaFirst.body());
            assertThat(viaFirst.body().path("balance").asLong()).isEqualTo(1_000);
            servers.put(account, servedBy(viaFirst));
        }
        return Optional.of(servers);
    }

    private static String accountServedBy(Map<String, String> servedBy, String host) {
        return servedBy.entrySet().stream().filter(entry -> entry.getValue().equals(host)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
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
