package io.cloudphone.ledger.streams;

import static io.cloudphone.ledger.system.Requests.balance;
import static io.cloudphone.ledger.system.Requests.decided;
import static io.cloudphone.ledger.system.Requests.money;
import static io.cloudphone.ledger.system.Requests.openAccount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.account.AccountCommand;
import io.cloudphone.ledger.schemas.account.FutureAccountCommands;
import io.cloudphone.ledger.schemas.account.Recharge;
import io.cloudphone.ledger.schemas.account.TransferIn;
import io.cloudphone.ledger.schemas.deadletter.DeadLetterHeaders;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.serde.ConfluentWireFormat;
import io.cloudphone.ledger.schemas.serde.RestSchemaRegistryClient;
import io.cloudphone.ledger.schemas.user.RoleChange;
import io.cloudphone.ledger.schemas.user.RoleEvent;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetterMetrics;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.CommittedRecords;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.LocalStack;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.TestTokens.Claims;
import io.cloudphone.ledger.system.TestTokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Poison on every input topic of the real ledger: records that cannot be read and records that can but are
 * invalid, produced straight to Kafka as a buggy producer or an intruder would. Each goes to the dead-letter
 * topic with why, from where and when; those naming a usable request id are also rejected; the ledger goes on
 * deciding the records after them on the same partitions; nothing accepted before changes.
 */
@ExtendWith(RunningSystem.class)
class LedgerPoisonPillIT {

    private static final String LEDGER_APPLICATION_ID = "cpl-ledger";

    private final RestSchemaRegistryClient registry = new RestSchemaRegistryClient(LocalStack.registryUrl());
    private final Topics topics = new Topics(registry);

    /** One poison: what was produced, where it landed, what the ledger must say about it. */
    private record Poison(String name, String topic, byte[] value, String reason, String requestId,
                          String rejectionCode, RecordMetadata landed) {
    }

    @Test
    void everyKindOfPoisonOnEveryInputTopicIsSetAsideAndTheLedgerGoesOn(Apps apps, ApiClient anonymous)
            throws Exception {
        Session owner = Identities.newUser(anonymous);
        String target = openAccount(owner.api(), "CNY");
        String other = openAccount(owner.api(), "CNY");
        accepted(owner, money(owner.api(), target, "recharges", 1_000, "CNY"));
        accepted(owner, money(owner.api(), other, "recharges", 100, "CNY"));
        JsonNode entriesBefore = entries(owner, target);
        ApiClient ledger = apps.ledger().client()
                .withToken(TestTokens.signedByStack(Claims.service("dashboard", List.of("ledger:read", "system:monitor"))));
        Map<String, Double> countedBefore = deadLettersCounted(ledger);

        List<Poison> poisons = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (String topic : List.of(Topics.ACCOUNT_COMMANDS, Topics.LEDGER_TRANSFER_LEGS)) {
                for (Poison poison : poisonsFor(topic, target, other)) {
                    poisons.add(produce(producer, target, poison));
                }
            }
        }

        // After the poison, on the same partitions: a command through the outbox, and a transfer whose credit leg
        // reaches the target through the legs topic.
        accepted(owner, money(owner.api(), target, "recharges", 5, "CNY"));
        JsonNode transfer = accepted(owner, Requests.post(owner.api(), "/v1/transfers",
                "{\"fromAccountId\":\"%s\",\"toAccountId\":\"%s\",\"amount\":30,\"currency\":\"CNY\"}"
                        .formatted(other, target)));
        Awaitility.await("the transfer's credit leg decided").atMost(Requests.DECISION_TIMEOUT)
                .until(() -> owner.api().get("/v1/requests/" + transfer.path("requestId").asText()).body()
                        .path("transferStatus").asText(), "CREDITED"::equals);

        List<ConsumerRecord<byte[], byte[]>> deadLetters = CommittedRecords.await(Topics.LEDGER_DEAD_LETTERS, record ->
                Arrays.equals(record.key(), target.getBytes(StandardCharsets.UTF_8)), poisons.size());
        assertThat(deadLetters).hasSize(poisons.size());
        for (Poison poison : poisons) {
            ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.stream()
                    .filter(record -> poison.topic().equals(CommittedRecords.header(record, DeadLetterHeaders.TOPIC))
                            && Long.toString(poison.landed().offset())
                            .equals(CommittedRecords.header(record, DeadLetterHeaders.OFFSET)))
                    .findFirst().orElseThrow(() -> new AssertionError("no dead letter for " + poison.name()));
            assertThat(CommittedRecords.header(deadLetter, DeadLetterHeaders.REASON)).as(poison.name())
                    .isEqualTo(poison.reason());
            assertThat(CommittedRecords.header(deadLetter, DeadLetterHeaders.DETAIL)).as(poison.name()).isNotBlank();
            assertThat(CommittedRecords.header(deadLetter, DeadLetterHeaders.PARTITION)).as(poison.name())
                    .isEqualTo(Integer.toString(poison.landed().partition()));
            assertThat(Instant.parse(CommittedRecords.header(deadLetter, DeadLetterHeaders.DEAD_LETTERED_AT)))
                    .as(poison.name()).isAfter(Instant.ofEpochMilli(poison.landed().timestamp()).minusSeconds(1));
            assertThat(CommittedRecords.header(deadLetter, DeadLetterHeaders.TIMESTAMP)).as(poison.name())
                    .isEqualTo(Instant.ofEpochMilli(poison.landed().timestamp()).toString());
            assertThat(CommittedRecords.header(deadLetter, DeadLetterHeaders.APPLICATION)).isEqualTo(LEDGER_APPLICATION_ID);
            assertThat(deadLetter.value()).as(poison.name() + ": the bytes as they came").isEqualTo(poison.value());
        }

