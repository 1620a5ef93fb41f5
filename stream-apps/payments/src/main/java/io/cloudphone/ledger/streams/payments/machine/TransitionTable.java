package io.cloudphone.ledger.streams.payments.machine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A state machine defined once, as rows of (state, event, next state, effects): the app decides every event by it,
 * its tests iterate it and the README draws it ({@link #mermaid()}, {@link #markdownTable()},
 * {@link #deadlineTable()}), so the three cannot disagree. Immutable, and pure: no I/O, no clock.
 *
 * <p>{@link Builder#build()} refuses a table that could misbehave: two rows for one (state, event); a row out of a
 * terminal state; an intermediate state without a {@link Deadline}, or with one whose events are not its rows (a
 * one-shot deadline must leave the state; a retrying one must stay on its retry and leave on giving up, so no
 * timer loops forever); a state no row reaches; an event no row uses.
 *
 * @param <S> the states
 * @param <E> the events
 * @param <F> the effects
 */
public final class TransitionTable<S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> {

    private final String name;
    private final Class<S> stateType;
    private final Class<E> eventType;
    private final List<Transition<S, E, F>> transitions;
    private final Map<E, Transition<S, E, F>> creations;
    private final Map<S, Map<E, Transition<S, E, F>>> rows;
    private final Set<S> terminal;
    private final Map<S, Deadline<E>> deadlines;

    private TransitionTable(Builder<S, E, F> builder) {
        this.name = builder.name;
        this.stateType = builder.stateType;
        this.eventType = builder.eventType;
        this.transitions = List.copyOf(builder.transitions);
        this.terminal = Collections.unmodifiableSet(EnumSet.copyOf(builder.terminal));
        this.deadlines = Collections.unmodifiableMap(new EnumMap<>(builder.deadlines));
        this.creations = new EnumMap<>(eventType);
        this.rows = new EnumMap<>(stateType);
        for (S state : stateType.getEnumConstants()) {
            rows.put(state, new EnumMap<>(eventType));
        }
        transitions.forEach(this::index);
        new TableChecks<>(this).run();
    }

    /** A table named {@code name} (the aggregate, as reasons and docs call it) over these states and events. */
    public static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> Builder<S, E, F> builder(String name,
            Class<S> stateType, Class<E> eventType) {
        return new Builder<>(name, stateType, eventType);
    }

    /**
     * The decision on {@code event} for an aggregate in {@code state}: its row, or {@code ILLEGAL_TRANSITION} with
     * the legal events of the state in the reason.
     */
    public Decision<S, E, F> decide(S state, E event) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Transition<S, E, F> row = rows.get(state).get(event);
        if (row != null) {
            return new Decision.Accepted<>(row);
        }
        String reason = terminal.contains(state)
                ? name + " " + state + " is terminal: it accepts no event, got " + event
                : name + " " + state + " does not accept " + event + "; it accepts " + rows.get(state).keySet();
        return new Decision.Rejected<>(new Rejection(RejectionCode.ILLEGAL_TRANSITION, reason));
    }

    /** The decision on {@code event} for an aggregate that does not exist: its creating row, or AGGREGATE_NOT_FOUND. */
    public Decision<S, E, F> create(E event) {
        Objects.requireNonNull(event, "event");
        Transition<S, E, F> row = creations.get(event);
        if (row != null) {
            return new Decision.Accepted<>(row);
        }
        return new Decision.Rejected<>(new Rejection(RejectionCode.AGGREGATE_NOT_FOUND, "no " + name
                + " exists, and " + event + " does not create one; the events that do: " + creations.keySet()));
    }

    public String name() {
        return name;
    }

    /** Every row, creations included, in the order the table was defined. */
    public List<Transition<S, E, F>> transitions() {
        return transitions;
    }

    /** The state named {@code name}, as a store keeps it; an unknown name is a bug (a store written by another table). */
    public S state(String name) {
        return Enum.valueOf(stateType, name);
    }

    public Set<S> states() {
        return Collections.unmodifiableSet(EnumSet.allOf(stateType));
    }

    public Set<E> events() {
        return Collections.unmodifiableSet(EnumSet.allOf(eventType));
    }

    public Set<S> terminalStates() {
        return terminal;
    }

    public boolean isTerminal(S state) {
        return terminal.contains(state);
    }

    /** The deadline of {@code state}: present for every intermediate state, absent for a terminal one. */
    public Optional<Deadline<E>> deadline(S state) {
        return Optional.ofNullable(deadlines.get(state));
    }

    /** The rows out of {@code state}, by event. */
    Map<E, Transition<S, E, F>> rowsFrom(S state) {
        return Collections.unmodifiableMap(rows.get(state));
    }

    Map<S, Deadline<E>> deadlines() {
        return deadlines;
    }

    /** The table as a Mermaid {@code stateDiagram-v2} (without the code fence): one arrow per row. */
    public String mermaid() {
        return TableDocs.mermaid(this);
    }

    /** The rows as a Markdown table: state, event, next state, effects. */
    public String markdownTable() {
        return TableDocs.markdownTable(this);
    }

    /** The deadlines as a Markdown table: state, timer, next action, the give-up, config key. */
    public String deadlineTable() {
        return TableDocs.deadlineTable(this);
    }

    @Override
    public String toString() {
        return name + " table";
    }

    private void index(Transition<S, E, F> row) {
        Map<E, Transition<S, E, F>> byEvent = row.from().map(rows::get).orElse(creations);
        if (byEvent.putIfAbsent(row.event(), row) != null) {
            throw new IllegalArgumentException(name + ": two rows for " + row.from().map(Enum::name).orElse("(new)")
                    + " on " + row.event());
        }
    }

    /** Collects the rows, terminal states and deadlines of one table; {@link #build()} checks them. */
    public static final class Builder<S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> {

        private final String name;
        private final Class<S> stateType;
        private final Class<E> eventType;
        private final List<Transition<S, E, F>> transitions = new ArrayList<>();
        private final Set<S> terminal;
        private final Map<S, Deadline<E>> deadlines;

        private Builder(String name, Class<S> stateType, Class<E> eventType) {
            this.name = Objects.requireNonNull(name, "name");
            this.stateType = Objects.requireNonNull(stateType, "stateType");
            this.eventType = Objects.requireNonNull(eventType, "eventType");
            this.terminal = EnumSet.noneOf(stateType);
            this.deadlines = new EnumMap<>(stateType);
        }

        /** {@code event} creates the aggregate in state {@code to}, setting off {@code effects}. */
        @SafeVarargs
        public final Builder<S, E, F> creates(E event, S to, F... effects) {
            transitions.add(new Transition<>(Optional.empty(), event, to, List.of(effects)));
            return this;
        }

        /** In state {@code from}, {@code event} moves the aggregate to {@code to}, setting off {@code effects}. */
        @SafeVarargs
        public final Builder<S, E, F> on(S from, E event, S to, F... effects) {
            transitions.add(new Transition<>(Optional.of(from), event, to, List.of(effects)));
            return this;
        }

        /** The timer of the intermediate state {@code state}: how long it may last and its next action. */
        public Builder<S, E, F> deadline(S state, Deadline<E> deadline) {
            if (deadlines.putIfAbsent(state, Objects.requireNonNull(deadline, "deadline")) != null) {
                throw new IllegalArgumentException(name + ": two deadlines for " + state);
            }
            return this;
        }

        /** States the aggregate never leaves. */
        @SafeVarargs
        public final Builder<S, E, F> terminal(S... states) {
            terminal.addAll(List.of(states));
            return this;
        }

        /** The table, or an {@link IllegalArgumentException} naming the first thing wrong with it. */
        public TransitionTable<S, E, F> build() {
            return new TransitionTable<>(this);
        }
    }
}
