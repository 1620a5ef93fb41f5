package io.cloudphone.ledger.streams.ledger;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.streams.runtime.StreamApp;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetterCounter;
import java.util.Collection;
import org.apache.kafka.streams.Topology;
import org.springframework.stereotype.Component;

/** The ledger as the stream runtime runs it: its topology on the production topics. */
@Component
class LedgerStreamApp implements StreamApp {

    private final LedgerProperties properties;

    LedgerStreamApp(LedgerProperties properties) {
        this.properties = properties;
    }

    @Override
    public Topology topology(Topics topics, DeadLetterCounter deadLetters) {
        return LedgerTopology.build(topics, LedgerTopics.PRODUCTION, properties.holdExpiry(), deadLetters);
    }

    @Override
    public Collection<String> topics() {
        return LedgerTopics.PRODUCTION.all();
    }
}
