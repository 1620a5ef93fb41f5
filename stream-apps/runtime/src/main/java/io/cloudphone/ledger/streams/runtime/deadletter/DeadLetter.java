package io.cloudphone.ledger.streams.runtime.deadletter;

import java.util.Objects;

/**
 * Why an input record was set aside instead of processed.
 *
 * @param reason a stable, machine-readable code (NOT_WIRE_FORMAT, KEY_MISMATCH, ...): the header operators
 *               filter on and the metric's tag
 * @param detail what exactly was wrong with this record, for a human
 */
public record DeadLetter(String reason, String detail) {

    /** Bound on the detail header: a reason, not a copy of the record. */
    static final int DETAIL_LENGTH_MAX = 1_000;

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail.length() <= DETAIL_LENGTH_MAX ? detail
                : detail.substring(0, DETAIL_LENGTH_MAX - 3) + "...";
    }
}
