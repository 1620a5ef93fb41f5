package io.cloudphone.ledger.schemas;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One topic of the system as it must exist: what the launcher creates, what the ledger checks at start, what
 * README's topic table says (a test compares them).
 *
 * @param partitions the same for every topic keyed by account id: keys hash to the same partition number in
 *                   each, which is what lets the ledger read commands and its own transfer legs in one task
 * @param retention  how long records are kept; null: the broker's default (7 days); ignored when compacted
 * @param key        what the key is, in words ("account id")
 * @param value      the Avro record of the value (its simple name), or "raw" for bytes kept as they came
 * @param writer     who writes it: {@link #DEBEZIUM} or an app's name
 */
public record TopicSpec(String name, int partitions, Cleanup cleanup, Duration retention, String key, String value,
                        String writer) {

    public static final String DEBEZIUM = "Debezium (outbox)";
    public static final String RAW = "raw";

    public enum Cleanup {
        /** Records are deleted after the retention: a log of events. */
        DELETE,
        /** Only the last record per key is kept: a table of latest values. */
        COMPACT
    }

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanup, "cleanup");
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be positive, was " + partitions);
        }
    }

    /** The topic configs to create it with (Kafka's names). */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("cleanup.policy", cleanup.name().toLowerCase(Locale.ROOT));
        if (retention != null && cleanup == Cleanup.DELETE) {
            configs.put("retention.ms", Long.toString(retention.toMillis()));
        }
        return configs;
    }
}
