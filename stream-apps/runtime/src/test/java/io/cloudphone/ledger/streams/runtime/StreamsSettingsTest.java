package io.cloudphone.ledger.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private final StreamsProperties properties = new StreamsProperties("127.0.0.1:9092",
            "http://127.0.0.1:8081/apis/ccompat/v7", "cpl-ledger", Path.of("/tmp/ledger"), "127.0.0.1", 1,
            Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(60), 1, Duration.ofSeconds(60));

    @Test
    void neverSkipsARecordThatThrows() {
        Properties settings = StreamsSettings.of(properties, 8081);

        assertThat(settings.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(LogAndFailExceptionHandler.class);
        assertThat(settings.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(LogAndFailProcessingExceptionHandler.class);
        assertThat(settings.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DefaultProductionExceptionHandler.class);
        assertThat(settings).doesNotContainKey(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    }

    @Test
    void runsExactlyOnceWithAStableMemberIdAndQueryAddressPerInstance() {
        Properties settings = StreamsSettings.of(properties, 8081);

        assertThat(settings.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(settings.get(StreamsConfig.mainConsumerPrefix("group.instance.id")))
                .isEqualTo("cpl-ledger-127.0.0.1-8081");
        assertThat(settings.get(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("127.0.0.1:8081");
    }

    @Test
    void placesTasksByTheAppsOwnStandbyAndProbingChoices() {
        Properties settings = StreamsSettings.of(properties, 8081);

        assertThat(settings.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
        assertThat(settings.get(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG)).isEqualTo(60_000L);
        assertThat(settings.get(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG)).isEqualTo(10_000L);
        assertThat(settings.get(StreamsConfig.MAX_WARMUP_REPLICAS_CONFIG)).isEqualTo(2);
        // Kafka Streams itself accepts them: no setting is misspelt or out of its range.
        assertThat(new StreamsConfig(settings).getLong(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG))
                .isEqualTo(60_000L);
    }

    @Test
    void refusesAProbingIntervalKafkaWouldRefuse() {
        StreamsProperties tooEager = new StreamsProperties("127.0.0.1:9092", "http://127.0.0.1:8081/apis/ccompat/v7",
                "cpl-ledger", Path.of("/tmp/ledger"), "127.0.0.1", 1, Duration.ofMillis(100), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 1, Duration.ofSeconds(59));

        assertThatThrownBy(() -> StreamsSettings.of(tooEager, 8081))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probing-rebalance-interval must be at least PT1M");
    }
}
