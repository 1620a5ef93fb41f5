package io.cloudphone.ledger.examples;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What an operator reads first when the dead-letter metric rises: every record the ledger set aside, with
 * why, from where and when, and the first bytes of its value. Reads {@code cpl.ledger.dead-letters} with
 * read_committed from the beginning. Run: {@code infra/bin/example-consumer dead-letters}.
 */
public final class DeadLettersConsumer {

    private static final Duration POLL = Duration.ofMillis(500);
    /** A dead letter can be a megabyte of garbage: show enough to recognise it. */
    private static final int VALUE_PREVIEW_BYTES = 48;

    private DeadLettersConsumer() {
    }

    public static void main(String[] args) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + System.getenv().getOrDefault("CPL_KAFKA_PORT", "59092"));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, args.length > 0 ? args[0] : "example-dead-letters-consumer");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.LEDGER_DEAD_LETTERS));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    System.out.println(describe(record));
                }
            }
        }
    }

    static String describe(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        return "%s from %s-%s@%s at %s (set aside %s by %s)%n  %s%n  key %s, value %s".formatted(
                DeadLetterHeaders.text(headers, DeadLetterHeaders.REASON),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.TOPIC),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.PARTITION),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.OFFSET),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.TIMESTAMP),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.DEAD_LETTERED_AT),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.APPLICATION),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.DETAIL),
                record.key() == null ? "none" : "'" + new String(record.key(), StandardCharsets.UTF_8) + "'",
                preview(record.value()));
    }

    private static String preview(byte[] value) {
        if (value == null) {
            return "none (a tombstone)";
        }
        int shown = Math.min(value.length, VALUE_PREVIEW_BYTES);
        return value.length + " bytes: " + HexFormat.ofDelimiter(" ").formatHex(value, 0, shown)
                + (shown < value.length ? " ..." : "");
    }
}
