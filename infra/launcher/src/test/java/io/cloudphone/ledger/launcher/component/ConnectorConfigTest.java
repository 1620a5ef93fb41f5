package io.cloudphone.ledger.launcher.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudphone.ledger.schemas.TopicSpec;
import io.cloudphone.ledger.schemas.Topics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connector the launcher registers, held to the topic catalogue: it writes only topics the catalogue has. */
class ConnectorConfigTest {

    private static final Path CONFIG = Path.of("../../connectors/src/main/connect/" + Connect.CONNECTOR + ".json");

    @Test
    void routesEveryOutboxAggregateToATopicOfTheCatalogue() throws Exception {
        JsonNode config = new ObjectMapper().readTree(CONFIG.toFile());

        assertThat(config.path("transforms.outbox.route.topic.replacement").asText())
                .isEqualTo(Topics.OUTBOX_TOPIC_PREFIX + "${routedByValue}");
        List<TopicSpec> outbox = Topics.ALL.stream().filter(topic -> topic.writer().equals(TopicSpec.DEBEZIUM)).toList();
        assertThat(outbox).extracting(TopicSpec::name).containsExactlyInAnyOrder(
                List.of(Topics.ACCOUNT_AGGREGATE_TYPE, Topics.USER_AGGREGATE_TYPE, Topics.ROLE_AGGREGATE_TYPE,
                        Topics.NOTIFICATION_AGGREGATE_TYPE, Topics.PAYMENT_AGGREGATE_TYPE, Topics.GATEWAY_AGGREGATE_TYPE)
                        .stream().map(type -> Topics.OUTBOX_TOPIC_PREFIX + type)
                        .toArray(String[]::new));
        // Were a topic missing, Connect would create it with these; they must agree with the catalogue.
        assertThat(config.path("topic.creation.default.partitions").asInt())
                .isEqualTo(outbox.get(0).partitions());
    }
}
