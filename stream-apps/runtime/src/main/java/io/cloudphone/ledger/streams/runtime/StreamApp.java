package io.cloudphone.ledger.streams.runtime;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.streams.runtime.deadletter.DeadLetterCounter;
import java.util.Collection;
import org.apache.kafka.streams.Topology;

/**
 * A stream app, as the runtime runs it: its topology and the topics it uses. An app declares one as a bean; the
 * runtime ({@link StreamsRunner}) gives it the registry-bound serdes and the dead-letter metric, checks its topics,
 * runs it exactly once, reports its health and routes its interactive queries.
 */
public interface StreamApp {

    /** Built once, when the app starts. */
    Topology topology(Topics topics, DeadLetterCounter deadLetters);

    /** Every topic the topology reads or writes: the app refuses to start while one is missing. */
    Collection<String> topics();
}
