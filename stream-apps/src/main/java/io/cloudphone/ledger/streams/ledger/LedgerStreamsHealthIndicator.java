package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.streams.runtime.StreamsHealth;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP only while the ledger processes: a launcher waiting for health waits for a working ledger. DOWN, with
 * the reason, once its streams stopped or stalled: a launcher watching health sees it at once (see
 * {@link StreamsHealth}).
 */
@Component
class LedgerStreamsHealthIndicator implements HealthIndicator {

    private final LedgerStreams ledger;

    LedgerStreamsHealthIndicator(LedgerStreams ledger) {
        this.ledger = ledger;
    }

    @Override
    public Health health() {
        if (!ledger.isRunning()) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams streams = ledger.streams();
        return StreamsHealth.of(streams.state(), streams.metrics(), ledger.failure(), ledger.stallTimeout());
    }
}
