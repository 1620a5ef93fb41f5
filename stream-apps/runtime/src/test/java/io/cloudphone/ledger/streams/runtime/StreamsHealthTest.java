package io.cloudphone.ledger.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class StreamsHealthTest {

    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    private static final String MAIN_CONSUMER = "cpl-ledger-1234-StreamThread-1-consumer";

    @Test
    void isUpWhileRunningAndPolling() {
        Health health = StreamsHealth.of(State.RUNNING, lastPoll(MAIN_CONSUMER, 0.1), Optional.empty(), STALL_TIMEOUT);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", "RUNNING").doesNotContainKey("error");
    }

    @Test
    void isOutOfServiceWhileStartingOrRebalancing() {
        for (State state : new State[] {State.CREATED, State.REBALANCING}) {
            assertThat(StreamsHealth.of(state, Map.of(), Optional.empty(), STALL_TIMEOUT).getStatus()).as(state.name())
                    .isEqualTo(Status.OUT_OF_SERVICE);
        }
    }

    @Test
    void isDownWithTheReasonOnceTheStreamThreadDied() {
        StreamsFailure failure = StreamsFailure.of(new IllegalStateException("outer",
                new ArithmeticException("long overflow")), Instant.parse("2026-12-01T10:00:00Z"));

        Health health = StreamsHealth.of(State.ERROR, Map.of(), Optional.of(failure), STALL_TIMEOUT);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "ERROR")
                .containsEntry("failedAt", "2026-12-01T10:00:00Z");
        assertThat((String) health.getDetails().get("error")).contains("IllegalStateException: outer")
                .contains("caused by java.lang.ArithmeticException: long overflow");
    }

    @Test
    void isDownWhenAStreamThreadHasNotPolledWithinTheStallTimeoutThoughItsStateSaysRunning() {
        Health health = StreamsHealth.of(State.RUNNING, lastPoll(MAIN_CONSUMER, 61), Optional.empty(), STALL_TIMEOUT);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "STALLED");
        assertThat((String) health.getDetails().get("error")).contains(MAIN_CONSUMER).contains("61 s");
    }

    @Test
    void aQuietRestoreConsumerIsNoStall() {
        Health health = StreamsHealth.of(State.RUNNING, lastPoll("cpl-ledger-1234-StreamThread-1-restore-consumer", 900),
                Optional.empty(), STALL_TIMEOUT);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    private static Map<MetricName, Metric> lastPoll(String clientId, double secondsAgo) {
        MetricName name = new MetricName(StreamsHealth.LAST_POLL_METRIC, StreamsHealth.CONSUMER_METRICS_GROUP, "",
                Map.of("client-id", clientId));
        Metric metric = new Metric() {
            @Override
            public MetricName metricName() {
                return name;
            }

            @Override
            public Object metricValue() {
                return secondsAgo;
            }
        };
        return Map.of(name, metric);
    }
}
