package io.cloudphone.ledger.streams.runtime.deadletter;

/** Counts dead letters per source topic and reason (a metric in the app; a map in tests). */
@FunctionalInterface
public interface DeadLetterCounter {

    DeadLetterCounter NONE = (topic, reason) -> { };

    void count(String sourceTopic, String reason);
}
