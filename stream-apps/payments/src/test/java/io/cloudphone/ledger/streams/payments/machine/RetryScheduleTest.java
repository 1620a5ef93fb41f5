package io.cloudphone.ledger.streams.payments.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    /** The seed of the property's examples: fixed, so that a failure can be repeated. */
    private static final long SEED = 20_261_207L;

    @Test
    void queriesAPendingPaymentAsHyperswitchDoes() {
        RetrySchedule schedule = RetrySchedule.PAYMENT_STATUS_QUERY;

        assertThat(delays(schedule)).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(300),
                Duration.ofSeconds(300), Duration.ofSeconds(300), Duration.ofSeconds(300), Duration.ofSeconds(300),
                Duration.ofSeconds(300));
        assertThat(schedule.untilGivingUp()).isEqualTo(Duration.ofMinutes(31));
    }

    @Test
    void backsOffRefundQueriesToTheAdvisedFiveTenTwentyThirtyMinutes() {
        assertThat(delays(RetrySchedule.REFUND_STATUS_QUERY).subList(0, 7)).containsExactly(Duration.ofSeconds(75),
                Duration.ofSeconds(150), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(20),
                Duration.ofMinutes(30), Duration.ofMinutes(30));
    }

    @Test
    void queriesARefundForAboutTheWeekAfterWhichTheProviderClosesItItself() {
        assertThat(RetrySchedule.REFUND_STATUS_QUERY.untilGivingUp()).isBetween(Duration.ofDays(7),
                Duration.ofDays(7).plusHours(2));
    }

    @Test
    void isExhaustedOnlyOnceEveryAttemptIsMade() {
        RetrySchedule schedule = RetrySchedule.PAYMENT_STATUS_QUERY;

        assertThat(schedule.exhausted(0)).isFalse();
        assertThat(schedule.exhausted(5)).isFalse();
        assertThat(schedule.exhausted(6)).isTrue();
    }

    @Test
    void neverWaitsLessThanItsFirstDelayNorLongerThanItsCapAndNeverShortensAWait() {
        qt().withExamples(1_000).withFixedSeed(SEED)
                .forAll(integers().between(1, 3_600), integers().between(1, 10), integers().between(1, 1_000),
                        integers().between(1, 200))
                .checkAssert((firstSeconds, factor, capMultiple, attempts) -> {
                    Duration first = Duration.ofSeconds(firstSeconds);
                    RetrySchedule schedule = new RetrySchedule(first, factor, first.multipliedBy(capMultiple),
                            attempts);
                    List<Duration> delays = delays(schedule);
                    assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(first, schedule.maxDelay()));
                    assertThat(delays).isSorted();
                });
    }

    @Test
    void reachesAHugeCapWithoutOverflowing() {
        Duration cap = Duration.ofSeconds(Long.MAX_VALUE);
        RetrySchedule schedule = new RetrySchedule(Duration.ofNanos(1), 10, cap, RetrySchedule.ATTEMPTS_MAX);

        assertThat(schedule.delayBefore(RetrySchedule.ATTEMPTS_MAX + 1)).isEqualTo(cap);
    }

    @Test
    void compressesEveryDurationForTests() {
        RetrySchedule compressed = RetrySchedule.PAYMENT_STATUS_QUERY.compressedBy(1_000);

        assertThat(compressed).isEqualTo(new RetrySchedule(Duration.ofMillis(60), 5, Duration.ofMillis(300), 6));
        assertThat(compressed.untilGivingUp()).isEqualTo(Duration.ofMillis(1_860));
    }

    @Test
    void refusesAScheduleWithoutABoundOrThatCannotWait() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new RetrySchedule(second, 2, second, 0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetrySchedule(second, 2, second, RetrySchedule.ATTEMPTS_MAX + 1))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetrySchedule(second, 0, second, 1)).hasMessageContaining("factor");
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, 2, second, 1)).hasMessageContaining("firstDelay");
        assertThatThrownBy(() -> new RetrySchedule(second.multipliedBy(2), 2, second, 1))
                .hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> RetrySchedule.PAYMENT_CLOSE.compressedBy(0)).hasMessageContaining("divisor");
    }

    @Test
    void knowsNoAttemptBeforeTheFirstNorAfterTheGiveUp() {
        RetrySchedule schedule = RetrySchedule.PAYMENT_CLOSE;

        assertThatThrownBy(() -> schedule.delayBefore(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.delayBefore(schedule.maxAttempts() + 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The wait before every attempt, and before the give-up. */
    private static List<Duration> delays(RetrySchedule schedule) {
        return IntStream.rangeClosed(1, schedule.maxAttempts() + 1).mapToObj(schedule::delayBefore).toList();
    }
}
