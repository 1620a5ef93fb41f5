package io.cloudphone.ledger.api.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Concurrently;
import io.cloudphone.ledger.system.Database;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.RunningSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Log-in lockout against the real PostgreSQL (failsafe runs command-api with 5 failures per lock). */
@ExtendWith(RunningSystem.class)
class LoginLockoutIT {

    static final int FAILURES_PER_LOCK = 5;

    @Test
    void fiftyConcurrentWrongPasswordsCountExactlyFifty(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);

        List<Integer> statuses = Concurrently.run(50, i -> login(anonymous, user.username(), "wrong password " + i).status());

        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(401, 423));
        assertThat(Database.count("SELECT failed_login_count FROM app_user WHERE user_id = ?", user.userId()))
                .isEqualTo(50);
        // Every fifth failure set a lock, each an event in its transaction: in the store and in the outbox.
        assertThat(Database.count("SELECT count(*) FROM user_event WHERE aggregate_id = ? AND type = 'UserLocked'",
                user.userId())).isEqualTo(50 / FAILURES_PER_LOCK);
        assertThat(Database.outboxTypes("user", user.userId().toString()))
                .filteredOn("UserLocked"::equals).hasSize(50 / FAILURES_PER_LOCK);
    }

    @Test
    void correctPasswordOnALockedAccountIsRefused(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        for (int i = 0; i < FAILURES_PER_LOCK; i++) {
            login(anonymous, user.username(), "nope");
        }

        Response refused = login(anonymous, user.username(), Identities.PASSWORD);

        assertThat(refused.status()).isEqualTo(423);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("detail").asText()).contains("locked until");
        assertThat(refused.body().has("accessToken")).isFalse();
        assertThat(Database.column("SELECT data->>'failedAttempts' FROM user_event WHERE aggregate_id = ? "
                + "AND type = 'UserLocked'", user.userId())).containsExactly("5");
    }

    @Test
    void lockDurationDoublesWithEachLockInARow(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        for (int i = 0; i < 2 * FAILURES_PER_LOCK; i++) {
            login(anonymous, user.username(), "nope");
        }

        List<Duration> locks = Database.column("""
                        SELECT extract(epoch FROM (data->>'lockedUntil')::timestamptz - occurred_at)::bigint
                        FROM user_event WHERE aggregate_id = ? AND type = 'UserLocked' ORDER BY version""", user.userId())
                .stream().map(seconds -> Duration.ofSeconds(Long.parseLong(seconds))).toList();

        assertThat(locks).hasSize(2);
        assertThat(locks.get(0)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(65));
        assertThat(locks.get(1)).isBetween(Duration.ofSeconds(115), Duration.ofSeconds(125));
    }

    @Test
    void successfulLogInResetsTheCount(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        for (int i = 0; i < FAILURES_PER_LOCK - 1; i++) {
            login(anonymous, user.username(), "nope");
        }
        assertThat(login(anonymous, user.username(), Identities.PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < FAILURES_PER_LOCK - 1; i++) {
            login(anonymous, user.username(), "nope");
        }

        assertThat(login(anonymous, user.username(), Identities.PASSWORD).status()).isEqualTo(200);
        assertThat(Database.count("SELECT count(*) FROM user_event WHERE aggregate_id = ? AND type = 'UserLocked'",
                user.userId())).isZero();
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);

        Response wrongPassword = login(anonymous, user.username(), "nope");
        Response unknownUser = login(anonymous, "nobody-" + Instant.now().toEpochMilli(), "nope");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.body().path("detail")).isEqualTo(wrongPassword.body().path("detail"));
    }

    @Test
    void successfulLogInReturnsATokenTheApiAccepts(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);

        Response me = user.api().get("/v1/users/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("userId").asText()).isEqualTo(user.userId().toString());
        assertThat(me.body().has("passwordHash")).isFalse();
    }

    private static Response login(ApiClient anonymous, String username, String password) {
        return anonymous.post("/v1/auth/login", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
    }
}
