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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registration against the real PostgreSQL: the database's unique indexes decide, and the user's event goes out once. */
@ExtendWith(RunningSystem.class)
class UserRegistrationIT {

    private static final String NOT_AVAILABLE = "this username or email is not available";

    @Test
    void twentyConcurrentRegistrationsOfOneUsernameLetExactlyOneIn(ApiClient anonymous) {
        String username = "race-" + UUID.randomUUID().toString().substring(0, 12);

        List<Response> answers = Concurrently.run(20, i -> anonymous.post("/v1/auth/register", """
                {"username":"%s","email":"%s-%d@example.com","password":"%s"}"""
                .formatted(username, username, i, Identities.PASSWORD)));

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 409).hasSize(19)
                .allSatisfy(answer -> assertThat(answer.contentType()).startsWith("application/problem+json"));
        List<String> ids = Database.column("SELECT user_id FROM app_user WHERE username = ?", username);
        assertThat(ids).hasSize(1);
        assertThat(Database.outboxTypes("user", ids.getFirst())).containsExactly("UserCreated");
    }

    @Test
    void emailIsUniqueWhateverItsCase(ApiClient anonymous) {
        Session first = Identities.newUser(anonymous);

        Response clash = anonymous.post("/v1/auth/register", """
                {"username":"other-%s","email":"%s@EXAMPLE.com","password":"%s"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), first.username().toUpperCase(),
                        Identities.PASSWORD));

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body().path("detail").asText()).isEqualTo(NOT_AVAILABLE);
    }

    /** Which of the two is taken is not said: that would tell anyone whether an email has an account here. */
    @Test
    void aTakenUsernameAndATakenEmailGetTheSameAnswer(ApiClient anonymous) {
        Session first = Identities.newUser(anonymous);
        String fresh = UUID.randomUUID().toString().substring(0, 8);

        Response sameUsername = anonymous.post("/v1/auth/register", """
                {"username":"%s","email":"new-%s@example.com","password":"%s"}"""
                .formatted(first.username(), fresh, Identities.PASSWORD));
        Response sameEmail = anonymous.post("/v1/auth/register", """
                {"username":"new-%s","email":"%s@example.com","password":"%s"}"""
                .formatted(fresh, first.username(), Identities.PASSWORD));

        assertThat(List.of(sameUsername.status(), sameEmail.status())).containsOnly(409);
        assertThat(sameUsername.body().path("detail").asText()).isEqualTo(NOT_AVAILABLE)
                .isEqualTo(sameEmail.body().path("detail").asText());
    }

    @Test
    void deletedUserFreesTheUsernameAndCannotLogInAnyMore(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);

        assertThat(user.api().delete("/v1/users/" + user.userId()).status()).isEqualTo(204);

        assertThat(anonymous.post("/v1/auth/login", "{\"username\":\"%s\",\"password\":\"%s\"}"
                .formatted(user.username(), Identities.PASSWORD)).status()).isEqualTo(401);
        assertThat(anonymous.post("/v1/auth/register", """
                {"username":"%s","email":"%s@example.com","password":"%s"}"""
                .formatted(user.username(), user.username(), Identities.PASSWORD)).status()).isEqualTo(201);
        assertThat(Database.outboxTypes("user", user.userId().toString())).containsExactly("UserCreated", "UserDeleted");
    }

    @Test
    void passwordIsStoredOnlyAsABcryptHashAndNeverPublished(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);

        String hash = Database.column("SELECT password_hash FROM app_user WHERE user_id = ?", user.userId()).getFirst();
        assertThat(hash).startsWith("$2").doesNotContain(Identities.PASSWORD);
        List<String> payloads = Database.column(
                "SELECT encode(payload, 'escape') FROM outbox_event WHERE aggregateid = ?", user.userId().toString());
        assertThat(payloads).isNotEmpty().allSatisfy(payload -> assertThat(payload)
                .doesNotContain(Identities.PASSWORD).doesNotContain(hash));
        assertThat(Database.column("SELECT data::text FROM user_event WHERE aggregate_id = ?", user.userId()))
                .allSatisfy(data -> assertThat(data).doesNotContain(Identities.PASSWORD).doesNotContain(hash));
        assertThat(user.api().get("/v1/users/me").rawBody()).contains(user.username()).doesNotContain(hash);
    }

    @Test
    void weakPasswordsAndMalformedNamesAreRefusedWithoutWriting(ApiClient anonymous) {
        long users = Database.count("SELECT count(*) FROM app_user");

        assertThat(anonymous.post("/v1/auth/register",
                "{\"username\":\"shorty\",\"email\":\"s@example.com\",\"password\":\"short\"}").status()).isEqualTo(422);
        assertThat(anonymous.post("/v1/auth/register",
                "{\"username\":\"a b\",\"email\":\"s@example.com\",\"password\":\"long enough!\"}").status()).isEqualTo(422);
        assertThat(anonymous.post("/v1/auth/register",
                "{\"username\":\"fine-name\",\"email\":\"not-an-email\",\"password\":\"long enough!\"}").status())
                .isEqualTo(422);

        assertThat(Database.count("SELECT count(*) FROM app_user")).isEqualTo(users);
    }
}
