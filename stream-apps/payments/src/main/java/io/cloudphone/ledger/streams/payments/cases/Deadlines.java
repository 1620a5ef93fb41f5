package io.cloudphone.ledger.streams.payments.cases;

import io.cloudphone.ledger.streams.payments.machine.Deadline;
import io.cloudphone.ledger.streams.payments.machine.TransitionTable;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The timing the app runs the tables' deadlines on: the tables' own, with a one-shot deadline's delay overridden by
 * its config key (the order's 30-minute payment window is configurable), and every delay divided by
 * {@code divisor} (tests and the walkthrough compress hours into seconds; 1 in production).
 */
public record Deadlines(long divisor, Map<String, Duration> overrides) {

    public static final Deadlines PRODUCTION = new Deadlines(1, Map.of());

    public Deadlines {
        if (divisor < 1) {
            throw new IllegalArgumentException("the divisor of deadlines must be at least 1, was " + divisor);
        }
        overrides = Map.copyOf(overrides);
    }

    /** The deadline of {@code state} as the app runs it: empty for a terminal state. */
    public <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> Optional<Deadline<E>> of(
            TransitionTable<S, E, F> table, S state) {
        return table.deadline(state).map(this::overridden).map(deadline -> deadline.compressedBy(divisor));
    }

    private <E extends Enum<E>> Deadline<E> overridden(Deadline<E> deadline) {
        Duration override = overrides.get(deadline.configKey());
        return switch (deadline) {
            case Deadline.Once<E> once when override != null -> Deadline.once(once.configKey(), override, once.event());
            default -> deadline;
        };
    }
}
