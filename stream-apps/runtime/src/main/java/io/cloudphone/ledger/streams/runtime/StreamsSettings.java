package io.cloudphone.ledger.streams.runtime;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;

/** Every Kafka Streams setting that matters to a stream app, written out with why, instead of trusting defaults. */
public final class StreamsSettings {

    /** Kafka refuses a shorter probing interval. */
    static final Duration MIN_PROBING_REBALANCE_INTERVAL = Duration.ofMinutes(1);

    /**
     * Kafka's default, written out: an instance at most this far behind on a task's changelog may take the task
     * at once and restores the rest before processing (its accounts wait meanwhile); one further behind warms up
     * first, while the current owner keeps deciding.
     */
    static final long ACCEPTABLE_RECOVERY_LAG = 10_000;

    /** Kafka's default, written out: how many tasks warm up at once, bounding the restore traffic of a scale-out. */
    static final int MAX_WARMUP_REPLICAS = 2;

    private StreamsSettings() {
    }

    /**
     * What a running app uses: {@link #processing} under exactly_once_v2, plus what makes it one instance of a
     * group (its query address, a member id that survives a restart).
     *
     * @param serverPort the port of this instance's query API
     */
    public static Properties of(StreamsProperties properties, int serverPort) {
        Properties settings = processing(properties.applicationId(), properties.bootstrapServers(),
                StreamsConfig.EXACTLY_ONCE_V2, properties.commitInterval().toMillis(), properties.stateDir().toString());
        settings.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, properties.replicationFactor());
        settings.put(StreamsConfig.APPLICATION_SERVER_CONFIG, properties.advertisedHost() + ":" + serverPort);
        // Static membership: an instance restarted after a crash (kill -9, OOM, node reboot) takes its partitions
        // back at once instead of waiting for the broker to expire its old member's session.
        settings.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                instanceId(properties, serverPort));
        settings.putAll(taskPlacement(properties));
        return settings;
    }

    /**
     * Where tasks run when there is more than one instance. Kafka Streams moves an active task only to an
     * instance whose copy of its stores is within {@link #ACCEPTABLE_RECOVERY_LAG} of the end: a new instance first
     * warms copies up and takes tasks over at the next probing rebalance. Kafka's 10-minute default probing
     * interval leaves a scaled-out instance idle for that long; a probing rebalance is cheap here (cooperative,
     * static members), so the interval is an app's choice, written in its yml.
     */
    static Properties taskPlacement(StreamsProperties properties) {
        if (properties.probingRebalanceInterval().compareTo(MIN_PROBING_REBALANCE_INTERVAL) < 0) {
            throw new IllegalArgumentException("cpl.streams.probing-rebalance-interval must be at least "
                    + MIN_PROBING_REBALANCE_INTERVAL + ", was " + properties.probingRebalanceInterval());
        }
        if (properties.standbyReplicas() < 0) {
            throw new IllegalArgumentException("cpl.streams.standby-replicas must not be negative, was "
                    + properties.standbyReplicas());
        }
        Properties settings = new Properties();
        settings.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
        settings.put(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, properties.probingRebalanceInterval().toMillis());
        settings.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, ACCEPTABLE_RECOVERY_LAG);
        settings.put(StreamsConfig.MAX_WARMUP_REPLICAS_CONFIG, MAX_WARMUP_REPLICAS);
        return settings;
    }

    /** Stable across restarts of an instance, unique among instances: its query address identifies it. */
    public static String instanceId(StreamsProperties properties, int serverPort) {
        return properties.applicationId() + "-" + properties.advertisedHost() + "-" + serverPort;
    }

    /**
     * The settings that decide how fast an app processes, shared with the benchmark so that it measures what runs.
     *
     * @param guarantee {@link StreamsConfig#EXACTLY_ONCE_V2} in production; the benchmark compares at_least_once
     */
    public static Properties processing(String applicationId, String bootstrapServers, String guarantee,
                                        long commitIntervalMs, String stateDir) {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        // One thread: 2 cores, and a hot key's partition cannot use a second one anyway.
        settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // Under exactly-once this is also how often output becomes visible: the floor of decision latency.
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        // No record cache: every key is read once per record, so a cache only churns (the ledger-alone benchmark
        // measured it 12-30% slower with one).
        settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        // Under exactly-once nothing is visible before the commit, and the commit flushes whatever lingers: so
        // lingering up to the commit interval costs no latency and makes fewer, larger batches (+20% decisions/s
        // in the ledger-alone benchmark, fewer producer wake-ups per record).
        settings.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), commitIntervalMs);
        settings.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 128 * 1024);
        settings.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 1000);
        // Sources read bytes, which cannot fail to deserialize; apps decode and dead-letter bad records themselves,
        // inside the transaction (deadletter/). Anything that still throws is a bug: fail, never skip (Kafka
        // Streams' defaults today, written out so that a changed default cannot skip a record).
        settings.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailExceptionHandler.class);
        settings.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailProcessingExceptionHandler.class);
        settings.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DefaultProductionExceptionHandler.class);
        return settings;
    }
}
