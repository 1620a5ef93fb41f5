package io.cloudphone.ledger.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudphone.ledger.system.Concurrently;
import io.cloudphone.ledger.system.LocalStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The shared transaction helper against real PostgreSQL failures: real deadlocks, lock timeouts and unique violations. */
class TransactionRunnerIT {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JdbcTemplate jdbc;
    private TransactionRunner runner;
    private String table;

    @BeforeEach
    void createTable() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(LocalStack.jdbcUrl());
        dataSource.setUser("ledger");
        dataSource.setPassword("ledger");
        jdbc = new JdbcTemplate(dataSource);
        runner = new TransactionRunner(new DataSourceTransactionManager(dataSource), meters);
        table = "tx_runner_it_" + System.nanoTime();
        jdbc.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, value int NOT NULL)");
        jdbc.update("INSERT INTO " + table + " VALUES (1, 0), (2, 0)");
    }

    @Test
    void aDeadlockVictimIsRetriedAndBothTransactionsCommit() {
        CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();

        Concurrently.run(2, i -> runner.inTransaction("deadlock-it", status -> {
            int first = i == 0 ? 1 : 2;
            int second = i == 0 ? 2 : 1;
            jdbc.update("UPDATE " + table + " SET value = value + 1 WHERE id = ?", first);
            if (attempts.incrementAndGet() <= 2) {
                await(bothHoldTheirFirstRow); // only the first attempts meet: a retry must not wait for a partner
            }
            jdbc.update("UPDATE " + table + " SET value = value + 1 WHERE id = ?", second);
            return null;
        }));

        assertThat(jdbc.queryForList("SELECT value FROM " + table + " ORDER BY id", Integer.class)).containsExactly(2, 2);
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(meters.counter("cpl.transaction.retries", "transaction", "deadlock-it").count()).isEqualTo(1);
    }

    @Test
    void aLockTimeoutIsRetriedUntilTheLockIsFree() {
        AtomicInteger attempts = new AtomicInteger();
        CyclicBarrier holderHasTheLock = new CyclicBarrier(2);

        List<Object> results = Concurrently.run(2, i -> {
            if (i == 0) {
                return runner.inTransaction("holder", status -> {
                    jdbc.update("UPDATE " + table + " SET value = 100 WHERE id = 1");
                    await(holderHasTheLock);
                    // Holds the row lock until the waiter has timed out once and tries again: no timing margin.
                    Awaitility.await("the waiter's second attempt").atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(5)).until(() -> attempts.get() >= 2);
                    return "held";
                });
            }
            await(holderHasTheLock);
            return runner.inTransaction("waiter", status -> {
                attempts.incrementAndGet();
                jdbc.execute("SET LOCAL lock_timeout = '40ms'");
                jdbc.update("UPDATE " + table + " SET value = value + 1 WHERE id = 1");
                return "updated";
            });
        });

        assertThat(results).containsExactly("held", "updated");
        assertThat(attempts.get()).isGreaterThan(1);
        assertThat(jdbc.queryForObject("SELECT value FROM " + table + " WHERE id = 1", Integer.class)).isEqualTo(101);
    }

    @Test
    void aUniqueViolationIsNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> runner.inTransaction("duplicate-it", status -> {
            attempts.incrementAndGet();
            jdbc.update("INSERT INTO " + table + " VALUES (1, 0)");
            return null;
        })).isInstanceOf(DuplicateKeyException.class);

        assertThat(attempts.get()).isEqualTo(1);
        assertThat(meters.find("cpl.transaction.retries").counters()).isEmpty();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
