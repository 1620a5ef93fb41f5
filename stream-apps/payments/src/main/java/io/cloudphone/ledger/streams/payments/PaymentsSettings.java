package io.cloudphone.ledger.streams.payments;

import io.cloudphone.ledger.streams.payments.cases.Deadlines;
import java.time.Duration;
import java.util.Objects;

/**
 * How the payments app runs its rules: the deadlines' timing and how often it looks for due timers.
 *
 * @param deadlines          the tables' deadlines, overridden or compressed (tests, the walkthrough)
 * @param timerCheckInterval how often (wall clock) the due timers fire; a deadline is late by at most this
 */
public record PaymentsSettings(Deadlines deadlines, Duration timerCheckInterval) {

    public static final PaymentsSettings PRODUCTION = new PaymentsSettings(Deadlines.PRODUCTION, Duration.ofSeconds(1));

    public PaymentsSettings {
        Objects.requireNonNull(deadlines, "deadlines");
        if (timerCheckInterval == null || timerCheckInterval.isNegative() || timerCheckInterval.isZero()) {
            throw new IllegalArgumentException("the timer check interval must be positive, was " + timerCheckInterval);
        }
    }
}
