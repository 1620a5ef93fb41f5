package io.cloudphone.ledger.api.user;

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

/** The user event store against the real PostgreSQL: expected versions, whole batches, gap-free history. */
@ExtendWith(RunningSystem.class)
class UserEventStoreIT {

    @Test
    void concurrentAppendsAtTheSameVersionLetExactlyOneIn(ApiClient anonymous) {
        Session admin = Identities.admin(anonymous);
        Session user = Identities.newUser(anonymous);

        List<Integer> statuses = Concurrently.run(10, i -> append(admin, user, 1, "NoteAdded", 1).status());

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(9);
        assertThat(versions(user)).containsExactly("1", "2");
    }

    /** The system's own types cannot be appended by anyone, an administrator included (issue 11, Why 6). */
    @Test
    void nobodyAppendsAnEventTypeOnlyTheSystemWrites(ApiClient anonymous) {
        Session admin = Identities.admin(anonymous);
        Session user = Identities.newUser(anonymous);

        for (String reserved : List.of("UserDeleted", "PasswordChanged", "UserLocked", "UserCreated")) {
            Response refused = append(admin, user, 1, reserved, 1);
            assertThat(refused.status()).as(reserved).isEqualTo(422);
            assertThat(refused.body().path("detail").asText()).contains(reserved + " is written by the system only");
        }

        assertThat(versions(user)).containsExactly("1");
    }

    @Test
    void aBatchAtAStaleVersionLandsNothing(ApiClient anonymous) {
        Session admin = Identities.admin(anonymous);
        Session user = Identities.newUser(anonymous);
        Response first = append(admin, user, 1, "NoteAdded", 3);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("version").asLong()).isEqualTo(4);

        Response stale = append(admin, user, 1, "OtherNote", 3);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(versions(user)).containsExactly("1", "2", "3", "4");
        assertThat(Database.count("SELECT count(*) FROM user_event WHERE aggregate_id = ? AND type = 'OtherNote'",
                user.userId())).isZero();
        assertThat(Database.outboxTypes("user", user.userId().toString()))
                .containsExactly("UserCreated", "NoteAdded", "NoteAdded", "NoteAdded");
    }

    @Test
    void everyUserCommandAppendsTheNextVersionAndItsOutboxEvent(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);

        assertThat(user.api().patch("/v1/users/" + user.userId(), "{\"displayName\":\"Ann\"}").status()).isEqualTo(200);
        assertThat(user.api().post("/v1/users/" + user.userId() + "/password",
                "{\"currentPassword\":\"%s\",\"newPassword\":\"another good one\"}".formatted(Identities.PASSWORD))
                .status()).isEqualTo(204);
        assertThat(user.api().delete("/v1/users/" + user.userId()).status()).isEqualTo(204);

        assertThat(Database.column("SELECT type FROM user_event WHERE aggregate_id = ? ORDER BY version", user.userId()))
                .containsExactly("UserCreated", "UserUpdated", "PasswordChanged", "UserDeleted");
        assertThat(versions(user)).containsExactly("1", "2", "3", "4");
        assertThat(Database.column("""
                        SELECT count(*) FROM user_event e JOIN outbox_event o ON o.id = e.event_id
                        WHERE e.aggregate_id = ?""", user.userId())).containsExactly("4");
        assertThat(Database.count("SELECT version FROM app_user WHERE user_id = ?", user.userId())).isEqualTo(4);
    }

    @Test
    void onlyAdministratorsAppendAndOnlyTheUserOrAdministratorsRead(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        Session stranger = Identities.newUser(anonymous);

        assertThat(append(user, user, 1, "SelfNote", 1).status()).isEqualTo(403);
        assertThat(user.api().get("/v1/users/" + user.userId() + "/events").body().path("items")).hasSize(1);
        assertThat(stranger.api().get("/v1/users/" + user.userId() + "/events").status()).isEqualTo(404);
    }

    private static Response append(Session actor, Session user, long expectedVersion, String type, int events) {
        String event = "{\"type\":\"%s\",\"data\":{\"note\":\"hello\"}}".formatted(type);
        String batch = String.join(",", java.util.Collections.nCopies(events, event));
        return actor.api().post("/v1/users/" + user.userId() + "/events",
                "{\"expectedVersion\":%d,\"events\":[%s]}".formatted(expectedVersion, batch));
    }

    private static List<String> versions(Session user) {
        return Database.column("SELECT version FROM user_event WHERE aggregate_id = ? ORDER BY version", user.userId());
    }
}
