package io.cloudphone.ledger.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;

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
            Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(60));

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
}
