package io.cloudphone.ledger.api.outbox;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inserts an outbox row in the caller's transaction. Debezium's EventRouter turns it into a Kafka record
 * on topic {@code cpl.outbox.<aggregateType>}, keyed by the aggregate id, with the payload bytes as the
 * value. Nothing publishes to Kafka directly: the event exists if and only if the transaction commits.
 */
@Component
public class OutboxWriter {

    private final JdbcClient jdbc;

    public OutboxWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param payload the event in Confluent wire format, passed through to Kafka untouched */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(UUID eventId, String aggregateType, String aggregateId, String eventType, byte[] payload) {
        int inserted = jdbc.sql("""
                        INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload)
                        VALUES (:id, :aggregateType, :aggregateId, :type, :payload)""")
                .param("id", eventId)
                .param("aggregateType", aggregateType)
                .param("aggregateId", aggregateId)
                .param("type", eventType)
                .param("payload", payload)
                .update();
        if (inserted != 1) {
            throw new IllegalStateException("outbox insert for event " + eventId + " affected " + inserted + " rows");
        }
    }
}
