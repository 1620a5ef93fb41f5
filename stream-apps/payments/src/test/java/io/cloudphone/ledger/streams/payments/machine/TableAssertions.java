package io.cloudphone.ledger.streams.payments.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Spot checks of single rows, and the time an aggregate can take through its states, for the machines' tests. */
final class TableAssertions {

    private TableAssertions() {
    }

    @SafeVarargs
    static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> void assertMoves(TransitionTable<S, E, F> table,
            S from, E event, S to, F... effects) {
        assertThat(table.decide(from, event)).as("%s %s on %s", table.name(), from, event)
                .isEqualTo(new Decision.Accepted<>(new Transition<>(Optional.of(from), event, to, List.of(effects))));
    }

    @SafeVarargs
    static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> void assertCreates(TransitionTable<S, E, F> table,
            E event, S to, F... effects) {
        assertThat(table.create(event)).as("%s created by %s", table.name(), event)
                .isEqualTo(new Decision.Accepted<>(new Transition<>(Optional.empty(), event, to, List.of(effects))));
    }

    static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> void assertRejects(TransitionTable<S, E, F> table,
            S from, E event) {
        assertThat(table.decide(from, event)).as("%s %s on %s", table.name(), from, event)
                .isInstanceOfSatisfying(Decision.Rejected.class, rejected -> assertThat(rejected.rejection().code())
                        .isEqualTo(RejectionCode.ILLEGAL_TRANSITION));
    }

    /** The longest an aggregate can stay in {@code state}: until its deadline gives up. */
    static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> Duration longestStay(
            TransitionTable<S, E, F> table, S state) {
        return switch (table.deadline(state).orElseThrow()) {
            case Deadline.Once<E> once -> once.after();
            case Deadline.Retrying<E> retrying -> retrying.schedule().untilGivingUp();
        };
    }

    /**
     * The longest an aggregate can take from its creation to one of {@code ends}, if nothing but its own timers
     * moves it: the longest path of stays, which exists because no path back to a state it left may be taken
     * before an end (a cycle fails the test).
     */
    static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> Duration longestLifeUntil(
            TransitionTable<S, E, F> table, Set<S> ends) {
        return table.transitions().stream().filter(Transition::creates)
                .map(row -> longestFrom(table, row.to(), ends, new HashSet<>()))
                .max(Duration::compareTo).orElseThrow();
    }

    private static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> Duration longestFrom(
            TransitionTable<S, E, F> table, S state, Set<S> ends, Set<S> path) {
        if (ends.contains(state) || table.isTerminal(state)) {
            return Duration.ZERO;
        }
        assertThat(path.add(state)).as("%s: a cycle through %s before %s", table.name(), state, ends).isTrue();
        Duration after = table.rowsFrom(state).values().stream().filter(row -> row.to() != state)
                .map(row -> longestFrom(table, row.to(), ends, path)).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        path.remove(state);
        return longestStay(table, state).plus(after);
    }
}
