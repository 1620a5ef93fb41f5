package io.cloudphone.ledger.api.system;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure that a new attempt of the same transaction can cure from one it cannot. Only three
 * SQLSTATEs qualify: the database rolled the transaction back because of other transactions, not because
 * of anything in it. Everything else (a unique violation, a check constraint, a bug) fails the same way
 * again and must never be retried.
 */
public final class TransientSqlFailure {

    /** serialization_failure: SERIALIZABLE / REPEATABLE READ conflict. */
    public static final String SERIALIZATION_FAILURE = "40001";
    /** deadlock_detected: PostgreSQL chose this transaction as the victim. */
    public static final String DEADLOCK_DETECTED = "40P01";
    /** lock_not_available: lock_timeout expired, or NOWAIT. */
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    static final Set<String> RETRYABLE = Set.of(SERIALIZATION_FAILURE, DEADLOCK_DETECTED, LOCK_NOT_AVAILABLE);

    /** Bound on the cause chain walked: a cyclic or absurdly deep chain is not transient. */
    private static final int CAUSE_DEPTH_MAX = 16;

    private TransientSqlFailure() {
    }

    /** The retryable SQLSTATE somewhere in the cause chain, if there is one. */
    public static Optional<String> sqlState(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < CAUSE_DEPTH_MAX; depth++) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return Optional.of(sql.getSQLState());
            }
            cause = cause.getCause();
        }
        return Optional.empty();
    }

    public static boolean isTransient(Throwable failure) {
        return sqlState(failure).isPresent();
    }
}
