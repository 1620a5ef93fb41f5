package io.cloudphone.ledger.streams;

import static io.cloudphone.ledger.system.Requests.balance;
import static io.cloudphone.ledger.system.Requests.decided;
import static io.cloudphone.ledger.system.Requests.money;
import static io.cloudphone.ledger.system.Requests.openAccount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudphone.ledger.schemas.TopicSpec;
import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.deadletter.DeadLetterHeaders;
import io.cloudphone.ledger.schemas.serde.RestSchemaRegistryClient;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.CommittedRecords;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.LocalStack;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.TestTokens;
import io.cloudphone.ledger.system.TestTokens.Claims;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stream app that cannot write its output is never reported as up: with its dead-letter topic deleted, the
 * ledger's next dead letter blocks its stream thread (Kafka's transactional producer retries for ever, its state
 * still RUNNING); health turns DOWN with the reason within the stall timeout, nothing is decided meanwhile, and
 * once the topic is back the ledger resumes with nothing lost or skipped.
 */
@ExtendWith(RunningSystem.class)
class LedgerStallIsReportedIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);
    /** As bin/stack creates it: from the catalogue. */
    private static final TopicSpec DEAD_LETTERS_SPEC = Topics.named(Topics.LEDGER_DEAD_LETTERS).orElseThrow();
    private static final NewTopic DEAD_LETTERS = new NewTopic(DEAD_LETTERS_SPEC.name(), DEAD_LETTERS_SPEC.partitions(),
            (short) 1).configs(DEAD_LETTERS_SPEC.configs());

    private final Topics topics = new Topics(new RestSchemaRegistryClient(LocalStack.registryUrl()));

    @Test
    void aDeletedOutputTopicStallsTheLedgerHealthSaysSoAndNothingIsLostOnceItIsBack(Apps apps, ApiClient anonymous)
            throws Exception {
        Session owner = Identities.newUser(anonymous);
        String account = openAccount(owner.api(), "CNY");
        assertThat(decided(owner.api(), money(owner.api(), account, "recharges", 100, "CNY")).path("status").asText())
                .isEqualTo("ACCEPTED");
        // Health's components and details are for system:monitor only.
        ApiClient ledger = apps.ledger().client()
                .withToken(TestTokens.signedByStack(Claims.service("monitor", List.of("system:monitor"))));
        ApiClient.Response recharge;
        try (Admin admin = admin(); KafkaProducer<byte[], byte[]> producer = producer()) {
            // A first dead letter on the account's partition, so that the ledger's producer knows the topic.
            produceGarbage(producer, account, "first");
            CommittedRecords.await(Topics.LEDGER_DEAD_LETTERS, record -> isGarbage(record.value(), "first"), 1);
            try {
                admin.deleteTopics(List.of(Topics.LEDGER_DEAD_LETTERS)).all().get(30, TimeUnit.SECONDS);
                Awaitility.await("dead-letter topic gone").atMost(SETTLE)
                        .until(() -> !admin.listTopics().names().get().contains(Topics.LEDGER_DEAD_LETTERS));

                produceGarbage(producer, account, "second");
                recharge = money(owner.api(), account, "recharges", 7, "CNY");
                assertThat(recharge.status()).isEqualTo(202);

                JsonNode down = Awaitility.await("ledger health DOWN").atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                        .until(() -> ledger.get("/actuator/health").body(), health -> "DOWN".equals(health.path("status").asText()));
                JsonNode streams = down.path("components").path("streams").path("details");
                assertThat(streams.path("state").asText()).isEqualTo("STALLED");
                assertThat(streams.path("error").asText()).contains("has not polled");
                // Its decision may sit in the ledger's store (queries read it), but nothing is committed while stalled.
                assertThat(committedDecisionsOf(recharge)).as("committed while stalled").isEmpty();
            } finally {
                recreate(admin);
            }
            Awaitility.await("ledger health UP again").atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                    .until(() -> ledger.get("/actuator/health").body().path("status").asText(), "UP"::equals);
        }
        assertThat(Requests.awaitDecision(owner.api(), recharge).path("status").asText()).isEqualTo("ACCEPTED");
        Awaitility.await("the recharge's decision committed").atMost(SETTLE)
                .until(() -> committedDecisionsOf(recharge).size() == 1);
        assertThat(CommittedRecords.await(Topics.LEDGER_DEAD_LETTERS, record -> isGarbage(record.value(), "second"), 1)).singleElement()
                .satisfies(deadLetter -> assertThat(CommittedRecords.header(deadLetter, DeadLetterHeaders.REASON))
                        .isEqualTo("NOT_WIRE_FORMAT"));
        assertThat(balance(owner.api(), account).path("balance").asLong()).isEqualTo(107);
    }

    /** The committed decisions of a request on cpl.ledger.decisions, as a downstream consumer sees them. */
    private List<ConsumerRecord<byte[], byte[]>> committedDecisionsOf(ApiClient.Response accepted) {
        String requestId = accepted.body().path("requestId").asText();
        return CommittedRecords.readToEnd(Topics.LEDGER_DECISIONS, record -> requestId.equals(
                topics.decisionSerde().deserialize(record.topic(), record.value()).getRequestId()));
    }

    /** Creates the topic again, waiting out the broker's asynchronous deletion. */
    private static void recreate(Admin admin) {
        Awaitility.await("dead-letter topic created again").atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    if (!admin.listTopics().names().get().contains(Topics.LEDGER_DEAD_LETTERS)) {
                        admin.createTopics(List.of(DEAD_LETTERS)).all().get(30, TimeUnit.SECONDS);
                    }
                    return admin.listTopics().names().get().contains(Topics.LEDGER_DEAD_LETTERS);
                });
    }

    private static void produceGarbage(KafkaProducer<byte[], byte[]> producer, String key, String marker)
            throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(Topics.ACCOUNT_COMMANDS, key.getBytes(StandardCharsets.UTF_8),
                garbage(marker))).get();
    }

    private static byte[] garbage(String marker) {
        return ("stall-it garbage " + marker).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isGarbage(byte[] value, String marker) {
        return Arrays.equals(value, garbage(marker));
    }

    private static Admin admin() {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        return Admin.create(settings);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
