package io.cloudphone.ledger.api.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * One outbox row: the event id (the consumers' key to drop a redelivery), its destination, the aggregate it
 * belongs to (the Kafka key), its type and its payload in the Confluent wire format.
 */
public record OutboxEvent(UUID eventId, OutboxDestination<?> destination, String aggregateId, String eventType,
                          byte[] payload) {

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
    }
}
