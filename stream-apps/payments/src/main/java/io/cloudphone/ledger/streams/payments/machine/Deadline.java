package io.cloudphone.ledger.streams.payments.machine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How long an aggregate may stay in one intermediate state, and what happens when that time passes: its next
 * action, as an event the app raises on a timer and decides like any other. Nothing waits forever: a
 * {@link TransitionTable} refuses an intermediate state without one.
 *
 * <p>Attempts count the timer's own retries while the aggregate stays in the state, and start at 0 each time it
 * enters it; the app keeps the count with the aggregate. The timer fires {@link #delayAfter(int)} after the state
 * was entered or the last attempt was made, and only if the aggregate is still in that state: a timer of a state
 * that was left is void. {@link #configKey()} names the setting that overrides the default timing.
 */
public sealed interface Deadline<E extends Enum<E>> {

    /** The setting that overrides this deadline's timing (compressed in tests). */
    String configKey();

    /** How long after entering the state, or after the last of {@code attemptsMade} attempts, the timer fires. */
    Duration delayAfter(int attemptsMade);

    /** The event the timer raises after {@code attemptsMade} attempts: the state's next action. */
    E eventAfter(int attemptsMade);

    /** Every event this deadline can raise: each must be a row of its state. */
    List<E> events();

    /** The same deadline with every duration divided by {@code divisor}. */
    Deadline<E> compressedBy(long divisor);

    /** Fires once, {@code after} the state was entered, raising {@code event}: a row that leaves the state. */
    static <E extends Enum<E>> Once<E> once(String configKey, Duration after, E event) {
        return new Once<>(configKey, after, event);
    }

    /**
     * A deadline that retries the state's action on {@code schedule}: each firing raises {@code retry} (a row that
     * stays in the state and repeats the action) until the schedule is exhausted, then {@code giveUp} (a row that
     * leaves it, normally for the failure state, with an alert).
     */
    static <E extends Enum<E>> Retrying<E> retrying(String configKey, RetrySchedule schedule, E retry, E giveUp) {
        return new Retrying<>(configKey, schedule, retry, giveUp);
    }

    /** Fires once: {@link Deadline#once}. */
    record Once<E extends Enum<E>>(String configKey, Duration after, E event) implements Deadline<E> {

        public Once {
            Objects.requireNonNull(configKey, "configKey");
            Objects.requireNonNull(event, "event");
            if (after.isNegative() || after.isZero()) {
                throw new IllegalArgumentException(configKey + ": a deadline must be in the future, was " + after);
            }
        }

        @Override
        public Duration delayAfter(int attemptsMade) {
            return after;
        }

        @Override
        public E eventAfter(int attemptsMade) {
            return event;
        }

        @Override
        public List<E> events() {
            return List.of(event);
        }

        @Override
        public Once<E> compressedBy(long divisor) {
            if (divisor < 1) {
                throw new IllegalArgumentException("divisor must be at least 1, was " + divisor);
            }
            return new Once<>(configKey, after.dividedBy(divisor), event);
        }
    }

    /** Retries, then gives up: {@link Deadline#retrying}. */
    record Retrying<E extends Enum<E>>(String configKey, RetrySchedule schedule, E retry, E giveUp)
            implements Deadline<E> {

        public Retrying {
            Objects.requireNonNull(configKey, "configKey");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(giveUp, "giveUp");
            if (retry == giveUp) {
                throw new IllegalArgumentException(configKey + ": retrying and giving up must be different events");
            }
        }

        @Override
        public Duration delayAfter(int attemptsMade) {
            return schedule.delayBefore(attemptsMade + 1);
        }

        @Override
        public E eventAfter(int attemptsMade) {
            return schedule.exhausted(attemptsMade) ? giveUp : retry;
        }

        @Override
        public List<E> events() {
            return List.of(retry, giveUp);
        }

        @Override
        public Retrying<E> compressedBy(long divisor) {
            return new Retrying<>(configKey, schedule.compressedBy(divisor), retry, giveUp);
        }
    }
}
