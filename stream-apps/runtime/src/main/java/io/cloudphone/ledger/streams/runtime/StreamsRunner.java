package io.cloudphone.ledger.streams.runtime;

import static org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.serde.RestSchemaRegistryClient;
import io.cloudphone.ledger.streams.runtime.StoreUnavailableException;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetterMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Owns a stream app's KafkaStreams client: checks its topics, starts it with {@link StreamsSettings}, records why a
 * stream thread died, closes it within a bound and leaves the group on a clean stop.
 */
public class StreamsRunner implements SmartLifecycle {

    /** Bound on the start-up check that every topic exists (the broker is up before the apps start). */
    static final Duration TOPIC_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

    private final StreamApp app;
    private final StreamsProperties properties;
    private final int serverPort;
    private final MeterRegistry meters;
    private volatile KafkaStreams streams;
    private volatile StreamsFailure failure;

    public StreamsRunner(StreamApp app, StreamsProperties properties, int serverPort, MeterRegistry meters) {
        this.app = app;
        this.properties = properties;
        this.serverPort = serverPort;
        this.meters = meters;
    }

    @Override
    public void start() {
        RequiredTopics.check(properties.bootstrapServers(), app.topics(), TOPIC_CHECK_TIMEOUT);
        Topics topics = new Topics(new RestSchemaRegistryClient(properties.registryUrl()));
        KafkaStreams created = new KafkaStreams(app.topology(topics,
                new DeadLetterMetrics(meters, properties.applicationId())), StreamsSettings.of(properties, serverPort));
        created.setUncaughtExceptionHandler(error -> {
            // Bad input never gets here (it becomes a dead letter): this is a bug, or a failure of Kafka or the
            // registry that outlasted their retries. Skipping the record could skip money, and retrying a bug
            // repeats it: stop, and let health say why.
            failure = StreamsFailure.of(error, Instant.now());
            log.error("{} stream thread failed; shutting the client down (health is DOWN until a restart)",
                    properties.applicationId(), error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        created.setStateListener((now, before) -> log.info("{} streams {} -> {}", properties.applicationId(), before, now));
        created.start();
        streams = created;
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
                log.warn("{} streams did not close within {}", properties.applicationId(), properties.closeTimeout());
            }
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The running client; fails (503 to a query) when the app is not started. */
    public KafkaStreams streams() {
        KafkaStreams running = streams;
        if (running == null) {
            throw new StoreUnavailableException(properties.applicationId() + " streams are not started");
        }
        return running;
    }

    /** Why a stream thread died, if one did: shown by health. */
    public Optional<StreamsFailure> failure() {
        return Optional.ofNullable(failure);
    }

    public Duration stallTimeout() {
        return properties.stallTimeout();
    }

    /** Whether a host of the group is this instance. */
    public boolean isThisInstance(HostInfo host) {
        return host.host().equals(properties.advertisedHost()) && host.port() == serverPort;
    }
}
