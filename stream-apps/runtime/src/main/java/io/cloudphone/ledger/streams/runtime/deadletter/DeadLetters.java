package io.cloudphone.ledger.streams.runtime.deadletter;

import io.cloudphone.ledger.schemas.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends input records a processor sets aside to its dead-letter sink: the original key and value bytes
 * untouched, the original timestamp, the original headers plus {@link DeadLetterHeaders} (why, from where, when). Forwarded through
 * the processor's context, so a dead letter commits in the same exactly-once transaction as the input
 * offset it replaces: it is never lost, and never written for a record that is processed again.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final ProcessorContext<Object, Object> context;
    private final String sink;
    private final DeadLetterCounter counter;

    public DeadLetters(ProcessorContext<Object, Object> context, String sink, DeadLetterCounter counter) {
        this.context = context;
        this.sink = sink;
        this.counter = counter;
    }

    /** Only for a record this processor is processing now: its metadata says where it came from. */
    public void send(Record<byte[], byte[]> record, DeadLetter deadLetter) {
        RecordMetadata source = context.recordMetadata()
                .orElseThrow(() -> new IllegalStateException("dead letters come from input records, which have metadata"));
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        log.warn("dead letter from {}-{}@{}: {}: {}", source.topic(), source.partition(), source.offset(),
                deadLetter.reason(), deadLetter.detail());
        context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(),
                headers(record, deadLetter, source, now)), sink);
        counter.count(source.topic(), deadLetter.reason());
    }

    private Headers headers(Record<byte[], byte[]> record, DeadLetter deadLetter, RecordMetadata source, Instant now) {
        Headers headers = new RecordHeaders(record.headers() == null ? new Header[0] : record.headers().toArray());
        put(headers, DeadLetterHeaders.REASON, deadLetter.reason());
        put(headers, DeadLetterHeaders.DETAIL, deadLetter.detail());
        put(headers, DeadLetterHeaders.TOPIC, source.topic());
        put(headers, DeadLetterHeaders.PARTITION, Integer.toString(source.partition()));
        put(headers, DeadLetterHeaders.OFFSET, Long.toString(source.offset()));
        put(headers, DeadLetterHeaders.TIMESTAMP, Instant.ofEpochMilli(record.timestamp()).toString());
        put(headers, DeadLetterHeaders.DEAD_LETTERED_AT, now.toString());
        put(headers, DeadLetterHeaders.APPLICATION, context.applicationId());
        return headers;
    }

    /** Ours replace any header of the same name the original carried: a dead letter dead-lettered again says why now. */
    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
