package io.cloudphone.ledger.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

class TransientSqlFailureTest {

    @Test
    void serializationFailureDeadlockAndLockTimeoutAreTransient() {
        for (String state : new String[] {"40001", "40P01", "55P03"}) {
            assertThat(TransientSqlFailure.isTransient(new SQLException("x", state))).as(state).isTrue();
        }
    }

    @Test
    void findsTheSqlStateBehindSpringsTranslation() {
        CannotAcquireLockException translated =
                new CannotAcquireLockException("lock", new SQLException("lock timeout", "55P03"));

        assertThat(TransientSqlFailure.sqlState(translated)).contains("55P03");
    }

    @Test
    void uniqueViolationsChecksAndOtherFailuresAreNotTransient() {
        assertThat(TransientSqlFailure.isTransient(new DataIntegrityViolationException("dup",
                new SQLException("duplicate", "23505")))).isFalse();
        assertThat(TransientSqlFailure.isTransient(new SQLException("check", "23514"))).isFalse();
        assertThat(TransientSqlFailure.isTransient(new SQLException("no state"))).isFalse();
        assertThat(TransientSqlFailure.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void doesNotLoopOnACyclicCauseChain() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(TransientSqlFailure.isTransient(a)).isFalse();
    }
}
