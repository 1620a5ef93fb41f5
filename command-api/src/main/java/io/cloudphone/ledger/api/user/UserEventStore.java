package io.cloudphone.ledger.api.user;

import io.cloudphone.ledger.api.outbox.OutboxDestinations;
import io.cloudphone.ledger.api.outbox.OutboxWriter;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.api.system.ConstraintViolation;
import io.cloudphone.ledger.platform.paging.Page;
import io.cloudphone.ledger.platform.paging.PageRequest;
import io.cloudphone.ledger.schemas.user.UserEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user event store (the replaced platform's saveEvents / saveEvent, now one path for both). Appending at an
 * expected version inserts the events at the next versions; the primary key (aggregate_id, version) is
 * what refuses a concurrent writer, whose transaction then rolls back whole: a batch lands entirely or not
 * at all. Each event is also written to the outbox in the same transaction.
 *
 * <p>Protocol for every writer of a user (see V2__identity.sql): read the user at version n, append here
 * (events at n+1.., then app_user.version moved from n), then change the user's columns. Inserting the
 * events first means two writers at the same version meet on the primary key, never on a lock cycle.
 */
@Component
public class UserEventStore {

    /** Bound on one append: a batch is one transaction, and this keeps it short. */
    public static final int BATCH_EVENTS_MAX = 100;
    /** The highest version an append may expect: the versions after it, one per event, still fit in a long. */
    public static final long VERSION_MAX = Long.MAX_VALUE - BATCH_EVENTS_MAX;
    static final String VERSION_UNIQUE = "user_event_version_unique";
    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final OutboxDestinations destinations;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    UserEventStore(JdbcClient jdbc, OutboxWriter outbox, OutboxDestinations destinations, JsonMapper json) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.destinations = destinations;
        this.json = json;
    }

    /** A stored event, as the history API shows it. */
    public record StoredEvent(UUID eventId, long version, String type, Map<String, Object> data, Instant occurredAt) {
    }

    /** The first event of a user inserted in the same transaction at version 1. */
    @Transactional(propagation = Propagation.MANDATORY)
    void appendFirst(UUID userId, PendingUserEvent created) {
        insert(userId, 1, created);
    }

    /**
     * Appends {@code events} at versions {@code expectedVersion + 1 ...} and moves the user's version to the
     * last of them.
     *
     * @return the user's version after the append
     * @throws ApiProblem 409 when another writer appended at those versions first
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(UUID userId, long expectedVersion, List<PendingUserEvent> events) {
        if (events.isEmpty() || events.size() > BATCH_EVENTS_MAX) {
            throw ApiProblem.invalid("an append carries 1 to " + BATCH_EVENTS_MAX + " events, not " + events.size());
        }
        long version = expectedVersion;
        for (PendingUserEvent event : events) {
            version = Math.addExact(version, 1);
            insert(userId, version, event);
        }
        int moved = jdbc.sql("UPDATE app_user SET version = :last WHERE user_id = :id AND version = :expected")
                .param("id", userId).param("last", version).param("expected", expectedVersion)
                .update();
        if (moved != 1) {
            throw conflict(userId, expectedVersion);
        }
        return version;
    }

    private void insert(UUID userId, long version, PendingUserEvent event) {
        Instant occurredAt = clock.instant();
        try {
            jdbc.sql("""
                            INSERT INTO user_event (aggregate_id, version, event_id, type, data, occurred_at)
                            VALUES (:id, :version, :eventId, :type, CAST(:data AS jsonb), :occurredAt)""")
                    .param("id", userId).param("version", version).param("eventId", event.eventId())
                    .param("type", event.type()).param("data", json.writeValueAsString(event.data()))
                    .param("occurredAt", java.sql.Timestamp.from(occurredAt))
                    .update();
        } catch (DuplicateKeyException e) {
            if (ConstraintViolation.isUnique(e, VERSION_UNIQUE)) {
                throw conflict(userId, version - 1);
            }
            throw e;
        }
        UserEvent published = UserEvent.newBuilder()
                .setEventId(event.eventId().toString())
                .setUserId(userId.toString())
                .setVersion(version)
                .setOccurredAt(occurredAt)
                .setEvent(event.body())
                .build();
        outbox.append(destinations.user().event(event.eventId(), userId.toString(), event.type(), published));
    }

    private static ApiProblem conflict(UUID userId, long expectedVersion) {
        return new ApiProblem(CommandApiProblem.VERSION_CONFLICT, "user " + userId + " is no longer at version " + expectedVersion
                + ": another change was appended first; read the user again and retry");
    }

    /** A user's events oldest first, a page at a time; the cursor is the last version seen. */
    public Page<StoredEvent> history(UUID userId, PageRequest page) {
        List<StoredEvent> rows = jdbc.sql("""
                        SELECT event_id, version, type, data::text AS data, occurred_at FROM user_event
                        WHERE aggregate_id = :id AND version > :after ORDER BY version LIMIT :rows""")
                .param("id", userId).param("after", page.after(0, Long::parseLong).orElse(0L))
                .param("rows", page.rowsToRead())
                .query(this::toStoredEvent).list();
        return Page.of(rows, page, event -> List.of(Long.toString(event.version())));
    }

    private StoredEvent toStoredEvent(ResultSet row, int rowNumber) throws SQLException {
        Map<String, Object> data = json.readValue(row.getString("data"), new TypeReference<Map<String, Object>>() {
        });
        return new StoredEvent(row.getObject("event_id", UUID.class), row.getLong("version"), row.getString("type"),
                data, row.getTimestamp("occurred_at").toInstant());
    }
}
