package io.cloudphone.ledger.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A record could not be written or read: bad framing, unknown schema id, or an unreachable registry. */
public class SerdeException extends SerializationException {

    public SerdeException(String message) {
        super(message);
    }

    public SerdeException(String message, Throwable cause) {
        super(message, cause);
    }
}
