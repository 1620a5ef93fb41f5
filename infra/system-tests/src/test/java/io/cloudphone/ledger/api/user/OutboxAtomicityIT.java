package io.cloudphone.ledger.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Database;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.RunningSystem;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The replaced platform saved, then published. Here a change and its outbox event commit together: each committed change
 * has exactly one outbox row, and a change refused half-way (after some of its statements ran) leaves none.
 */
@ExtendWith(RunningSystem.class)
class OutboxAtomicityIT {

    @Test
    void eachCommittedUserChangeHasExactlyOneOutboxEvent(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        user.api().patch("/v1/users/" + user.userId(), "{\"displayName\":\"Bo\"}");
        user.api().delete("/v1/users/" + user.userId());

        assertThat(Database.outboxTypes("user", user.userId().toString()))
                .containsExactly("UserCreated", "UserUpdated", "UserDeleted");
        assertThat(Database.count("SELECT count(DISTINCT id) FROM outbox_event WHERE aggregateid = ?",
                user.userId().toString())).isEqualTo(3);
    }

    @Test
    void anUpdateRefusedByTheUniqueEmailLeavesNoEventAndNoChange(ApiClient anonymous) {
        Session taken = Identities.newUser(anonymous);
        Session user = Identities.newUser(anonymous);

        Response clash = user.api().patch("/v1/users/" + user.userId(),
                "{\"email\":\"%s@example.com\",\"displayName\":\"Changed\"}".formatted(taken.username()));

        assertThat(clash.status()).isEqualTo(409);
        assertThat(Database.outboxTypes("user", user.userId().toString())).containsExactly("UserCreated");
        assertThat(Database.column("SELECT type FROM user_event WHERE aggregate_id = ?", user.userId()))
                .containsExactly("UserCreated");
        assertThat(Database.column("SELECT coalesce(display_name, '-') FROM app_user WHERE user_id = ?", user.userId()))
                .containsExactly("-");
        assertThat(Database.count("SELECT version FROM app_user WHERE user_id = ?", user.userId())).isEqualTo(1);
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndPublishesNothing(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);

        Response refused = user.api().post("/v1/users/" + user.userId() + "/password",
                "{\"currentPassword\":\"not it at all\",\"newPassword\":\"another good one\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(Database.outboxTypes("user", user.userId().toString())).containsExactly("UserCreated");
        assertThat(Identities.login(anonymous, user.username(), Identities.PASSWORD).userId()).isEqualTo(user.userId());
    }

    @Test
    void aRoleWithAnUnknownPermissionIsRolledBackWhole(ApiClient anonymous) {
        Session admin = Identities.admin(anonymous);
        String name = "AUDITOR_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');

        Response refused = admin.api().post("/v1/roles",
                "{\"name\":\"%s\",\"permissions\":[\"account:read-any\",\"no:such-thing\"]}".formatted(name));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(Database.count("SELECT count(*) FROM role WHERE name = ?", name)).isZero();
        assertThat(Database.outboxTypes("role", name)).isEmpty();
    }

    @Test
    void aRoleUpdateWithAnUnknownPermissionKeepsTheOldPermissionsAndVersion(ApiClient anonymous) {
        Session admin = Identities.admin(anonymous);
        String name = "SUPPORT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        assertThat(admin.api().post("/v1/roles", "{\"name\":\"%s\",\"permissions\":[\"account:read-any\"]}"
                .formatted(name)).status()).isEqualTo(201);

        Response refused = admin.api().put("/v1/roles/" + name,
                "{\"permissions\":[\"ledger:read\",\"no:such-thing\"]}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(Database.column("""
                        SELECT rp.permission FROM role r JOIN role_permission rp USING (role_id) WHERE r.name = ?""", name))
                .containsExactly("account:read-any");
        assertThat(Database.count("SELECT version FROM role WHERE name = ?", name)).isEqualTo(1);
        assertThat(Database.outboxTypes("role", name)).containsExactly("RoleCreated");

        assertThat(admin.api().put("/v1/roles/" + name, "{\"permissions\":[\"ledger:read\"]}").status()).isEqualTo(200);
        assertThat(Database.outboxTypes("role", name)).containsExactly("RoleCreated", "RoleUpdated");
    }

    @Test
    void aTakenRoleNameIsAConflict(ApiClient anonymous) {
        Session admin = Identities.admin(anonymous);

        Response clash = admin.api().post("/v1/roles", "{\"name\":\"OPERATOR\",\"permissions\":[]}");

        assertThat(clash.status()).isEqualTo(409);
        assertThat(Identities.newUser(anonymous).api().post("/v1/roles", "{\"name\":\"MINE\",\"permissions\":[]}")
                .status()).isEqualTo(403);
    }
}
