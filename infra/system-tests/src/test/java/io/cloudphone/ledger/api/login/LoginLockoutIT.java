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
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Log-in lockout against the real PostgreSQL (failsafe runs command-api with 5 failures per lock). */
@ExtendWith(RunningSystem.class)
class LoginLockoutIT {

    static final int FAILURES_PER_LOCK = 5;
    private static final AtomicInteger CLIENTS = new AtomicInteger(ThreadLocalRandom.current().nextInt(50_000));

    @Test
    void fiftyConcurrentWrongPasswordsLockOnceAndFailuresWhileLockedCountNothing(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);

        List<Integer> statuses = Concurrently.run(50, i -> login(anonymous, user.username(), "wrong password " + i).status());

        assertThat(statuses).containsOnly(401);
        // Counted one statement at a time up to the lock; the 45 that met the lock counted nothing: one lock, one
        // event in its transaction, in the store and in the outbox.
        assertThat(Database.count("SELECT failed_login_count FROM app_user WHERE user_id = ?", user.userId()))
                .isEqualTo(FAILURES_PER_LOCK);
        assertThat(Database.count("SELECT count(*) FROM user_event WHERE aggregate_id = ? AND type = 'UserLocked'",
                user.userId())).isEqualTo(1);
        assertThat(Database.outboxTypes("user", user.userId().toString()))
                .filteredOn("UserLocked"::equals).hasSize(1);
    }

    @Test
    void aLockAfterFailedLogInsEndsNoSessionOfTheUser(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        for (int i = 0; i < FAILURES_PER_LOCK; i++) {
            login(anonymous, user.username(), "nope");
        }
        assertThat(lockedUntil(user)).isNotNull();

        // Anyone can cause a lock; if it ended sessions, anyone could log anyone out.
        assertThat(user.api().get("/v1/users/me").status()).isEqualTo(200);
        assertThat(user.api().get("/v1/auth/token").body().path("active").asBoolean()).isTrue();
    }

    @Test
    void failuresWhileLockedDoNotExtendTheLock(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        for (int i = 0; i < FAILURES_PER_LOCK; i++) {
            login(anonymous, user.username(), "nope");
        }
        String lockedUntil = lockedUntil(user);

        for (int i = 0; i < 3 * FAILURES_PER_LOCK; i++) {
            assertThat(login(anonymous, user.username(), "nope").status()).isEqualTo(401);
        }

        assertThat(lockedUntil(user)).isEqualTo(lockedUntil);
        assertThat(Database.count("SELECT failed_login_count FROM app_user WHERE user_id = ?", user.userId()))
                .isEqualTo(FAILURES_PER_LOCK);
    }

    @Test
    void correctPasswordOnALockedAccountIsRefusedLikeAnyFailure(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        for (int i = 0; i < FAILURES_PER_LOCK; i++) {
            login(anonymous, user.username(), "nope");
        }

        Response refused = login(anonymous, user.username(), Identities.PASSWORD);
        Response unknown = login(anonymous, "nobody-" + Instant.now().toEpochMilli(), Identities.PASSWORD);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().has("accessToken")).isFalse();
        assertThat(answer(refused)).isEqualTo(answer(unknown));
        assertThat(refused.headers()).doesNotContainKey("retry-after");
        assertThat(Database.column("SELECT data->>'failedAttempts' FROM user_event WHERE aggregate_id = ? "
                + "AND type = 'UserLocked'", user.userId())).containsExactly("5");
    }

    /** The per-client throttle lets one client fail a username one time fewer than locks it: alone, it locks nobody. */
    @Test
    void oneClientAloneCannotLockAnAccount(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        String client = newClient();
        for (int i = 0; i < FAILURES_PER_LOCK - 1; i++) {
            assertThat(loginFrom(anonymous, client, user.username(), "nope").status()).isEqualTo(401);
        }

        Response throttled = loginFrom(anonymous, client, user.username(), Identities.PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.headers()).containsKey("retry-after");
        assertThat(Database.count("SELECT failed_login_count FROM app_user WHERE user_id = ?", user.userId()))
                .isEqualTo(FAILURES_PER_LOCK - 1);
        assertThat(loginFrom(anonymous, newClient(), user.username(), Identities.PASSWORD).status())
                .as("the owner, from elsewhere").isEqualTo(200);
    }

    @Test
    void lockDurationDoublesWithEachLockInARow(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        for (int i = 0; i < FAILURES_PER_LOCK; i++) {
            login(anonymous, user.username(), "nope");
        }
        // Failures count again once the lock has passed: end it as time would, without waiting a minute.
        assertThat(Database.update("UPDATE app_user SET locked_until = now() - interval '1 second' WHERE user_id = ?",
                user.userId())).isEqualTo(1);
        for (int i = 0; i < FAILURES_PER_LOCK; i++) {
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
        assertThat(answer(unknownUser)).isEqualTo(answer(wrongPassword));
    }

    @Test
    void successfulLogInReturnsATokenTheApiAccepts(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);

        Response me = user.api().get("/v1/users/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("userId").asText()).isEqualTo(user.userId().toString());
        assertThat(me.body().has("passwordHash")).isFalse();
    }

    private static String lockedUntil(Session user) {
        return Database.column("SELECT locked_until::text FROM app_user WHERE user_id = ?", user.userId()).getFirst();
    }

    /** Status and body, byte for byte: what a client can tell two answers apart by. */
    private static String answer(Response response) {
        return response.status() + " " + response.rawBody();
    }

    /**
     * A log-in from a client of its own (X-Forwarded-For, believed from the test's loopback address): lockout tests play
     * many clients, as an attack that locks an account must, each under the per-client throttle.
     */
    private static Response login(ApiClient anonymous, String username, String password) {
        return loginFrom(anonymous, newClient(), username, password);
    }

    private static Response loginFrom(ApiClient anonymous, String client, String username, String password) {
        return anonymous.post("/v1/auth/login", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password),
                Map.of("X-Forwarded-For", client));
    }

    /** An address of the range reserved for tests of network devices (RFC 2544). */
    private static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return "198.18." + (n / 250 % 250) + "." + (1 + n % 250);
    }
}
