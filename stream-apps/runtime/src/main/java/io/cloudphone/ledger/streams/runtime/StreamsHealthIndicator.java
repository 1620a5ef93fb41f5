package io.cloudphone.ledger.streams.runtime;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health component {@code streams}: UP only while the app processes, so a launcher waiting for health waits for a
 * working app; DOWN, with the reason, once its streams stopped or stalled, so a launcher watching health sees it at
 * once (see {@link StreamsHealth}).
 */
public class StreamsHealthIndicator implements HealthIndicator {

    private final StreamsRunner runner;

    public StreamsHealthIndicator(StreamsRunner runner) {
        this.runner = runner;
    }

    @Override
    public Health health() {
        if (!runner.isRunning()) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams streams = runner.streams();
        return StreamsHealth.of(streams.state(), streams.metrics(), runner.failure(), runner.stallTimeout());
    }
}
