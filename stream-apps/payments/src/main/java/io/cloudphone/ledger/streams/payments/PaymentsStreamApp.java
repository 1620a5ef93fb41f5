package io.cloudphone.ledger.streams.payments;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.streams.runtime.StreamApp;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetterCounter;
import java.util.Collection;
import org.apache.kafka.streams.Topology;
import org.springframework.stereotype.Component;

/** The payments app as the stream runtime runs it: its topology on the production topics. */
@Component
class PaymentsStreamApp implements StreamApp {

    private final PaymentsProperties properties;

    PaymentsStreamApp(PaymentsProperties properties) {
        this.properties = properties;
    }

    @Override
    public Topology topology(Topics topics, DeadLetterCounter deadLetters) {
        return PaymentsTopology.build(topics, PaymentsTopics.PRODUCTION, properties.settings(), deadLetters);
    }

    @Override
    public Collection<String> topics() {
        return PaymentsTopics.PRODUCTION.all();
    }
}
