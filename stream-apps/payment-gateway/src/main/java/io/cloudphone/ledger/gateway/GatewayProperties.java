package io.cloudphone.ledger.gateway;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the gateway worker (prefix {@code cpl.gateway}); defaults in gateway.yml.
 *
 * @param bootstrapServers      Kafka
 * @param registryUrl           the schema registry (Confluent API)
 * @param groupId               the consumer group of every gateway instance: the calls' partitions are shared
 * @param providerBaseUrl       where the providers are: locally the simulator, which serves all three
 * @param requestTimeout        the longest a provider call may take; beyond it the outcome is UNKNOWN
 * @param concurrency           orders whose calls are made at once (each order's calls stay in order)
 * @param stallTimeout          health is DOWN when the consumer has not polled for this long
 * @param sessionTimeout        how soon a dead worker's calls go to another (or its own restart): Kafka's session
 *                              timeout, shorter than its 45 s default, since a gateway that waits delays payments
 * @param haltAfterCalls        fault injection for the crash test, 0 (off) everywhere else: the process halts right
 *                              after its N-th provider call answered, before recording it
 */
@ConfigurationProperties("cpl.gateway")
public record GatewayProperties(String bootstrapServers, String registryUrl, String groupId, URI providerBaseUrl,
                                Duration requestTimeout, int concurrency, Duration stallTimeout,
                                Duration sessionTimeout, int haltAfterCalls) {

    public GatewayProperties {
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("cpl.gateway.concurrency must be 1 to 256, was " + concurrency);
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("cpl.gateway.request-timeout must be positive, was " + requestTimeout);
        }
    }
}
