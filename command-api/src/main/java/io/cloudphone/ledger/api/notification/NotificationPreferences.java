package io.cloudphone.ledger.api.notification;

import io.cloudphone.ledger.api.outbox.OutboxDestinations;
import io.cloudphone.ledger.api.outbox.OutboxWriter;
import io.cloudphone.ledger.schemas.notification.NotificationPreferenceChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's notification preferences. Each write is one statement: the defaults are one idempotent INSERT
 * in the user's creation transaction, and an update is one upsert (the replaced platform read, then created or
 * changed fields one by one, then saved). An update's event is written to the outbox in its transaction.
 */
@Component
public class NotificationPreferences {

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final OutboxDestinations destinations;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    NotificationPreferences(JdbcClient jdbc, OutboxWriter outbox, OutboxDestinations destinations, JsonMapper json) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.destinations = destinations;
        this.json = json;
    }

    public record Preference(NotificationType type, boolean enabled, List<NotificationType.Channel> channels,
                             Map<String, Object> customSettings, Instant updatedAt) {
    }

    /** One preference per type, at its default; types the user already has are left alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void createDefaults(UUID userId) {
        NotificationType[] types = NotificationType.values();
        jdbc.sql("""
                        INSERT INTO notification_preference (user_id, notification_type, enabled, channels)
                        SELECT :userId, d.type, d.enabled, string_to_array(d.channels, ',')::text[]
                        FROM unnest(:types, :enabled, :channels) AS d (type, enabled, channels)
                        ON CONFLICT (user_id, notification_type) DO NOTHING""")
                .param("userId", userId)
                .param("types", Arrays.stream(types).map(Enum::name).toArray(String[]::new))
                .param("enabled", Arrays.stream(types).map(NotificationType::enabledByDefault).toArray(Boolean[]::new))
                .param("channels", Arrays.stream(types).map(t -> String.join(",", names(t.defaultChannels())))
                        .toArray(String[]::new))
                .update();
    }

    /** Upserts one preference in one statement and writes its event to the outbox. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Preference update(UUID userId, NotificationType type, boolean enabled,
                             List<NotificationType.Channel> channels, Map<String, Object> customSettings) {
        String settingsJson = json.writeValueAsString(customSettings);
        Preference stored = jdbc.sql("""
                        INSERT INTO notification_preference
                            (user_id, notification_type, enabled, channels, custom_settings, updated_at)
                        VALUES (:userId, :type, :enabled, :channels, CAST(:settings AS jsonb), now())
                        ON CONFLICT (user_id, notification_type) DO UPDATE
                        SET enabled = EXCLUDED.enabled, channels = EXCLUDED.channels,
                            custom_settings = EXCLUDED.custom_settings, updated_at = EXCLUDED.updated_at
                        RETURNING notification_type, enabled, channels, custom_settings::text AS custom_settings,
                                  updated_at""")
                .param("userId", userId).param("type", type.name()).param("enabled", enabled)
                .param("channels", names(channels).toArray(String[]::new)).param("settings", settingsJson)
                .query(this::toPreference).single();
        UUID eventId = UUID.randomUUID();
        NotificationPreferenceChanged event = NotificationPreferenceChanged.newBuilder()
                .setEventId(eventId.toString()).setUserId(userId.toString()).setNotificationType(type.name())
                .setEnabled(enabled).setChannels(names(channels)).setCustomSettingsJson(settingsJson)
                .setOccurredAt(clock.instant())
                .build();
        outbox.append(destinations.notification().event(eventId, userId.toString(), event));
        return stored;
    }

    public List<Preference> of(UUID userId) {
        return jdbc.sql("""
                        SELECT notification_type, enabled, channels, custom_settings::text AS custom_settings, updated_at
                        FROM notification_preference WHERE user_id = :userId ORDER BY notification_type""")
                .param("userId", userId).query(this::toPreference).list();
    }

    private Preference toPreference(ResultSet row, int rowNumber) throws SQLException {
        List<NotificationType.Channel> channels = Arrays.stream((String[]) row.getArray("channels").getArray())
                .map(NotificationType.Channel::valueOf).toList();
        Map<String, Object> settings = json.readValue(row.getString("custom_settings"),
                new TypeReference<Map<String, Object>>() {
                });
        return new Preference(NotificationType.valueOf(row.getString("notification_type")), row.getBoolean("enabled"),
                channels, settings, row.getTimestamp("updated_at").toInstant());
    }

    private static List<String> names(List<NotificationType.Channel> channels) {
        return channels.stream().map(Enum::name).toList();
    }
}
