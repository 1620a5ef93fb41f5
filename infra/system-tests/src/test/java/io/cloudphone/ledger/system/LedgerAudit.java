package io.cloudphone.ledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.ledger.DecisionOutcome;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import io.cloudphone.ledger.schemas.serde.RestSchemaRegistryClient;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads what the ledger published (committed records only, as any downstream consumer must) for a set of
 * accounts, and checks it against what was asked: exactly one decision per request, entries only for
 * accepted ones and each entry once, and every balance the sum of its entries.
 */
public final class LedgerAudit {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    private final Set<String> accounts;
    private final Topics topics = new Topics(new RestSchemaRegistryClient(LocalStack.registryUrl()));
    private List<LedgerDecision> decisions = List.of();
    private List<LedgerEntry> entries = List.of();

    public LedgerAudit(Collection<String> accounts) {
        this.accounts = Set.copyOf(accounts);
    }

    /**
     * Reads until every one of {@code requestIds} has a decision on the decisions topic, and decisions and
     * entries are one consistent snapshot. The ledger keeps deciding after the clients stop (transfer legs,
     * hold expiries), and a decision commits with its entries in one transaction: so decisions are read
     * again after the entries, and the snapshot holds only when no decision arrived in between.
     */
    public LedgerAudit awaitDecisionsOf(Collection<String> requestIds, Duration timeout) {
        Awaitility.await("decisions of " + requestIds.size() + " requests").atMost(timeout)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    List<LedgerDecision> before = read(Topics.LEDGER_DECISIONS, topics.decisionSerde());
                    Set<String> decided = before.stream().map(LedgerDecision::getRequestId).collect(Collectors.toSet());
                    if (!decided.containsAll(requestIds)) {
                        return false;
                    }
                    entries = read(Topics.LEDGER_ENTRIES, topics.entrySerde());
                    decisions = read(Topics.LEDGER_DECISIONS, topics.decisionSerde());
                    return decisions.size() == before.size();
                });
        return this;
    }

    public List<LedgerDecision> decisions() {
        return decisions;
    }

    /** Every request decided exactly once: a redelivery or a replay after a crash never decides again. */
    public LedgerAudit assertEachRequestDecidedOnce(Collection<String> requestIds) {
        Map<String, Long> perRequest = decisions.stream()
                .collect(Collectors.groupingBy(LedgerDecision::getRequestId, Collectors.counting()));
        assertThat(perRequest).as("decisions per request").allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(perRequest.keySet()).containsAll(requestIds);
        return this;
    }

    /** Accepted requests have their entries exactly once; rejected ones have none. */
    public LedgerAudit assertEntriesMatchDecisions() {
        Map<String, LedgerDecision> byRequest = decisions.stream()
                .collect(Collectors.toMap(LedgerDecision::getRequestId, Function.identity(), (a, b) -> a));
        assertThat(entries).extracting(LedgerEntry::getEntryId).doesNotHaveDuplicates();
        assertThat(entries).allSatisfy(entry -> assertThat(byRequest.get(entry.getRequestId()))
                .as("decision of the request of entry %s", entry.getEntryId())
                .isNotNull()
                .extracting(LedgerDecision::getOutcome).isEqualTo(DecisionOutcome.ACCEPTED));
        Set<String> withEntries = entries.stream().map(LedgerEntry::getRequestId).collect(Collectors.toSet());
        List<String> movedMoneyWithoutEntries = decisions.stream()
                .filter(d -> d.getOutcome() == DecisionOutcome.ACCEPTED && movesMoney(d.getOperation()))
                .map(LedgerDecision::getRequestId).filter(id -> !withEntries.contains(id)).toList();
        assertThat(movedMoneyWithoutEntries).as("accepted money movements without entries").isEmpty();
        return this;
    }

    /** Each account's available money is the sum of its entries, its held money the sum of its holds account's. */
    public LedgerAudit assertBalancesAreSumsOfEntries(ApiClient api) {
        Map<String, BigInteger> net = new HashMap<>();
        for (LedgerEntry entry : entries) {
            BigInteger amount = BigInteger.valueOf(entry.getAmountMinor());
            net.merge(entry.getCreditAccount(), amount, BigInteger::add);
            net.merge(entry.getDebitAccount(), amount.negate(), BigInteger::add);
        }
        for (String account : accounts) {
            var balance = Requests.balance(api, account);
            assertThat(BigInteger.valueOf(balance.path("available").asLong())).as("available of " + account)
                    .isEqualTo(net.getOrDefault(account, BigInteger.ZERO));
            assertThat(BigInteger.valueOf(balance.path("held").asLong())).as("held of " + account)
                    .isEqualTo(net.getOrDefault("@holds:" + account, BigInteger.ZERO));
        }
        assertThat(net.values().stream().reduce(BigInteger.ZERO, BigInteger::add)).as("all entries balance").isZero();
        return this;
    }

    public int entryCount() {
        return entries.size();
    }

    private static boolean movesMoney(String operation) {
        return !operation.equals("OpenAccount") && !operation.equals("SetOverdraftLimit");
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
