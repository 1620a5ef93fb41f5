package io.cloudphone.ledger.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.dao.DuplicateKeyException;

/** The retry policy alone: what it retries, how often, and what it never retries. */
class TransactionRunnerTest {

    private final RetryTemplate retry = new RetryTemplate(TransactionRunner.retryPolicy());

    @Test
    void retriesATransientFailureUntilItSucceeds() throws RetryException {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry.execute(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new DeadlockLoserDataAccessException("deadlock", new SQLException("deadlock", "40P01"));
            }
            return "committed";
        });

        assertThat(result).isEqualTo("committed");
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void givesUpAfterTheBoundedNumberOfRetries() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.execute(() -> {
            attempts.incrementAndGet();
            throw new SQLException("serialization", "40001");
        })).isInstanceOf(RetryException.class);

        assertThat(attempts.get()).isEqualTo(1 + TransactionRunner.RETRIES_MAX);
    }

    @Test
    void neverRetriesAFailureThatWouldRepeat() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry.execute(() -> {
            attempts.incrementAndGet();
            throw new DuplicateKeyException("taken", new SQLException("duplicate", "23505"));
        })).isInstanceOf(RetryException.class).hasCauseInstanceOf(DuplicateKeyException.class);

        assertThat(attempts.get()).isEqualTo(1);
    }
}
