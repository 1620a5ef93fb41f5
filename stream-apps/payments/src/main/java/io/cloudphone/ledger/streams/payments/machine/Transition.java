package io.cloudphone.ledger.streams.payments.machine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a {@link TransitionTable}: in state {@code from}, {@code event} moves the aggregate to {@code to} and
 * asks for {@code effects}, in order. A row with no {@code from} creates the aggregate: its event is the one that
 * brings it into being, and its effects are what creation sets off.
 *
 * @param <S> the machine's states
 * @param <E> the events it decides
 * @param <F> the effects (side effects the app emits for others to carry out)
 */
public record Transition<S extends Enum<S>, E extends Enum<E>, F extends Enum<F>>(
        Optional<S> from, E event, S to, List<F> effects) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(to, "to");
        effects = List.copyOf(effects);
    }

    /** Whether this row creates the aggregate (it has no state to come from). */
    public boolean creates() {
        return from.isEmpty();
    }
}
