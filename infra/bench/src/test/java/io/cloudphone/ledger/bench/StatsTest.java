package io.cloudphone.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void percentilesOfOneToAThousandMillisecondsAreWithinAThousandthOfTheTrueOnes() {
        Histogram latencies = Stats.newHistogram();
        for (int millis = 1; millis <= 1_000; millis++) {
            Stats.record(latencies, Duration.ofMillis(millis).toNanos());
        }

        Stats stats = Stats.of(latencies);

        assertThat(stats.count()).isEqualTo(1_000);
        assertThat(stats.min()).isCloseTo(1.0, within(0.001));
        assertThat(stats.p50()).isCloseTo(500.0, within(0.5));
        assertThat(stats.p90()).isCloseTo(900.0, within(0.9));
        assertThat(stats.p99()).isCloseTo(990.0, within(1.0));
        assertThat(stats.max()).isCloseTo(1_000.0, within(1.0));
    }

    @Test
    void aNegativeOrImpossiblyLongLatencyIsRefusedNotRecorded() {
        Histogram latencies = Stats.newHistogram();

        assertThatThrownBy(() -> Stats.record(latencies, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.record(latencies, Stats.LATENCY_MAX.plusSeconds(1).toNanos()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(latencies.getTotalCount()).isZero();
        assertThat(Stats.of(latencies).p50()).isNaN();
    }

    @Test
    void theMedianOfRoundsIsTheMiddleOne() {
        assertThat(Stats.median(List.of(30_123.0, 26_878.0, 27_017.0))).isEqualTo(27_017.0);
        assertThat(Stats.median(List.of(2.0, 1.0))).isEqualTo(1.0);
    }
}
