package io.cloudphone.ledger.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Database;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.RunningSystem;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SQL injection attempts in every string field a client controls: each is either refused by input checks
 * (422) or stored and returned as the plain text it is. Afterwards every table is still there.
 */
@ExtendWith(RunningSystem.class)
class InjectionIT {

    static final String DROP = "x'); DROP TABLE app_user; --";
    static final String TAUTOLOGY = "' OR '1'='1";

    @AfterEach
    void everyTableIsStillThere() {
        for (String table : new String[] {"app_user", "account", "account_request", "outbox_event", "user_event",
                "role", "role_permission", "notification_preference"}) {
            assertThat(Database.count("SELECT count(*) FROM " + table)).as(table).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void injectionInUsernameIsRefused(ApiClient anonymous) {
        assertThat(register(anonymous, DROP, "a@example.com", "Name").status()).isEqualTo(422);
        assertThat(anonymous.post("/v1/auth/login", "{\"username\":\"admin%s\",\"password\":\"%s\"}"
                .formatted(TAUTOLOGY, TAUTOLOGY)).status()).isEqualTo(401);
    }

    @Test
    void injectionInDisplayNameEmailAndPasswordIsStoredAsText(ApiClient anonymous) {
        String username = "inj-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "o'hara+" + username + "@example.com";
        String password = "pass" + TAUTOLOGY + "; --";
        Response registered = anonymous.post("/v1/auth/register", """
                {"username":"%s","email":"%s","displayName":"%s","password":"%s"}"""
                .formatted(username, email, DROP, password));
        assertThat(registered.status()).as(registered.rawBody()).isEqualTo(201);

        Session user = Identities.login(anonymous, username, password);

        Response me = user.api().get("/v1/users/me");
        assertThat(me.body().path("displayName").asText()).isEqualTo(DROP);
        assertThat(me.body().path("email").asText()).isEqualTo(email);
        assertThat(Database.column("SELECT display_name FROM app_user WHERE user_id = ?", user.userId()))
                .containsExactly(DROP);
    }

    @Test
    void injectionInPreferencesEventsAndRolesIsStoredAsTextOrRefused(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        Session admin = Identities.admin(anonymous);

        Response preference = user.api().put("/v1/users/" + user.userId() + "/notification-preferences/BILLING",
                "{\"enabled\":true,\"channels\":[\"EMAIL\"],\"customSettings\":{\"%s\":\"%s\"}}".formatted(TAUTOLOGY, DROP));
        assertThat(preference.status()).as(preference.rawBody()).isEqualTo(200);
        assertThat(preference.body().path("customSettings").path(TAUTOLOGY).asText()).isEqualTo(DROP);
        assertThat(user.api().put("/v1/users/" + user.userId() + "/notification-preferences/BILLING'--",
                "{\"enabled\":true}").status()).isEqualTo(422);
        assertThat(user.api().put("/v1/users/" + user.userId() + "/notification-preferences/BILLING",
                "{\"enabled\":true,\"channels\":[\"EMAIL'--\"]}").status()).isEqualTo(422);

        assertThat(admin.api().post("/v1/users/" + user.userId() + "/events",
                "{\"expectedVersion\":1,\"events\":[{\"type\":\"Note'--\",\"data\":{}}]}").status()).isEqualTo(422);
        assertThat(admin.api().post("/v1/users/" + user.userId() + "/events",
                "{\"expectedVersion\":1,\"events\":[{\"type\":\"Note\",\"data\":{\"text\":\"%s\"}}]}".formatted(DROP))
                .status()).isEqualTo(201);
        assertThat(Database.column("SELECT data->>'text' FROM user_event WHERE aggregate_id = ? AND type = 'Note'",
                user.userId())).containsExactly(DROP);

        assertThat(admin.api().post("/v1/roles", "{\"name\":\"ADMIN'--\",\"permissions\":[]}").status()).isEqualTo(422);
        assertThat(admin.api().post("/v1/roles", "{\"name\":\"NEWROLE\",\"permissions\":[\"%s\"]}".formatted(TAUTOLOGY))
                .status()).isEqualTo(422);
    }

    @Test
    void injectionInAnIdempotencyKeyIsStoredAsText(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        String accountId = "inj-" + UUID.randomUUID();
        user.api().post("/v1/accounts", "{\"accountId\":\"%s\",\"currency\":\"CNY\"}".formatted(accountId));

        Response first = user.api().post("/v1/accounts/" + accountId + "/recharges", "{\"amount\":5,\"currency\":\"CNY\"}",
                Map.of("Idempotency-Key", DROP));
        Response replay = user.api().post("/v1/accounts/" + accountId + "/recharges", "{\"amount\":5,\"currency\":\"CNY\"}",
                Map.of("Idempotency-Key", DROP));

        assertThat(first.status()).isEqualTo(202);
        assertThat(replay.body().path("requestId")).isEqualTo(first.body().path("requestId"));
        assertThat(Database.column("SELECT idempotency_key FROM account_request WHERE account_id = ? AND kind = 'RECHARGE'",
                accountId)).containsExactly(DROP);
    }

    private static Response register(ApiClient anonymous, String username, String email, String displayName) {
        return anonymous.post("/v1/auth/register", """
                {"username":"%s","email":"%s","displayName":"%s","password":"long enough!"}"""
                .formatted(username, email, displayName));
    }
}
