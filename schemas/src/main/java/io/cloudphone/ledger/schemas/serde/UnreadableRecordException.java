package io.cloudphone.ledger.schemas.serde;

import java.util.Optional;
import org.apache.avro.generic.GenericRecord;

/**
 * These bytes are not a record this reader can use, and never will be: reading them again gives the same
 * answer. A consumer sets such a record aside (a dead-letter topic) instead of retrying it; compare
 * {@link RegistryUnavailableException}, which is worth retrying.
 */
public final class UnreadableRecordException extends SerdeException {

    /** Why the bytes cannot be read, from the outside in. */
    public enum Flaw {
        /** Shorter than the 5-byte header, or the first byte is not the magic 0. */
        NOT_WIRE_FORMAT,
        /** The registry has no schema with the id in the header. */
        UNKNOWN_SCHEMA_ID,
        /** The writer's schema is another record type than the one this topic carries. */
        OTHER_RECORD_TYPE,
        /** The body does not decode with the writer's own schema: truncated, corrupt, or with bytes left over. */
        CORRUPT_BODY,
        /**
         * The body decodes with the writer's schema, but the reader's schema cannot represent it (typically a
         * union branch the reader does not know yet): {@link #asWritten()} holds what the writer wrote.
         */
        UNRESOLVABLE
    }

    private final Flaw flaw;
    private final transient GenericRecord asWritten;

    UnreadableRecordException(Flaw flaw, String message, Throwable cause) {
        this(flaw, message, cause, null);
    }

    UnreadableRecordException(Flaw flaw, String message, Throwable cause, GenericRecord asWritten) {
        super(message, cause);
        this.flaw = flaw;
        this.asWritten = asWritten;
    }

    public Flaw flaw() {
        return flaw;
    }

    /** The record read with the writer's schema; present only for {@link Flaw#UNRESOLVABLE}. */
    public Optional<GenericRecord> asWritten() {
        return Optional.ofNullable(asWritten);
    }
}
