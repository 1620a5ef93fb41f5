package io.cloudphone.ledger.streams.runtime.autoconfigure;

import io.cloudphone.ledger.platform.web.ProblemTypes;
import io.cloudphone.ledger.streams.runtime.StreamApp;
import io.cloudphone.ledger.streams.runtime.StreamsHealthIndicator;
import io.cloudphone.ledger.streams.runtime.StreamsProperties;
import io.cloudphone.ledger.streams.runtime.StreamsRunner;
import io.cloudphone.ledger.streams.runtime.query.QueryRouter;
import io.cloudphone.ledger.streams.runtime.query.StoreProblem;
import io.cloudphone.ledger.streams.runtime.query.StoreProblems;
import io.cloudphone.ledger.streams.runtime.query.StoreQueries;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Everything a stream app gets from the runtime once it declares its {@link StreamApp} bean: the Kafka Streams
 * client run exactly once ({@link StreamsRunner}, settings {@code cpl.streams.*}), health component
 * {@code streams}, interactive queries routed across instances ({@link StoreQueries}, {@link QueryRouter}) with
 * 503 + Retry-After while state moves ({@link StoreProblems}), and the dead-letter metric.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration")
@ConditionalOnBean(StreamApp.class)
@EnableConfigurationProperties(StreamsProperties.class)
@Import(StoreProblems.class)
public class StreamsAutoConfiguration {

    @Bean
    StreamsRunner streamsRunner(StreamApp app, StreamsProperties properties, @Value("${server.port}") int serverPort,
                                MeterRegistry meters) {
        return new StreamsRunner(app, properties, serverPort, meters);
    }

    @Bean
    StreamsHealthIndicator streamsHealthIndicator(StreamsRunner runner) {
        return new StreamsHealthIndicator(runner);
    }

    /** The problems of every stream app's queries, in its problem catalogue. */
    @Bean
    ProblemTypes storeProblemTypes() {
        return ProblemTypes.of(StoreProblem.class);
    }

    @Bean
    StoreQueries storeQueries(StreamsRunner runner) {
        return new StoreQueries(runner);
    }

    @Bean
    QueryRouter queryRouter(StoreQueries queries) {
        return new QueryRouter(queries);
    }
}
