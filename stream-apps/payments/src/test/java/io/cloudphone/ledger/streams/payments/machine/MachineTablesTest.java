package io.cloudphone.ledger.streams.payments.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What holds for every machine, checked on each by iterating its own table: every row is the decision for its
 * state and event, every other pair is a rejection that changes nothing, and the docs render every row.
 */
class MachineTablesTest {

    static Stream<TransitionTable<?, ?, ?>> tables() {
        return Stream.of(OrderMachine.TABLE, PaymentMachine.TABLE, RefundMachine.TABLE, InvoiceMachine.TABLE);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void everyRowIsTheDecisionForItsStateAndEvent(TransitionTable<?, ?, ?> table) {
        everyRowDecides(table);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void everyStateAndEventWithoutARowIsRejectedAndChangesNothing(TransitionTable<?, ?, ?> table) {
        everyOtherPairIsRejected(table);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void everyEventThatCreatesNothingIsRejectedForAMissingAggregate(TransitionTable<?, ?, ?> table) {
        everyNonCreatingEventNeedsAnAggregate(table);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void terminalStatesHaveNoRowsAndNoDeadline(TransitionTable<?, ?, ?> table) {
        terminalStatesAreEnds(table);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void everyIntermediateStateHasADeadlineWhoseNextActionIsOneOfItsRows(TransitionTable<?, ?, ?> table) {
        intermediateStatesHaveDeadlines(table);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void theMermaidDiagramDrawsEveryRowAndEveryEnd(TransitionTable<?, ?, ?> table) {
        mermaidDrawsEveryRow(table);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void theMarkdownTablesListEveryRowAndEveryDeadlineOnce(TransitionTable<?, ?, ?> table) {
        markdownListsEveryRow(table);
    }

    private static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> void everyRowDecides(
            TransitionTable<S, E, F> table) {
        for (Transition<S, E, F> row : table.transitions()) {
            Decision<S, E, F> decision = row.from().map(from -> table.decide(from, row.event()))
                    .orElseGet(() -> table.create(row.event()));
            assertThat(decision).as("%s", row).isEqualTo(new Decision.Accepted<>(row));
        }
    }

    private static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> void everyOtherPairIsRejected(
            TransitionTable<S, E, F> table) {
        int rejected = 0;
        for (S state : table.states()) {
            for (E event : table.events()) {
                if (table.rowsFrom(state).containsKey(event)) {
                    continue;
                }
                Decision<S, E, F> decision = table.decide(state, event);
                assertThat(decision).as("%s %s on %s", table.name(), state, event)
                        .isInstanceOfSatisfying(Decision.Rejected.class, refused -> {
                            assertThat(refused.rejection().code()).isEqualTo(RejectionCode.ILLEGAL_TRANSITION);
                            assertThat(refused.rejection().reason()).contains(table.name(), state.name(), event.name());
                        });
                assertThat(decision.stateAfter(state)).isEqualTo(state);
                assertThat(decision.effects()).isEmpty();
                rejected++;
            }
        }
        assertThat(rejected).isPositive();
    }

    private static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> void everyNonCreatingEventNeedsAnAggregate(
            TransitionTable<S, E, F> table) {
        table.events().stream()
                .filter(event -> table.transitions().stream().noneMatch(row -> row.creates() && row.event() == event))
                .forEach(event -> assertThat(table.create(event)).isInstanceOfSatisfying(Decision.Rejected.class,
                        refused -> {
                            assertThat(refused.rejection().code()).isEqualTo(RejectionCode.AGGREGATE_NOT_FOUND);
                            assertThat(refused.rejection().reason()).contains(table.name(), event.name());
                        }));
    }

    private static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> void terminalStatesAreEnds(
            TransitionTable<S, E, F> table) {
        assertThat(table.terminalStates()).isNotEmpty();
        for (S state : table.terminalStates()) {
            assertThat(table.transitions()).as("rows out of %s", state)
                    .noneMatch(row -> row.from().filter(state::equals).isPresent());
            assertThat(table.deadline(state)).as("deadline of %s", state).isEmpty();
        }
    }

    private static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> void intermediateStatesHaveDeadlines(
            TransitionTable<S, E, F> table) {
        table.states().stream().filter(state -> !table.isTerminal(state)).forEach(state -> {
            assertThat(table.deadline(state)).as("deadline of %s", state).isPresent();
            for (E event : table.deadline(state).orElseThrow().events()) {
                assertThat(table.decide(state, event)).as("%s on its deadline's %s", state, event)
                        .isInstanceOf(Decision.Accepted.class);
            }
        });
    }

    private static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> void mermaidDrawsEveryRow(
            TransitionTable<S, E, F> table) {
        String diagram = table.mermaid();
        assertThat(diagram).startsWith("stateDiagram-v2\n");
        for (Transition<S, E, F> row : table.transitions()) {
            String arrow = row.from().map(Enum::name).orElse("[*]") + " --> " + row.to() + " : " + row.event();
            assertThat(diagram).as("%s", row).contains("    " + arrow + (row.effects().isEmpty() ? "\n" : " / "));
        }
        table.terminalStates().forEach(state -> assertThat(diagram).contains("    " + state + " --> [*]\n"));
        assertThat(diagram.lines()).hasSize(1 + table.transitions().size() + table.terminalStates().size());
    }

    private static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> void markdownListsEveryRow(
            TransitionTable<S, E, F> table) {
        String rows = table.markdownTable();
        for (Transition<S, E, F> row : table.transitions()) {
            String line = "| " + row.from().map(Enum::name).orElse("(new)") + " | " + row.event() + " | " + row.to()
                    + " | ";
            assertThat(Arrays.stream(rows.split("\n")).filter(it -> it.startsWith(line))).as("%s", row).hasSize(1);
        }
        assertThat(rows.lines()).hasSize(2 + table.transitions().size());
        long intermediate = table.states().stream().filter(state -> !table.isTerminal(state)).count();
        assertThat(table.deadlineTable().lines()).hasSize(2 + (int) intermediate);
    }
}
