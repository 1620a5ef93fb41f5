package io.cloudphone.ledger.streams.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of a stream app's Kafka Streams client, for launchers, orchestrators and operators:
 * <ul>
 *   <li>UP while it runs and every stream thread keeps polling;</li>
 *   <li>OUT_OF_SERVICE while it starts or rebalances (it will serve again by itself);</li>
 *   <li>DOWN once it stopped (with the exception its stream thread died of), and DOWN while a stream thread
 *       has not polled for longer than the stall timeout: it is stuck, deciding nothing, even though its state
 *       still says RUNNING (a transactional producer whose output topic was deleted blocks its thread in
 *       flush() indefinitely, KAFKA-20077; it resumes once the topic is back).</li>
 * </ul>
 * Pure: it reads the state, the metrics and the recorded failure it is given.
 */
public final class StreamsHealth {

    /** The main consumer's own measure of its thread's poll loop, in seconds. */
    static final String LAST_POLL_METRIC = "last-poll-seconds-ago";
    static final String CONSUMER_METRICS_GROUP = "consumer-metrics";

    private StreamsHealth() {
    }

    public static Health of(KafkaStreams.State state, Map<MetricName, ? extends Metric> metrics,
                            Optional<StreamsFailure> failure, Duration stallTimeout) {
        Health.Builder health = switch (state) {
            case RUNNING -> Health.up();
            case CREATED, REBALANCING -> Health.outOfService();
            default -> Health.down();
        };
        health.withDetail("state", state.name());
        if (state == KafkaStreams.State.RUNNING) {
            stalledThread(metrics, stallTimeout).ifPresent(stall -> health.down().withDetail("state", "STALLED")
                    .withDetail("error", stall));
        }
        failure.ifPresent(failed -> health.withDetail("error", failed.error())
                .withDetail("failedAt", failed.at().toString()).withDetail("thread", failed.thread()));
        return health.build();
    }

    /** The first stream thread whose main consumer has not polled within the stall timeout, described. */
    static Optional<String> stalledThread(Map<MetricName, ? extends Metric> metrics, Duration stallTimeout) {
        for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
            MetricName name = metric.getKey();
            String client = name.tags().getOrDefault("client-id", "");
            if (!name.name().equals(LAST_POLL_METRIC) || !name.group().equals(CONSUMER_METRICS_GROUP)
                    || !client.contains("-StreamThread-") || client.endsWith("-restore-consumer")) {
                continue;
            }
            if (metric.getValue().metricValue() instanceof Number secondsAgo
                    && secondsAgo.doubleValue() > stallTimeout.toSeconds()) {
                return Optional.of("stream thread of " + client + " has not polled for " + secondsAgo.longValue()
                        + " s (stall timeout " + stallTimeout.toSeconds() + " s): it is stuck and decides nothing; see the log");
            }
        }
        return Optional.empty();
    }
}
