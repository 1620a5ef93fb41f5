package io.cloudphone.ledger.streams.runtime.deadletter;

import io.cloudphone.ledger.schemas.serde.AvroSerde;
import io.cloudphone.ledger.schemas.serde.RegistryUnavailableException;
import io.cloudphone.ledger.schemas.serde.UnreadableRecordException;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * An input value after decoding: the record, or why it is unreadable. A stream app decodes its own input
 * (its sources read bytes) so that an unreadable record becomes a dead letter inside the same exactly-once
 * transaction as everything else, never an exception that stops the app.
 */
public sealed interface Decoded<T> {

    /** No value at all: on an insert-only topic nothing can be decided from it. */
    String TOMBSTONE = "TOMBSTONE";

    record Readable<T>(T value) implements Decoded<T> {
    }

    /**
     * @param asWritten what the writer wrote, when its schema could read it but ours cannot: it may still carry
     *                  an id to answer the sender with
     */
    record Unreadable<T>(DeadLetter deadLetter, Optional<GenericRecord> asWritten) implements Decoded<T> {
    }

    /**
     * A registry outage is not the record's fault and is not caught here: it propagates and stops the app,
     * which then reads the same record again once restarted (see {@link RegistryUnavailableException}).
     */
    static <T extends SpecificRecord> Decoded<T> decode(AvroSerde<T> serde, String topic, byte[] value) {
        if (value == null) {
            return new Unreadable<>(new DeadLetter(TOMBSTONE, "the record has no value"), Optional.empty());
        }
        try {
            return new Readable<>(serde.deserialize(topic, value));
        } catch (UnreadableRecordException unreadable) {
            return new Unreadable<>(new DeadLetter(unreadable.flaw().name(), unreadable.getMessage()),
                    unreadable.asWritten());
        }
    }
}
