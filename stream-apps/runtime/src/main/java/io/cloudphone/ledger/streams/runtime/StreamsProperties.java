package io.cloudphone.ledger.streams.runtime;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a stream app runs its Kafka Streams client (prefix {@code cpl.streams}); each app's yml points the defaults
 * at the local stack (infra/bin/stack).
 *
 * @param bootstrapServers  Kafka brokers
 * @param registryUrl       Confluent-compatible schema-registry base URL
 * @param applicationId     Kafka Streams application id: consumer group, transactional id and topic prefix; one per
 *                          app (cpl-ledger, ...)
 * @param stateDir          where RocksDB keeps the stores
 * @param advertisedHost    host other instances use to reach this one's query API (application.server)
 * @param replicationFactor of internal topics; 1 on the single-broker local stack
 * @param commitInterval    how often a transaction commits: the floor of output latency under exactly-once
 * @param closeTimeout      bound on a clean shutdown
 * @param stallTimeout      a stream thread that has not polled for this long is stuck: health is DOWN
 * @param standbyReplicas   shadow copies of each task's stores kept on other instances, so that a failover resumes
 *                          from a warm copy instead of restoring the changelog; none can exist on a lone instance
 * @param probingRebalanceInterval how soon after an instance joins (or comes back behind) the group checks whether
 *                          its warm-up copies have caught up and moves active tasks to it; at least 60 s (Kafka)
 */
@ConfigurationProperties("cpl.streams")
public record StreamsProperties(
        String bootstrapServers,
        String registryUrl,
        String applicationId,
        Path stateDir,
        String advertisedHost,
        int replicationFactor,
        Duration commitInterval,
        Duration closeTimeout,
        Duration stallTimeout,
        int standbyReplicas,
        Duration probingRebalanceInterval) {
}
