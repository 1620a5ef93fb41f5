package io.cloudphone.ledger.api.outbox;

import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.schemas.serde.AvroSerde;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Where an aggregate's events go, typed by the event they carry: the outbox row's aggregate type, which Debezium's
 * EventRouter routes to topic {@code cpl.outbox.<aggregate type>}, and the serde that writes the payload under that
 * topic's subject. One value per aggregate ({@link OutboxDestinations}), so the aggregate type, the topic and the
 * payload's schema can never be paired wrongly at a call site.
 */
public record OutboxDestination<T extends SpecificRecord>(String aggregateType, AvroSerde<T> serde) {

    /** The topic Debezium writes these events to. */
    public String topic() {
        return Topics.OUTBOX_TOPIC_PREFIX + aggregateType;
    }

    /** The payload as the outbox row carries it: Confluent wire format, passed through to Kafka untouched. */
    public byte[] payload(T event) {
        return serde.serialize(topic(), event);
    }

    /** An outbox row of this destination; its type (Debezium's {@code eventType} header) named by the caller. */
    public OutboxEvent event(UUID eventId, String aggregateId, String eventType, T event) {
        return new OutboxEvent(eventId, this, aggregateId, eventType, payload(event));
    }

    /** An outbox row whose type is the event's own record name (NotificationPreferenceChanged, ...). */
    public OutboxEvent event(UUID eventId, String aggregateId, T event) {
        return event(eventId, aggregateId, event.getSchema().getName(), event);
    }
}
