package io.cloudphone.ledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudphone.ledger.system.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Account requests through the REST API, and waiting for the ledger's decisions on them. */
public final class Requests {

    public static final Duration DECISION_TIMEOUT = Duration.ofSeconds(60);
    /** Bound on a walk through a collection: the tests' collections hold a few dozen items. */
    static final int PAGES_MAX = 1_000;

    private Requests() {
    }

    /** Opens an account and waits until the ledger has opened it too. */
    public static String openAccount(ApiClient api, String currency) {
        String accountId = "it-" + UUID.randomUUID();
        Response opened = api.post("/v1/accounts", "{\"accountId\":\"%s\",\"currency\":\"%s\"}".formatted(accountId, currency));
        assertThat(opened.status()).as(opened.rawBody()).isEqualTo(202);
        assertThat(awaitDecision(api, opened).path("status").asText()).isEqualTo("ACCEPTED");
        return accountId;
    }

    /** {@code count} accounts in CNY, each opened and recharged with {@code amount}, both decided. */
    public static List<String> fundedAccounts(ApiClient api, int count, long amount) {
        List<String> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String account = openAccount(api, "CNY");
            assertThat(decided(api, money(api, account, "recharges", amount, "CNY")).path("status").asText())
                    .isEqualTo("ACCEPTED");
            accounts.add(account);
        }
        return accounts;
    }

    /** A request with a fresh Idempotency-Key. */
    public static Response post(ApiClient api, String path, String json) {
        return api.post(path, json, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    public static Response money(ApiClient api, String accountId, String kind, long amount, String currency) {
        return post(api, "/v1/accounts/" + accountId + "/" + kind,
                "{\"amount\":%d,\"currency\":\"%s\"}".formatted(amount, currency));
    }

    /** Submits and waits for the decision; fails unless the request was accepted for processing (202). */
    public static JsonNode decided(ApiClient api, Response accepted) {
        assertThat(accepted.status()).as(accepted.rawBody()).isEqualTo(202);
        return awaitDecision(api, accepted);
    }

    /** Polls the request's status until it is decided; a 503 (the ledger rebalancing, say) is waited out. */
    public static JsonNode awaitDecision(ApiClient api, Response accepted) {
        String statusUrl = accepted.body().path("statusUrl").asText();
        return Awaitility.await("decision at " + statusUrl).atMost(DECISION_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> decidedOrNull(api.get(statusUrl)), java.util.Objects::nonNull);
    }

    private static JsonNode decidedOrNull(Response status) {
        if (status.status() == 503) {
            return null;
        }
        assertThat(status.status()).as(status.rawBody()).isEqualTo(200);
        return "PENDING".equals(status.body().path("status").asText()) ? null : status.body();
    }

    /**
     * Polls {@code path} (an order, payment, refund or invoice) until it answers 200 with {@code state}, as decided by
     * the payments app; a 503 while it rebalances is waited out.
     */
    public static JsonNode awaitState(ApiClient api, String path, String state, Duration timeout) {
        return Awaitility.await(path + " " + state).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(path), response -> response.status() == 200
                        && state.equals(response.body().path("state").asText())).body();
    }

    public static JsonNode balance(ApiClient api, String accountId) {
        Response balance = api.get("/v1/accounts/" + accountId + "/balance");
        assertThat(balance.status()).as(balance.rawBody()).isEqualTo(200);
        return balance.body();
    }

    /** Every item of a collection, in order, and how many pages it took. */
    public record Pages(List<JsonNode> items, int pages) {
    }

    /** Follows a collection's {@code next} cursors to its end with pages of {@code limit}, each one a 200. */
    public static Pages allPages(ApiClient api, String path, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        String next = null;
        int pages = 0;
        do {
            Response page = api.get(path + separator + "limit=" + limit + (next == null ? "" : "&after=" + next));
            assertThat(page.status()).as(page.rawBody()).isEqualTo(200);
            assertThat(page.body().path("items").size()).isLessThanOrEqualTo(limit);
            page.body().path("items").forEach(items::add);
            next = page.body().path("next").isNull() ? null : page.body().path("next").asText();
            pages++;
        } while (next != null && pages < PAGES_MAX);
        assertThat(next).as("a collection ends within " + PAGES_MAX + " pages").isNull();
        return new Pages(items, pages);
    }
}
