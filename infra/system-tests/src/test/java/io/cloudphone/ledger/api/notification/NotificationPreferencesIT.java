package io.cloudphone.ledger.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Concurrently;
import io.cloudphone.ledger.system.Database;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.RunningSystem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Preferences: defaults created with the user; each update one upsert with its outbox event. */
@ExtendWith(RunningSystem.class)
class NotificationPreferencesIT {

    @Test
    void aNewUserHasTheDefaultPreferencesFromTheirCreationTransaction(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);

        Response preferences = user.api().get("/v1/users/" + user.userId() + "/notification-preferences");

        assertThat(preferences.body()).hasSize(4);
        assertThat(Database.count("""
                        SELECT count(*) FROM notification_preference p JOIN app_user u USING (user_id)
                        WHERE p.user_id = ? AND p.updated_at = u.created_at""", user.userId())).isEqualTo(4);
    }

    @Test
    void concurrentUpdatesOfOnePreferenceAllLandAsOneRowAndOneEventEach(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        String path = "/v1/users/" + user.userId() + "/notification-preferences/MARKETING";

        List<Integer> statuses = Concurrently.run(10, i -> user.api().put(path,
                "{\"enabled\":%s,\"channels\":[\"SMS\"],\"customSettings\":{\"n\":%d}}".formatted(i % 2 == 0, i)).status());

        assertThat(statuses).containsOnly(200);
        assertThat(Database.count("SELECT count(*) FROM notification_preference WHERE user_id = ? "
                + "AND notification_type = 'MARKETING'", user.userId())).isEqualTo(1);
        assertThat(Database.outboxTypes("notification", user.userId().toString())).hasSize(10);
    }

    @Test
    void anotherUsersPreferencesAreNotFound(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        Session stranger = Identities.newUser(anonymous);

        assertThat(stranger.api().get("/v1/users/" + user.userId() + "/notification-preferences").status()).isEqualTo(404);
        assertThat(stranger.api().put("/v1/users/" + user.userId() + "/notification-preferences/SECURITY",
                "{\"enabled\":false}").status()).isEqualTo(404);
        assertThat(Database.outboxTypes("notification", user.userId().toString())).isEmpty();
    }
}
