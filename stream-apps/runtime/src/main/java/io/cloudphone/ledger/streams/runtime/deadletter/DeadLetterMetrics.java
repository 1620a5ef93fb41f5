package io.cloudphone.ledger.streams.runtime.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts dead letters as the Micrometer counter {@value #NAME}, tagged with the application, the source
 * topic and the reason. Counted when the record is set aside: a crash before the commit processes the
 * record again and counts it again, so the counter is at least, not exactly, the number on the topic.
 */
public final class DeadLetterMetrics implements DeadLetterCounter {

    public static final String NAME = "cpl.streams.dead.letters";

    private final MeterRegistry registry;
    private final String applicationId;

    public DeadLetterMetrics(MeterRegistry registry, String applicationId) {
        this.registry = registry;
        this.applicationId = applicationId;
    }

    @Override
    public void count(String sourceTopic, String reason) {
        Counter.builder(NAME)
                .description("input records set aside on the dead-letter topic")
                .tag("application", applicationId).tag("topic", sourceTopic).tag("reason", reason)
                .register(registry).increment();
    }
}
