package io.cloudphone.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Concurrently;
import io.cloudphone.ledger.system.Database;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.RunningSystem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Group commit on the real PostgreSQL: concurrent requests share transactions, yet each keeps its own
 * answer, its own idempotency, and exactly one outbox event.
 */
@ExtendWith(RunningSystem.class)
class GroupCommitIT {

    @Test
    void concurrentRequestsAreCommittedTogetherWithEachItsOwnAnswerAndEvent(ApiClient anonymous) {
        Session owner = Identities.newUser(anonymous);
        String accountId = Requests.openAccount(owner.api(), "CNY");
        String path = "/v1/accounts/" + accountId + "/recharges";

        Batches before = batches(anonymous);
        // 140 requests at once: 100 with keys of their own, 10 pairs sharing a key and a body, and 20 requests
        // reusing a key of the first 100 with another body.
        List<Response> answers = Concurrently.run(140, i -> {
            String key = i < 100 ? "own-" + i : i < 120 ? "twin-" + (i % 10) : "own-" + (i - 120);
            long amount = i < 120 ? 10 : 11;
            return owner.api().post(path, "{\"amount\":%d,\"currency\":\"CNY\"}".formatted(amount),
                    Map.of("Idempotency-Key", key));
        });

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Response::status,
                Collectors.counting()));
        long conflicts = statuses.getOrDefault(409, 0L);
        assertThat(statuses.getOrDefault(202, 0L) + conflicts).isEqualTo(140);
        // Each other-body reuse races with its original: whichever commits second is the 409.
        assertThat(conflicts).isEqualTo(20);
        long distinctAccepted = answers.stream().filter(a -> a.status() == 202)
                .map(a -> a.body().path("requestId").asText()).distinct().count();
        assertThat(distinctAccepted).isEqualTo(110);
        assertThat(Database.count("SELECT count(*) FROM account_request WHERE account_id = ? AND kind = 'RECHARGE'",
                accountId)).isEqualTo(110);
        assertThat(Database.count("SELECT count(*) FROM outbox_event WHERE aggregateid = ? AND type = 'Recharge'",
                accountId)).isEqualTo(110);
        assertThat(Database.count("""
                        SELECT count(*) FROM account_request r JOIN outbox_event o ON o.id = r.request_id
                        WHERE r.account_id = ? AND r.kind = 'RECHARGE'""", accountId)).isEqualTo(110);
        // Counted across this test's requests only: fewer transactions than requests written in them.
        Batches after = batches(anonymous);
        assertThat(after.requests() - before.requests()).as("requests written").isGreaterThanOrEqualTo(110);
        assertThat(after.transactions() - before.transactions()).as("transactions that wrote them")
                .isLessThan(after.requests() - before.requests());
    }

    /** The group commit's batch-size summary: how many transactions so far, and how many requests they wrote. */
    private record Batches(long transactions, long requests) {
    }

    private static Batches batches(ApiClient anonymous) {
        Response metric = Identities.admin(anonymous).api().get("/actuator/metrics/cpl.account.requests.batch.size");
        assertThat(metric.status()).as(metric.rawBody()).isEqualTo(200);
        Map<String, Double> statistics = new java.util.HashMap<>();
        for (var measurement : metric.body().path("measurements")) {
            statistics.put(measurement.path("statistic").asText(), measurement.path("value").asDouble());
        }
        assertThat(statistics).as(metric.rawBody()).containsKeys("COUNT", "TOTAL");
        return new Batches(Math.round(statistics.get("COUNT")), Math.round(statistics.get("TOTAL")));
    }
}
