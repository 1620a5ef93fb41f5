package io.cloudphone.ledger.api.outbox;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private static final String INSERT = """
            INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload) VALUES (?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public OutboxWriter(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Several events in one JDBC batch (the driver rewrites it into multi-row inserts), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<OutboxEvent> events) {
        int[][] inserted = batch.batchUpdate(INSERT, events, events.size(), (statement, event) -> {
            statement.setObject(1, event.eventId());
            statement.setString(2, event.destination().aggregateType());
            statement.setString(3, event.aggregateId());
            statement.setString(4, event.eventType());
            statement.setBytes(5, event.payload());
        });
        long rows = java.util.Arrays.stream(inserted).flatMapToInt(java.util.Arrays::stream)
                .mapToLong(count -> count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : count).sum();
        if (rows != events.size()) {
            throw new IllegalStateException("outbox batch of " + events.size() + " events inserted " + rows + " rows");
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutboxEvent event) {
        int inserted = jdbc.sql("""
                        INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload)
                        VALUES (:id, :aggregateType, :aggregateId, :type, :payload)""")
                .param("id", event.eventId())
                .param("aggregateType", event.destination().aggregateType())
                .param("aggregateId", event.aggregateId())
                .param("type", event.eventType())
                .param("payload", event.payload())
                .update();
        if (inserted != 1) {
            throw new IllegalStateException("outbox insert for event " + event.eventId() + " affected " + inserted + " rows");
        }
    }
}
