package io.cloudphone.ledger.streams.payments.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    enum Timer { EXPIRE, QUERY_DUE, QUERIES_EXHAUSTED }

    private static final Deadline<Timer> EXPIRY = Deadline.once("expiry", Duration.ofMinutes(30), Timer.EXPIRE);

    private static final Deadline<Timer> QUERIES = Deadline.retrying("queries", RetrySchedule.PAYMENT_STATUS_QUERY,
            Timer.QUERY_DUE, Timer.QUERIES_EXHAUSTED);

    @Test
    void aOneShotDeadlineRaisesItsEventWhenItsTimeHasPassed() {
        assertThat(EXPIRY.delayAfter(0)).isEqualTo(Duration.ofMinutes(30));
        assertThat(EXPIRY.eventAfter(0)).isEqualTo(Timer.EXPIRE);
        assertThat(EXPIRY.events()).containsExactly(Timer.EXPIRE);
    }

    @Test
    void aRetryingDeadlineRetriesOnItsScheduleThenGivesUp() {
        assertThat(QUERIES.delayAfter(0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(QUERIES.delayAfter(1)).isEqualTo(Duration.ofSeconds(300));
        assertThat(QUERIES.eventAfter(0)).isEqualTo(Timer.QUERY_DUE);
        assertThat(QUERIES.eventAfter(5)).isEqualTo(Timer.QUERY_DUE);
        assertThat(QUERIES.delayAfter(6)).isEqualTo(Duration.ofSeconds(300));
        assertThat(QUERIES.eventAfter(6)).isEqualTo(Timer.QUERIES_EXHAUSTED);
        assertThat(QUERIES.events()).containsExactly(Timer.QUERY_DUE, Timer.QUERIES_EXHAUSTED);
    }

    @Test
    void compressesItsTimingForTests() {
        assertThat(EXPIRY.compressedBy(60).delayAfter(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(QUERIES.compressedBy(1_000).delayAfter(0)).isEqualTo(Duration.ofMillis(60));
        assertThat(QUERIES.compressedBy(1_000).configKey()).isEqualTo("queries");
    }

    @Test
    void refusesADeadlineThatHasAlreadyPassed() {
        assertThatThrownBy(() -> Deadline.once("expiry", Duration.ZERO, Timer.EXPIRE))
                .hasMessage("expiry: a deadline must be in the future, was PT0S");
        assertThatThrownBy(() -> EXPIRY.compressedBy(0)).hasMessageContaining("divisor");
    }

    @Test
    void refusesARetryThatIsAlsoItsGiveUp() {
        assertThatThrownBy(() -> Deadline.retrying("queries", RetrySchedule.PAYMENT_STATUS_QUERY, Timer.QUERY_DUE,
                Timer.QUERY_DUE)).hasMessage("queries: retrying and giving up must be different events");
    }
}
