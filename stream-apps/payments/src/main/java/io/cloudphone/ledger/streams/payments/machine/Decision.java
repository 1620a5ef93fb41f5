package io.cloudphone.ledger.streams.payments.machine;

import java.util.List;

/**
 * What a {@link TransitionTable} answers for one event: the row that applies, or the rejection. The app switches
 * over it exhaustively; a rejection carries no state and no effect, so applying it changes nothing.
 */
public sealed interface Decision<S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> {

    /** The state the aggregate is in after this decision: the row's target, or {@code current} if rejected. */
    S stateAfter(S current);

    /** The side effects to emit, in order: none for a rejection. */
    List<F> effects();

    /** The event is legal: {@code transition} is the row that applies. */
    record Accepted<S extends Enum<S>, E extends Enum<E>, F extends Enum<F>>(Transition<S, E, F> transition)
            implements Decision<S, E, F> {

        @Override
        public S stateAfter(S current) {
            return transition.to();
        }

        @Override
        public List<F> effects() {
            return transition.effects();
        }
    }

    /** The event is illegal here: nothing changes, and {@code rejection} says why. */
    record Rejected<S extends Enum<S>, E extends Enum<E>, F extends Enum<F>>(Rejection rejection)
            implements Decision<S, E, F> {

        @Override
        public S stateAfter(S current) {
            return current;
        }

        @Override
        public List<F> effects() {
            return List.of();
        }
    }
}
