package io.cloudphone.ledger.streams.payments.machine;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a {@link TransitionTable} for the README: a Mermaid diagram and Markdown tables generated from the rows
 * themselves, so the documentation is what the code decides by (the README test keeps them in step).
 */
final class TableDocs {

    private static final String NONE = "—";

    private TableDocs() {
    }

    static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> String mermaid(TransitionTable<S, E, F> table) {
        StringBuilder diagram = new StringBuilder("stateDiagram-v2\n");
        for (Transition<S, E, F> row : table.transitions()) {
            String from = row.from().map(Enum::name).orElse("[*]");
            String effects = row.effects().isEmpty() ? "" : " / " + names(row.effects());
            diagram.append("    ").append(from).append(" --> ").append(row.to()).append(" : ").append(row.event())
                    .append(effects).append('\n');
        }
        for (S state : table.terminalStates()) {
            diagram.append("    ").append(state).append(" --> [*]\n");
        }
        return diagram.toString();
    }

    static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> String markdownTable(
            TransitionTable<S, E, F> table) {
        StringBuilder markdown = new StringBuilder("| state | event | next state | effects |\n|---|---|---|---|\n");
        for (Transition<S, E, F> row : table.transitions()) {
            String effects = row.effects().isEmpty() ? NONE : names(row.effects());
            markdown.append("| ").append(row.from().map(Enum::name).orElse("(new)")).append(" | ").append(row.event())
                    .append(" | ").append(row.to()).append(" | ").append(effects).append(" |\n");
        }
        return markdown.toString();
    }

    static <S extends Enum<S>, E extends Enum<E>, F extends Enum<F>> String deadlineTable(
            TransitionTable<S, E, F> table) {
        StringBuilder markdown = new StringBuilder("| state | timer | next action | when the retries run out"
                + " | config key |\n|---|---|---|---|---|\n");
        table.deadlines().forEach((state, deadline) -> markdown.append("| ").append(state).append(" | ")
                .append(timer(deadline)).append(" | ").append(nextAction(deadline)).append(" | ")
                .append(giveUp(deadline)).append(" | `").append(deadline.configKey()).append("` |\n"));
        return markdown.toString();
    }

    private static <E extends Enum<E>> String timer(Deadline<E> deadline) {
        return switch (deadline) {
            case Deadline.Once<E> once -> "once, after " + exact(once.after());
            case Deadline.Retrying<E> retrying -> schedule(retrying.schedule());
        };
    }

    private static String schedule(RetrySchedule schedule) {
        String growth = schedule.factor() == 1 ? ""
                : ", x" + schedule.factor() + " up to " + exact(schedule.maxDelay());
        return "first after " + exact(schedule.firstDelay()) + growth + "; " + schedule.maxAttempts()
                + " attempts, gives up after about " + approximate(schedule.untilGivingUp());
    }

    private static <E extends Enum<E>> String nextAction(Deadline<E> deadline) {
        return switch (deadline) {
            case Deadline.Once<E> once -> once.event().name();
            case Deadline.Retrying<E> retrying -> retrying.retry().name();
        };
    }

    private static <E extends Enum<E>> String giveUp(Deadline<E> deadline) {
        return switch (deadline) {
            case Deadline.Once<E> once -> NONE;
            case Deadline.Retrying<E> retrying -> retrying.giveUp().name();
        };
    }

    private static String names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** A configured duration in the largest unit that holds it exactly: 30m, 75s, 365d. */
    static String exact(Duration duration) {
        long millis = duration.toMillis();
        long[] unitsMillis = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int unit = 0; unit < units.length; unit++) {
            if (millis % unitsMillis[unit] == 0) {
                return millis / unitsMillis[unit] + units[unit];
            }
        }
        return millis + "ms";
    }

    /** A computed total, rounded down to the largest unit it has at least two of: 7d, 55m. */
    static String approximate(Duration duration) {
        if (duration.toDays() >= 2) {
            return duration.toDays() + "d";
        }
        if (duration.toHours() >= 2) {
            return duration.toHours() + "h";
        }
        if (duration.toMinutes() >= 2) {
            return duration.toMinutes() + "m";
        }
        return exact(duration);
    }
}
