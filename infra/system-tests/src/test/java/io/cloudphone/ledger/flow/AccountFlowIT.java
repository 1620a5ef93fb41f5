package io.cloudphone.ledger.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.CommittedRecords;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.LocalStack;
import io.cloudphone.ledger.system.RunningSystem;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end on the real stack: REST → PostgreSQL (request + outbox, one transaction)
 * → Debezium on Kafka Connect → Kafka → exactly-once ledger → interactive query → REST.
 */
@ExtendWith(RunningSystem.class)
class AccountFlowIT {


    @Test
    void rechargeIsAcceptedAndOverspendingIsRejectedWithTheBalanceVisible(ApiClient anonymous) {
        ApiClient api = Identities.newUser(anonymous).api();
        String accountId = "it-" + UUID.randomUUID();
        assertThat(api.post("/v1/accounts", "{\"accountId\":\"" + accountId + "\",\"currency\":\"CNY\"}", Map.of())
                .status()).isEqualTo(202);

        Response recharge = money(api, accountId, "recharges", 1_000);
        assertThat(recharge.status()).isEqualTo(202);
        assertThat(recharge.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(awaitDecision(api, recharge).path("status").asText()).isEqualTo("ACCEPTED");

        JsonNode overspend = awaitDecision(api, money(api, accountId, "consumptions", 1_500));
        assertThat(overspend.path("status").asText()).isEqualTo("REJECTED");
        assertThat(overspend.path("rejectionCode").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(overspend.path("reason").asText()).contains("1000").contains("1500");

        JsonNode spend = awaitDecision(api, money(api, accountId, "consumptions", 300));
        assertThat(spend.path("status").asText()).isEqualTo("ACCEPTED");

        JsonNode balance = api.get("/v1/accounts/" + accountId + "/balance").body();
        assertThat(balance.path("accountId").asText()).isEqualTo(accountId);
        assertThat(balance.path("currency").asText()).isEqualTo("CNY");
        assertThat(balance.path("balance").asLong()).isEqualTo(700);
        assertThat(balance.path("available").asLong()).isEqualTo(700);
        assertThat(balance.path("version").asLong()).isEqualTo(3);
    }

    @Test
    void replayedIdempotencyKeyReturnsTheFirstRequestAndMovesMoneyOnce(ApiClient anonymous) {
        ApiClient api = Identities.newUser(anonymous).api();
        String accountId = "it-" + UUID.randomUUID();
        api.post("/v1/accounts", "{\"accountId\":\"" + accountId + "\",\"currency\":\"CNY\"}", Map.of());
        String body = "{\"amount\":250,\"currency\":\"CNY\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "pay-42");

        Response first = api.post("/v1/accounts/" + accountId + "/recharges", body, key);
        Response replay = api.post("/v1/accounts/" + accountId + "/recharges", body, key);
        Response otherBody = api.post("/v1/accounts/" + accountId + "/recharges",
                "{\"amount\":251,\"currency\":\"CNY\"}", key);

        assertThat(replay.body().path("requestId").asText()).isEqualTo(first.body().path("requestId").asText());
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(awaitDecision(api, first).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(api.get("/v1/accounts/" + accountId + "/balance").body().path("balance").asLong()).isEqualTo(250);
    }

    @Test
    void outboxPayloadReachesKafkaByteForByteKeyedByAccount(ApiClient anonymous) throws Exception {
        ApiClient api = Identities.newUser(anonymous).api();
        String accountId = "it-" + UUID.randomUUID();
        Response open = api.post("/v1/accounts", "{\"accountId\":\"" + accountId + "\",\"currency\":\"EUR\"}", Map.of());
        String requestId = open.body().path("requestId").asText();
        byte[] stored = outboxPayload(requestId);

        // A later request on the account, decided after the opening: every delivery of the opening (a duplicate
        // too) is on the partition before it, so reading to the end proves there is exactly one.
        assertThat(awaitDecision(api, open).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(awaitDecision(api, Requests.money(api, accountId, "recharges", 1, "EUR")).path("status").asText())
                .isEqualTo("ACCEPTED");
        List<ConsumerRecord<byte[], byte[]>> delivered = CommittedRecords.readToEnd(Topics.ACCOUNT_COMMANDS,
                record -> record.key() != null && accountId.equals(new String(record.key(), StandardCharsets.UTF_8)));

        assertThat(delivered).as("the opening, then the recharge, each delivered once").hasSize(2);
        assertThat(new String(delivered.getFirst().key(), StandardCharsets.UTF_8)).isEqualTo(accountId);
        assertThat(delivered.getFirst().value()).isEqualTo(stored);
        assertThat(delivered.getFirst().value()[0]).isZero();
    }

    private static Response money(ApiClient api, String accountId, String kind, long amount) {
        return Requests.money(api, accountId, kind, amount, "CNY");
    }

    private static JsonNode awaitDecision(ApiClient api, Response accepted) {
        return Requests.awaitDecision(api, accepted);
    }

    private static byte[] outboxPayload(String eventId) throws Exception {
        try (Connection db = DriverManager.getConnection(LocalStack.jdbcUrl(), "ledger", "ledger");
             PreparedStatement select = db.prepareStatement("SELECT payload FROM outbox_event WHERE id = ?::uuid")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("outbox row for " + eventId).isTrue();
                return row.getBytes(1);
            }
        }
    }
}
