package io.cloudphone.ledger.api.user;

import io.cloudphone.ledger.api.notification.NotificationPreferences;
import io.cloudphone.ledger.api.notification.NotificationType;
import io.cloudphone.ledger.api.security.CurrentUser;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.platform.openapi.Access;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A user's notification preferences, read and set by the user (or a {@code user:admin}). */
@RestController
class NotificationPreferenceController {

    static final int CUSTOM_SETTINGS_MAX = 32;

    private final NotificationPreferences preferences;
    private final UserCommands users;
    private final TransactionRunner transactions;

    NotificationPreferenceController(NotificationPreferences preferences, UserCommands users,
                                     TransactionRunner transactions) {
        this.preferences = preferences;
        this.users = users;
        this.transactions = transactions;
    }

    record PreferenceBody(Boolean enabled, List<String> channels, Map<String, Object> customSettings) {
    }

    @Access("the user themself, or user:admin (anyone else gets 404)")
    @GetMapping("/v1/users/{userId}/notification-preferences")
    List<NotificationPreferences.Preference> list(CurrentUser actor, @PathVariable UUID userId) {
        users.visibleUser(actor, userId);
        return preferences.of(userId);
    }

    @Access("the user themself, or user:admin (anyone else gets 404)")
    @PutMapping("/v1/users/{userId}/notification-preferences/{type}")
    NotificationPreferences.Preference put(CurrentUser actor, @PathVariable UUID userId, @PathVariable String type,
                                           @RequestBody PreferenceBody body) {
        NotificationType notificationType = parse(NotificationType.class, type, "notification type");
        if (body.enabled() == null) {
            throw ApiProblem.invalid("enabled is required (true or false)");
        }
        List<NotificationType.Channel> channels = body.channels() == null ? List.of()
                : body.channels().stream().distinct().map(c -> parse(NotificationType.Channel.class, c, "channel")).toList();
        Map<String, Object> settings = body.customSettings() == null ? Map.of() : body.customSettings();
        if (settings.size() > CUSTOM_SETTINGS_MAX) {
            throw ApiProblem.invalid("customSettings may hold at most " + CUSTOM_SETTINGS_MAX + " entries");
        }
        return transactions.inTransaction("notification-preference-update", status -> {
            if (users.visibleUser(actor, userId).deleted()) {
                throw ApiProblem.notFound("user " + userId + " does not exist");
            }
            return preferences.update(userId, notificationType, body.enabled(), channels, settings);
        });
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw ApiProblem.invalid("unknown " + what + " '" + value + "'; one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
