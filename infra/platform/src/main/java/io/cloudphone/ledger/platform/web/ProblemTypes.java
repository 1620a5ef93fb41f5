package io.cloudphone.ledger.platform.web;

import java.util.List;

/**
 * The problem types one module answers, declared as a bean so that the app's catalogue ({@code GET /problems})
 * lists them: the platform declares {@link CommonProblem}, each module with problems of its own declares its enum.
 */
public record ProblemTypes(List<ProblemType> types) {

    public ProblemTypes {
        types = List.copyOf(types);
    }

    public static <E extends Enum<E> & ProblemType> ProblemTypes of(Class<E> enumType) {
        return new ProblemTypes(List.of(enumType.getEnumConstants()));
    }
}