        Map<String, LedgerDecision> decisions = decisionsOf(target, poisons.stream()
                .map(Poison::requestId).filter(id -> id != null).toList());
        for (Poison poison : poisons) {
            if (poison.requestId() != null) {
                assertThat(decisions.get(poison.requestId())).as(poison.name()).isNotNull()
                        .satisfies(d -> assertThat(d.getOutcome()).hasToString("REJECTED"))
                        .satisfies(d -> assertThat(d.getRejectionCode()).hasToString(poison.rejectionCode()));
            }
        }

        assertThat(balance(owner.api(), target).path("balance").asLong()).isEqualTo(1_000 + 5 + 30);
        assertThat(balance(owner.api(), other).path("balance").asLong()).isEqualTo(100 - 30);
        JsonNode entriesAfter = entries(owner, target);
        assertThat(entriesAfter.size()).isEqualTo(entriesBefore.size() + 2);
        assertThat(entriesAfter.get(entriesAfter.size() - 1)).as("history unchanged").isEqualTo(entriesBefore.get(0));
        assertThat(entriesAfter.get(0).path("kind").asText()).isEqualTo("TRANSFER_IN");
        assertThat(entriesAfter.get(1).path("kind").asText()).isEqualTo("RECHARGE");
        Map<String, Double> countedAfter = deadLettersCounted(ledger);
        Map<String, Long> expected = poisons.stream()
                .collect(Collectors.groupingBy(p -> p.topic() + " " + p.reason(), Collectors.counting()));
        expected.forEach((topicAndReason, count) -> assertThat(countedAfter.getOrDefault(topicAndReason, 0.0)
                - countedBefore.getOrDefault(topicAndReason, 0.0)).as(topicAndReason).isEqualTo((double) count));
        assertThat(apps.ledger().client().get("/actuator/health").body().path("status").asText()).isEqualTo("UP");
    }

    /**
     * Every kind of poison for one topic, keyed (when it has a key) by the target so that it lands on the
     * target's partition. The legs topic carries transfer legs, so its invalid records are legs too; and each
     * topic also gets the other topic's kind of command (WRONG_TOPIC).
     */
    private List<Poison> poisonsFor(String topic, String target, String other) {
        boolean legs = topic.equals(Topics.LEDGER_TRANSFER_LEGS);
        byte[] valid = topics.accountCommandSerde().serialize(topic, command("valid-shape", target, body(legs, 100, "CNY")));
        byte[] unknownSchema = valid.clone();
        ByteBuffer.wrap(unknownSchema).putInt(1, 2_000_000_000);
        RoleEvent role = RoleEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setRoleName("USER").setVersion(1)
                .setChange(RoleChange.CREATED).setPermissions(List.of()).setOccurredAt(Instant.now()).build();
        String unknownCommand = requestId();
        String emptyAccount = requestId();
        String keyMismatch = requestId();
        String nonPositive = requestId();
        String unknownCurrency = requestId();
        String wrongTopic = requestId();
        return List.of(
                poison("garbage", topic, "this is not Avro".getBytes(StandardCharsets.UTF_8), "NOT_WIRE_FORMAT"),
                poison("no magic byte", topic, Arrays.copyOfRange(valid, ConfluentWireFormat.HEADER_LENGTH, valid.length),
                        "NOT_WIRE_FORMAT"),
                poison("unknown schema id", topic, unknownSchema, "UNKNOWN_SCHEMA_ID"),
                poison("schema of another subject", topic, topics.roleEventSerde().serialize(Topics.ROLE_EVENTS, role),
                        "OTHER_RECORD_TYPE"),
                poison("truncated body", topic, Arrays.copyOf(valid, valid.length - 4), "CORRUPT_BODY"),
                poison("tombstone", topic, null, "TOMBSTONE"),
                rejected("unknown command", topic, FutureAccountCommands.freeze(registry, unknownCommand, target,
                        Instant.now()), "UNKNOWN_COMMAND", unknownCommand, "UNKNOWN_COMMAND"),
                poison("empty request id", topic, command(topic, "", target, body(legs, 100, "CNY")), "INVALID_REQUEST_ID"),
                rejected("empty account id", topic, command(topic, emptyAccount, "", body(legs, 100, "CNY")),
                        "INVALID_ACCOUNT_ID", emptyAccount, "MALFORMED_COMMAND"),
                rejected("key of another account", topic, command(topic, keyMismatch, other, body(legs, 100, "CNY")),
                        "KEY_MISMATCH", keyMismatch, "MALFORMED_COMMAND"),
                rejected("non-positive amount", topic, command(topic, nonPositive, target, body(legs, -100, "CNY")),
                        "INVALID_AMOUNT", nonPositive, "INVALID_AMOUNT"),
                rejected("unknown currency", topic, command(topic, unknownCurrency, target, body(legs, 100, "XXX")),
                        "UNKNOWN_CURRENCY", unknownCurrency, "UNKNOWN_CURRENCY"),
                rejected("the other topic's kind of command", topic,
                        command(topic, wrongTopic, target, body(!legs, 1_000_000, "CNY")), "WRONG_TOPIC", wrongTopic,
                        "MALFORMED_COMMAND"));
    }

    private static Object body(boolean leg, long amount, String currency) {
        if (leg) {
            return TransferIn.newBuilder().setTransferId("t-" + UUID.randomUUID()).setFromAccountId("it-nobody")
                    .setAmountMinor(amount).setCurrency(currency).build();
        }
        return Recharge.newBuilder().setAmountMinor(amount).setCurrency(currency).build();
    }

    private static AccountCommand command(String requestId, String accountId, Object body) {
        return AccountCommand.newBuilder().setRequestId(requestId).setAccountId(accountId).setOccurredAt(Instant.now())
                .setCommand(body).build();
    }

    private byte[] command(String topic, String requestId, String accountId, Object body) {
        return topics.accountCommandSerde().serialize(topic, command(requestId, accountId, body));
    }

    private static Poison poison(String name, String topic, byte[] value, String reason) {
        return new Poison(name + " on " + topic, topic, value, reason, null, null, null);
    }

    private static Poison rejected(String name, String topic, byte[] value, String reason, String requestId,
                                   String rejectionCode) {
        return new Poison(name + " on " + topic, topic, value, reason, requestId, rejectionCode, null);
    }

    private static String requestId() {
        return "it-poison-" + UUID.randomUUID();
    }

    private static Poison produce(KafkaProducer<byte[], byte[]> producer, String key, Poison poison)
            throws ExecutionException, InterruptedException {
        RecordMetadata landed = producer.send(new ProducerRecord<>(poison.topic(), key.getBytes(StandardCharsets.UTF_8),
                poison.value())).get();
        return new Poison(poison.name(), poison.topic(), poison.value(), poison.reason(), poison.requestId(),
                poison.rejectionCode(), landed);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static JsonNode accepted(Session owner, ApiClient.Response request) {
        JsonNode status = decided(owner.api(), request);
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ACCEPTED");
        return status;
    }

    private static JsonNode entries(Session owner, String accountId) {
        return owner.api().get("/v1/accounts/" + accountId + "/entries?limit=50").body().path("items");
    }

    /** The poisons' decisions as downstream consumers see them: on cpl.ledger.decisions, keyed by the target. */
    private Map<String, LedgerDecision> decisionsOf(String target, List<String> requestIds) {
        Map<String, LedgerDecision> found = new HashMap<>();
        byte[] key = target.getBytes(StandardCharsets.UTF_8);
        for (ConsumerRecord<byte[], byte[]> record : CommittedRecords.await(Topics.LEDGER_DECISIONS,
                record -> Arrays.equals(key, record.key()) && requestIds.contains(decision(record).getRequestId()),
                requestIds.size())) {
            found.put(decision(record).getRequestId(), decision(record));
        }
        return found;
    }

    private LedgerDecision decision(ConsumerRecord<byte[], byte[]> record) {
        return topics.decisionSerde().deserialize(record.topic(), record.value());
    }

    /** The dead-letter counter of the ledger, per "topic reason". */
    private static Map<String, Double> deadLettersCounted(ApiClient ledger) {
        Map<String, Double> counted = new HashMap<>();
        for (String topic : List.of(Topics.ACCOUNT_COMMANDS, Topics.LEDGER_TRANSFER_LEGS)) {
            ApiClient.Response reasons = ledger.get("/actuator/metrics/" + DeadLetterMetrics.NAME + "?tag=topic:" + topic);
            if (reasons.status() == 404) {
                continue; // nothing counted yet on this topic
            }
            assertThat(reasons.status()).as(reasons.rawBody()).isEqualTo(200);
            for (JsonNode tag : reasons.body().path("availableTags")) {
                if (!tag.path("tag").asText().equals("reason")) {
                    continue;
                }
                for (JsonNode reason : tag.path("values")) {
                    JsonNode one = ledger.get("/actuator/metrics/" + DeadLetterMetrics.NAME + "?tag=topic:" + topic
                            + "&tag=reason:" + reason.asText()).body();
                    counted.put(topic + " " + reason.asText(), one.path("measurements").get(0).path("value").asDouble());
                }
            }
        }
        return counted;
    }
}
