package io.cloudphone.ledger.streams.payments.machine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The rules every {@link TransitionTable} must keep, checked once when it is built: a table that breaks one is a
 * programming error, so it fails the app's start (and every test), never a decision at run time.
 */
final class TableChecks<S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> {

    private final TransitionTable<S, E, F> table;

    TableChecks(TransitionTable<S, E, F> table) {
        this.table = table;
    }

    void run() {
        if (table.transitions().stream().noneMatch(Transition::creates)) {
            refuse("no row creates the aggregate");
        }
        for (Transition<S, E, F> row : table.transitions()) {
            row.from().filter(table::isTerminal).ifPresent(from -> refuse("a row leaves the terminal state " + from
                    + " on " + row.event()));
        }
        for (S state : table.states()) {
            checkDeadline(state);
        }
        checkEveryStateIsReachable();
        checkEveryEventIsUsed();
    }

    private void checkDeadline(S state) {
        boolean hasDeadline = table.deadlines().containsKey(state);
        if (table.isTerminal(state) && hasDeadline) {
            refuse("the terminal state " + state + " has a deadline");
        }
        if (!table.isTerminal(state) && !hasDeadline) {
            refuse("the intermediate state " + state + " has no deadline: it could wait forever");
        }
        switch (table.deadlines().get(state)) {
            case Deadline.Once<E> once -> requireRow(state, once.event(), false);
            case Deadline.Retrying<E> retrying -> {
                requireRow(state, retrying.retry(), true);
                requireRow(state, retrying.giveUp(), false);
            }
            case null -> { }
        }
    }

    /** The deadline's event must be a row of its state that stays in it (a retry) or leaves it (anything else). */
    private void requireRow(S state, E event, boolean stays) {
        Transition<S, E, F> row = table.rowsFrom(state).get(event);
        if (row == null) {
            refuse("the deadline of " + state + " raises " + event + ", which is not a row of " + state);
        } else if ((row.to() == state) != stays) {
            refuse("the deadline of " + state + " raises " + event + ", which must " + (stays ? "stay in " : "leave ")
                    + state);
        }
    }

    private void checkEveryStateIsReachable() {
        Set<S> reached = new HashSet<>();
        Deque<S> next = new ArrayDeque<>();
        table.transitions().stream().filter(Transition::creates).forEach(row -> next.add(row.to()));
        while (!next.isEmpty()) {
            S state = next.poll();
            if (reached.add(state)) {
                table.rowsFrom(state).values().forEach(row -> next.add(row.to()));
            }
        }
        table.states().stream().filter(state -> !reached.contains(state)).findFirst()
                .ifPresent(state -> refuse("no row reaches the state " + state));
    }

    private void checkEveryEventIsUsed() {
        table.events().stream()
                .filter(event -> table.transitions().stream().noneMatch(row -> row.event() == event))
                .findFirst()
                .ifPresent(event -> refuse("no row uses the event " + event));
    }

    private void refuse(String what) {
        throw new IllegalArgumentException(table.name() + " table: " + what);
    }
}
