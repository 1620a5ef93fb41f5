package io.cloudphone.ledger.api.system;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way command paths run a transaction: each attempt is a whole new transaction, and an attempt
 * that PostgreSQL rolled back for a transient reason ({@link TransientSqlFailure}: serialization failure,
 * deadlock, lock timeout) is retried with exponential backoff and jitter, a bounded number of times.
 * Nothing else is retried. The callback must therefore be safe to run again from the start: it may not
 * have effects outside the transaction.
 */
@Component
public class TransactionRunner {

    /** Attempts after the first: a few, not an endless loop (a conflict that outlasts them is not transient). */
    static final int RETRIES_MAX = 4;
    static final Duration DELAY_FIRST = Duration.ofMillis(10);
    static final double DELAY_MULTIPLIER = 2.0;
    static final Duration DELAY_MAX = Duration.ofMillis(400);
    /** Spreads retries of transactions that collided, so they do not collide again in lockstep. */
    static final Duration JITTER = Duration.ofMillis(10);

    private static final Logger log = LoggerFactory.getLogger(TransactionRunner.class);

    private final TransactionTemplate transaction;
    private final RetryTemplate retry;

    public TransactionRunner(PlatformTransactionManager transactions, MeterRegistry meters) {
        this.transaction = new TransactionTemplate(transactions);
        this.retry = retryTemplate(meters);
    }

    static RetryPolicy retryPolicy() {
        return RetryPolicy.builder()
                .maxRetries(RETRIES_MAX)
                .delay(DELAY_FIRST)
                .multiplier(DELAY_MULTIPLIER)
                .maxDelay(DELAY_MAX)
                .jitter(JITTER)
                .predicate(TransientSqlFailure::isTransient)
                .build();
    }

    private static RetryTemplate retryTemplate(MeterRegistry meters) {
        RetryTemplate template = new RetryTemplate(retryPolicy());
        template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable) {
                meters.counter("cpl.transaction.retries", "transaction", retryable.getName()).increment();
                log.debug("retrying transaction {} after a transient failure", retryable.getName());
            }
        });
        return template;
    }

    /**
     * Runs {@code work} in a new transaction, retried on transient failures.
     *
     * @param name names the transaction in metrics ({@code cpl.transaction.retries}) and logs
     */
    public <T> T inTransaction(String name, TransactionCallback<T> work) {
        return retrying(name, () -> transaction.execute(work));
    }

    /** Runs {@code work} (a single auto-committed statement, say) with the same retry policy. */
    public <T> T retrying(String name, Supplier<T> work) {
        try {
            return retry.execute(new Retryable<>() {
                @Override
                public T execute() {
                    return work.get();
                }

                @Override
                public String getName() {
                    return name;
                }
            });
        } catch (RetryException exhaustedOrNotRetryable) {
            throw unwrap(exhaustedOrNotRetryable);
        }
    }

    /** The caller sees the failure itself (e.g. an ApiProblem, a DuplicateKeyException), not the wrapper. */
    private static RuntimeException unwrap(RetryException e) {
        Throwable cause = e.getLastException();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e.getMessage(), cause);
    }
}
