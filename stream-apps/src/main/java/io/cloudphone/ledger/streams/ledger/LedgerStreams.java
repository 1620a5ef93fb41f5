package io.cloudphone.ledger.streams.ledger;

import static org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.serde.RestSchemaRegistryClient;
import io.cloudphone.ledger.streams.deadletter.DeadLetterMetrics;
import io.cloudphone.ledger.streams.runtime.RequiredTopics;
import io.cloudphone.ledger.streams.runtime.StreamsFailure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Owns the ledger's KafkaStreams instance: its settings, start and bounded close. */
@Component
public class LedgerStreams implements SmartLifecycle {

    /** Bound on the start-up check that every topic exists (the broker is up before the apps start). */
    static final Duration TOPIC_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(LedgerStreams.class);

    private final LedgerProperties properties;
    private final int serverPort;
    private final MeterRegistry meters;
    private volatile KafkaStreams streams;
    private volatile StreamsFailure failure;

    public LedgerStreams(LedgerProperties properties, @Value("${server.port}") int serverPort, MeterRegistry meters) {
        this.properties = properties;
        this.serverPort = serverPort;
        this.meters = meters;
    }

    @Override
    public void start() {
        LedgerTopics names = LedgerTopics.PRODUCTION;
        List<String> topicsUsed = new ArrayList<>(names.outputs());
        topicsUsed.add(names.commands());
        RequiredTopics.check(properties.bootstrapServers(), topicsUsed, TOPIC_CHECK_TIMEOUT);
        Topics topics = new Topics(new RestSchemaRegistryClient(properties.registryUrl()));
        KafkaStreams created = new KafkaStreams(LedgerTopology.build(topics, names, properties.holdExpiry(),
                new DeadLetterMetrics(meters, properties.applicationId())), settings());
        created.setUncaughtExceptionHandler(error -> {
            // Bad input never gets here (it becomes a dead letter): this is a bug, or a failure of Kafka or the
            // registry that outlasted their retries. Skipping the record could skip money, and retrying a bug
            // repeats it: stop, and let health say why.
            failure = StreamsFailure.of(error, Instant.now());
            log.error("ledger stream thread failed; shutting the client down (health is DOWN until a restart)", error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        created.setStateListener((now, before) -> log.info("ledger streams {} -> {}", before, now));
        created.start();
        streams = created;
    }

    /** How long a stream thread may go without polling before health calls it stalled. */
    public Duration stallTimeout() {
        return properties.stallTimeout();
    }

    /** Why the stream thread died, if it did: shown by health. */
    public Optional<StreamsFailure> failure() {
        return Optional.ofNullable(failure);
    }

    Properties settings() {
        Properties settings = processingSettings(properties.applicationId(), properties.bootstrapServers(),
                StreamsConfig.EXACTLY_ONCE_V2, properties.commitInterval().toMillis(), properties.stateDir().toString());
        settings.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, properties.replicationFactor());
        settings.put(StreamsConfig.APPLICATION_SERVER_CONFIG, properties.advertisedHost() + ":" + serverPort);
        // Static membership: an instance restarted after a crash (kill -9, OOM, node reboot) takes its partitions
        // back at once instead of waiting for the broker to expire its old member's session.
        settings.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId());
        return settings;
    }

    /**
     * The settings that decide how fast the ledger processes, shared with the benchmark so that it measures
     * what runs.
     *
     * @param guarantee {@link StreamsConfig#EXACTLY_ONCE_V2} in production; the benchmark compares at_least_once
     */
    public static Properties processingSettings(String applicationId, String bootstrapServers, String guarantee,
                                                long commitIntervalMs, String stateDir) {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        // One thread: 2 cores, and a hot account's partition cannot use a second one anyway.
        settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // Under exactly-once this is also how often output becomes visible: the floor of decision latency.
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        // No record cache: every key is read once per command, so a cache only churns (stack-facts: -12..30%).
        settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        // Under exactly-once nothing is visible before the commit, and the commit flushes whatever lingers: so
        // lingering up to the commit interval costs no latency and makes fewer, larger batches (+20% decisions/s
        // in the ledger-alone benchmark, fewer producer wake-ups per record).
        settings.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), commitIntervalMs);
        settings.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 128 * 1024);
        settings.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 1000);
        // The sources read bytes, which cannot fail to deserialize; the processor decodes and dead-letters
        // bad records itself, inside the transaction. Anything that still throws is a bug: fail, never skip
        // (Kafka Streams' defaults today, written out so that a changed default cannot skip money).
        settings.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailExceptionHandler.class);
        settings.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndFailProcessingExceptionHandler.class);
        settings.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DefaultProductionExceptionHandler.class);
        return settings;
    }

    /** Stable across restarts of this instance, unique among instances: its query address identifies it. */
    String instanceId() {
        return properties.applicationId() + "-" + properties.advertisedHost() + "-" + serverPort;
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running != null) {
            // Leave the group on a clean stop: otherwise the next start (or another instance) waits for the
            // broker to expire this member's session before it gets the partitions back.
            boolean closed = running.close(CloseOptions.groupMembershipOperation(LEAVE_GROUP)
                    .withTimeout(properties.closeTimeout()));
            if (!closed) {
                log.warn("ledger streams did not close within {}", properties.closeTimeout());
            }
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The running instance; fails when the app is not started. */
    public KafkaStreams streams() {
        KafkaStreams running = streams;
        if (running == null) {
            throw new StoreUnavailableException("ledger streams are not started");
        }
        return running;
    }

    public String advertisedHost() {
        return properties.advertisedHost();
    }

    public int serverPort() {
        return serverPort;
    }
}
