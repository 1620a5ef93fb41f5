package io.cloudphone.ledger.schemas.deadletter;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers of a record on a dead-letter topic (e.g. {@code cpl.ledger.dead-letters}), beside the original
 * key, value, timestamp and headers, which it keeps unchanged. All values are UTF-8 text, so that any console
 * consumer prints them.
 */
public final class DeadLetterHeaders {

    /** Why it was set aside: a stable code (NOT_WIRE_FORMAT, KEY_MISMATCH, ...); see README, "Dead letters". */
    public static final String REASON = "cpl.dead-letter.reason";
    /** What exactly was wrong with this record, for a human (at most 1,000 characters). */
    public static final String DETAIL = "cpl.dead-letter.detail";
    /** The topic, partition and offset it was read from. */
    public static final String TOPIC = "cpl.dead-letter.topic";
    public static final String PARTITION = "cpl.dead-letter.partition";
    public static final String OFFSET = "cpl.dead-letter.offset";
    /** The original record's timestamp (ISO-8601); the dead letter keeps it as its own timestamp too. */
    public static final String TIMESTAMP = "cpl.dead-letter.timestamp";
    /** When the app set it aside (ISO-8601, the app's wall clock). */
    public static final String DEAD_LETTERED_AT = "cpl.dead-letter.dead-lettered-at";
    /** The Kafka Streams application id of the app that set it aside (cpl-ledger). */
    public static final String APPLICATION = "cpl.dead-letter.application";

    private DeadLetterHeaders() {
    }

    /** The value of a header as text, or null when the record has none. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
