package io.cloudphone.ledger.streams.ledger;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP only while the ledger processes: a launcher waiting for health waits for a working ledger. */
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
        KafkaStreams.State state = ledger.streams().state();
        Health.Builder health = switch (state) {
            case RUNNING -> Health.up();
            case CREATED, REBALANCING -> Health.outOfService();
            default -> Health.down();
        };
        return health.withDetail("state", state.name()).build();
    }
}
