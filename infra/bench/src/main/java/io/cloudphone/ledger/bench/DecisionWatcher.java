package io.cloudphone.ledger.bench;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.ledger.LedgerDecision;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches a decisions topic the way a downstream consumer does (read_committed) and notes when each request's
 * decision became visible: the end of "request to visible decision".
 */
final class DecisionWatcher implements AutoCloseable {

    /** When a decision was first seen, and whether it accepted. */
    record Seen(long nanos, boolean accepted) {
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    DecisionWatcher(String bootstrapServers, String topic, AvroSerde<LedgerDecision> serde) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-watch-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any request of the scenario is sent
        thread = Thread.ofPlatform().name("decision-watcher").start(() -> watch(consumer, topic, serde));
    }

    private void watch(KafkaConsumer<String, byte[]> consumer, String topic, AvroSerde<LedgerDecision> serde) {
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    long now = System.nanoTime();
                    LedgerDecision decision = serde.deserialize(topic, record.value());
                    seen.putIfAbsent(decision.getRequestId(),
                            new Seen(now, decision.getOutcome().name().equals("ACCEPTED")));
                }
            }
        }
    }

    Seen seen(String requestId) {
        return seen.get(requestId);
    }

    int count() {
        return seen.size();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static DecisionWatcher onLedgerDecisions(String bootstrapServers, Topics topics) {
        return new DecisionWatcher(bootstrapServers, Topics.LEDGER_DECISIONS, topics.decisionSerde());
    }
}
