package io.cloudphone.ledger.streams.payments.machine;

import java.util.Objects;

/**
 * A refused event: its code (stable, see {@link RejectionCode}) and a reason a person can act on (it names the
 * machine, the state and the event). A rejection changes nothing; the app publishes it on the rejection topic.
 */
public record Rejection(RejectionCode code, String reason) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
