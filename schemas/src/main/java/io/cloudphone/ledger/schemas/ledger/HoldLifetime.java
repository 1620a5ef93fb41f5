package io.cloudphone.ledger.schemas.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Every hold has a deadline: the expiry its client asked for (at most {@link #MAX} after the request), or, when it
 * asked for none, {@link #MAX} after the request. An open hold is money nobody may spend, so none stays open for
 * ever; at its deadline the ledger releases it.
 */
public final class HoldLifetime {

    /** The longest a hold stays open; command-api refuses a later expiry. */
    public static final Duration MAX = Duration.ofDays(30);

    private HoldLifetime() {
    }

    /** The expiry of a hold requested at {@code requestedAt}: the one asked for, or the longest allowed. */
    public static Instant expiresAt(Instant requested, Instant requestedAt) {
        Objects.requireNonNull(requestedAt, "requestedAt");
        return requested != null ? requested : requestedAt.plus(MAX);
    }
}
