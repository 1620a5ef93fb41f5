package io.cloudphone.ledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.launcher.process.Processes;
import io.cloudphone.ledger.reference.ClientRecord;
import io.cloudphone.ledger.reference.ReferenceAudit;
import io.cloudphone.ledger.reference.ReferenceLedger;
import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import io.cloudphone.ledger.schemas.serde.RestSchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the ledger published (committed records only, as any downstream consumer must) for the accounts of a
 * {@link ClientRecord}, and judges it with {@link ReferenceAudit} against the independent model of the ledger fed
 * what the clients sent: every decision, entry and transfer leg as the model derives it, nothing twice, nothing
 * missing, nothing left in flight; then the balances the API reports against the model's.
 */
public final class LedgerAudit {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration JUDGE_INTERVAL = Duration.ofSeconds(2);
    private static final int FINDINGS_SHOWN = 20;

    private final ClientRecord record;
    private final Set<String> accounts;
    private final Topics topics = new Topics(new RestSchemaRegistryClient(LocalStack.registryUrl()));
    private ReferenceAudit.Verdict verdict;
    private int entryCount;

    public LedgerAudit(ClientRecord record) {
        this.record = record;
        this.accounts = Set.copyOf(record.accounts());
    }

    /**
     * Judges consistent snapshots of the ledger's topics until the model agrees with one; fails at once on a
     * finding that no later decision can mend, and with the last findings when what is missing stays missing. The ledger keeps deciding after the clients stop (transfer legs), and a decision commits with its
     * entries in one transaction: so decisions are read again after the entries, and a snapshot is judged only
     * when no decision arrived in between.
     */
    public LedgerAudit awaitAgreement(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<LedgerDecision> before = read(Topics.LEDGER_DECISIONS, topics.decisionSerde());
            List<LedgerEntry> entries = read(Topics.LEDGER_ENTRIES, topics.entrySerde());
            List<LedgerDecision> decisions = read(Topics.LEDGER_DECISIONS, topics.decisionSerde());
            if (decisions.size() == before.size()) {
                verdict = ReferenceAudit.judge(record, decisions, entries);
                entryCount = entries.size();
                if (verdict.agrees()) {
                    return this;
                }
                if (!verdict.mayStillAgree()) {
                    // A wrong, repeated or misplaced decision is published for good: waiting cannot mend it.
                    throw new AssertionError("the ledger's topics disagree with the reference model; "
                            + verdict.summary(FINDINGS_SHOWN));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the ledger's topics never agreed with the reference model within " + timeout
                        + (verdict == null ? "" : "; " + verdict.summary(FINDINGS_SHOWN)));
            }
            Processes.pause(JUDGE_INTERVAL);
        }
    }

    /** What the API reports for each account is what the model ended with. */
    public LedgerAudit assertBalancesAsModelled(ApiClient api) {
        for (String account : accounts) {
            ReferenceLedger.Balance expected = verdict.model().balance(account).orElseThrow();
            var balance = Requests.balance(api, account);
            assertThat(List.of(balance.path("balance").asLong(), balance.path("available").asLong(),
                    balance.path("held").asLong(), balance.path("version").asLong()))
                    .as("balance, available, held and version of %s", account)
                    .containsExactly(expected.balance(), expected.available(), expected.held(), expected.version());
        }
        return this;
    }

    public ReferenceAudit.Verdict verdict() {
        return verdict;
    }

    public int entryCount() {
        return entryCount;
    }

    private <T extends org.apache.avro.specific.SpecificRecord> List<T> read(String topic, AvroSerde<T> serde) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafkaBootstrap());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "audit-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (accounts.contains(record.key())) {
                        values.add(serde.deserialize(topic, record.value()));
                    }
                }
            }
        }
        return values;
    }
}
