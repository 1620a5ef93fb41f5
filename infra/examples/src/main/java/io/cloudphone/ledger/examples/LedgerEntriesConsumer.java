package io.cloudphone.ledger.examples;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.ledger.LedgerEntry;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import io.cloudphone.ledger.schemas.serde.RestSchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A downstream consumer of the ledger, as small as it can be while correct: it reads {@code cpl.ledger.entries}
 * with read_committed (so it never sees output of a ledger transaction that was aborted), decodes the Confluent
 * wire format through the registry, and prints each posting. Run: {@code infra/bin/example-consumer}.
 *
 * <p>Entries are exactly once on the topic and in order per account (the record key); a consumer that
 * itself may re-read (after its own crash) keeps the last {@code versionAfter} it applied per account and
 * skips anything at or below it.
 */
public final class LedgerEntriesConsumer {

    private static final Duration POLL = Duration.ofMillis(500);

    private LedgerEntriesConsumer() {
    }

    public static void main(String[] args) {
        String bootstrap = "127.0.0.1:" + System.getenv().getOrDefault("CPL_KAFKA_PORT", "59092");
        String registry = "http://127.0.0.1:" + System.getenv().getOrDefault("CPL_REGISTRY_PORT", "58081")
                + "/apis/ccompat/v7";
        AvroSerde<LedgerEntry> entries = new Topics(new RestSchemaRegistryClient(registry)).entrySerde();
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, args.length > 0 ? args[0] : "example-entries-consumer");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.LEDGER_ENTRIES));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    LedgerEntry entry = entries.deserialize(record.topic(), record.value());
                    System.out.printf("%s v%d %-15s %s -> %s %d %s (balance %d, available %d, held %d)%n",
                            record.key(), entry.getVersionAfter(), entry.getKind(), entry.getDebitAccount(),
                            entry.getCreditAccount(), entry.getAmountMinor(), entry.getCurrency(),
                            entry.getBalanceAfter(), entry.getAvailableAfter(), entry.getHeldAfter());
                }
            }
        }
    }
}
