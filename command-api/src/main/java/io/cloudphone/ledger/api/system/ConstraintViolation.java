package io.cloudphone.ledger.api.system;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Which constraint a failed statement broke. Uniqueness and references are enforced by the database (a
 * check-then-insert in the application would race); this turns the violation back into what the client
 * has to change.
 */
public record ConstraintViolation(String sqlState, String constraint) {

    /** SQLSTATE unique_violation. */
    public static final String UNIQUE = "23505";
    /** SQLSTATE foreign_key_violation. */
    public static final String FOREIGN_KEY = "23503";
    private static final int CAUSE_DEPTH_MAX = 16;

    /** The first SQL failure in the cause chain with one of the integrity SQLSTATEs, and its constraint name. */
    public static Optional<ConstraintViolation> of(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++) {
            if (cause instanceof SQLException sql && (UNIQUE.equals(sql.getSQLState())
                    || FOREIGN_KEY.equals(sql.getSQLState()))) {
                ServerErrorMessage server = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
                return Optional.of(new ConstraintViolation(sql.getSQLState(), server == null ? null : server.getConstraint()));
            }
            cause = cause.getCause();
        }
        return Optional.empty();
    }

    public static boolean isUnique(Throwable failure, String constraint) {
        return of(failure).filter(v -> UNIQUE.equals(v.sqlState()) && constraint.equals(v.constraint())).isPresent();
    }

    public static boolean isForeignKey(Throwable failure) {
        return of(failure).filter(v -> FOREIGN_KEY.equals(v.sqlState())).isPresent();
    }
}
