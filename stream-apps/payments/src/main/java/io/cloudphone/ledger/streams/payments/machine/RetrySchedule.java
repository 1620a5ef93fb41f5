package io.cloudphone.ledger.streams.payments.machine;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with a bound: the wait before attempt {@code n} is {@code firstDelay * factor^(n-1)}, never
 * more than {@code maxDelay}, and after {@code maxAttempts} attempts the schedule is exhausted: whoever follows it
 * gives up (the state machines move to their failure state with an alert). Pure: it computes waits, it never sleeps.
 *
 * <p>The factor is an integer so that every wait is exact (no floating point); a wait is capped before it is
 * multiplied, so no attempt number or cap overflows. {@link #compressedBy(long)} shrinks every duration for tests.
 *
 * <p>The defaults below follow what providers and open-source payment systems do (see the module README): they are
 * the values of the machines' deadlines unless their config keys say otherwise.
 */
public record RetrySchedule(Duration firstDelay, int factor, Duration maxDelay, int maxAttempts) {

    /** A bound on the bound: a schedule of more attempts is a mistake, not a policy. */
    public static final int ATTEMPTS_MAX = 10_000;

    /**
     * Status queries of a payment that waits for its buyer: Hyperswitch's schedule, a first query 60 s after the
     * charge, then every 300 s, 5 more times (60 s x 5 is 300 s, capped there). The last query is 26 minutes after
     * the charge, the give-up 31 minutes: after the order's 30-minute window, which normally closes the payment first.
     */
    public static final RetrySchedule PAYMENT_STATUS_QUERY = new RetrySchedule(Duration.ofSeconds(60), 5,
            Duration.ofSeconds(300), 6);

    /**
     * Status queries of a payment whose charge may or may not have happened (a time-out): sooner than a pending
     * payment's, since money may already have moved, then backing off to 10 minutes; about 55 minutes in all. Kill
     * Bill's 5 minutes, 1 hour, then daily suit a batch system; here the order's window closes the payment anyway.
     */
    public static final RetrySchedule UNCERTAIN_PAYMENT_QUERY = new RetrySchedule(Duration.ofSeconds(30), 2,
            Duration.ofMinutes(10), 8);

    /**
     * Closing a payment at its provider: WeChat Pay refuses a close within 5 minutes of the charge, so the retries
     * (30 s, 1, 2, 4 minutes, ...) must reach past that; about 55 minutes in all.
     */
    public static final RetrySchedule PAYMENT_CLOSE = new RetrySchedule(Duration.ofSeconds(30), 2,
            Duration.ofMinutes(10), 8);

    /**
     * Status queries of a submitted refund. Providers advise a first query after about a minute and, while it is
     * still processing after 5 minutes, backing off 5, 10, 20, 30 minutes: from 75 s doubling, capped at 30 minutes,
     * the waits are 1.25, 2.5, 5, 10, 20, 30, 30, ... minutes. 340 attempts last about 7 days: a refund stuck that
     * long is closed by the provider itself (CLOSED), so the last queries normally see a final answer, even for a
     * bank card that takes 1-3 business days.
     */
    public static final RetrySchedule REFUND_STATUS_QUERY = new RetrySchedule(Duration.ofSeconds(75), 2,
            Duration.ofMinutes(30), 340);

    public RetrySchedule {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("firstDelay must be positive, was " + firstDelay);
        }
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than firstDelay " + firstDelay);
        }
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1, was " + factor);
        }
        if (maxAttempts < 1 || maxAttempts > ATTEMPTS_MAX) {
            throw new IllegalArgumentException("maxAttempts must be 1 to " + ATTEMPTS_MAX + ", was " + maxAttempts);
        }
    }

    /**
     * The wait before attempt {@code attempt} (1 is the first), measured from the attempt before it (or from the
     * start). Attempt {@code maxAttempts + 1} is the give-up: its wait gives the last attempt time to be answered.
     */
    public Duration delayBefore(int attempt) {
        if (attempt < 1 || attempt > maxAttempts + 1) {
            throw new IllegalArgumentException("attempt must be 1 to " + (maxAttempts + 1) + ", was " + attempt);
        }
        Duration delay = firstDelay;
        // Bounded: the delay grows by the factor each round until the cap, at most maxAttempts rounds.
        for (int round = 1; round < attempt && delay.compareTo(maxDelay) < 0 && factor > 1; round++) {
            delay = delay.compareTo(maxDelay.dividedBy(factor)) > 0 ? maxDelay : delay.multipliedBy(factor);
        }
        return delay;
    }

    /** Whether {@code attemptsMade} attempts use the schedule up: the next step is to give up, not to try again. */
    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** The time from the start to the give-up: every attempt's wait and the last attempt's time to be answered. */
    public Duration untilGivingUp() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt <= maxAttempts + 1; attempt++) {
            total = total.plus(delayBefore(attempt));
        }
        return total;
    }

    /** The same schedule with every duration divided by {@code divisor}: tests run a day's retries in seconds. */
    public RetrySchedule compressedBy(long divisor) {
        if (divisor < 1) {
            throw new IllegalArgumentException("divisor must be at least 1, was " + divisor);
        }
        return new RetrySchedule(firstDelay.dividedBy(divisor), factor, maxDelay.dividedBy(divisor), maxAttempts);
    }
}
