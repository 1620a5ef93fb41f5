package io.cloudphone.ledger.streams.ledger;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the ledger app (prefix {@code cpl.ledger}); defaults in ledger.yml point at the local
 * stack started by infra/bin/stack.
 *
 * @param bootstrapServers  Kafka brokers
 * @param registryUrl       Confluent-compatible schema-registry base URL
 * @param applicationId     Kafka Streams application id: consumer group, transactional id and topic prefix
 * @param stateDir          where RocksDB keeps the stores
 * @param advertisedHost    host other instances use to reach this one's query API (application.server)
 * @param replicationFactor of internal topics; 1 on the single-broker local stack
 * @param commitInterval    how often a transaction commits: the floor of decision latency under EOS
 * @param closeTimeout      bound on a clean shutdown
 * @param holdExpiryCheckInterval how often the sweeper looks for holds nobody captured or released
 * @param holdExpiryGrace   how long past its expiry an untouched hold stays open (see {@link HoldExpiry})
 * @param stallTimeout      a stream thread that has not polled for this long is stuck: health is DOWN
 */
@ConfigurationProperties("cpl.ledger")
public record LedgerProperties(
        String bootstrapServers,
        String registryUrl,
        String applicationId,
        Path stateDir,
        String advertisedHost,
        int replicationFactor,
        Duration commitInterval,
        Duration closeTimeout,
        Duration holdExpiryCheckInterval,
        Duration holdExpiryGrace,
        Duration stallTimeout) {

    public HoldExpiry holdExpiry() {
        return new HoldExpiry(holdExpiryCheckInterval, holdExpiryGrace);
    }
}
