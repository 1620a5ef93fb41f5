package io.cloudphone.ledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Users for system tests: fresh ones registered through the API, and the bootstrap administrator. */
public final class Identities {

    public static final String PASSWORD = "correct horse battery";
    private static final String ADMIN_USERNAME = "admin";

    private Identities() {
    }

    /** A logged-in user: their id and a client that carries their token. */
    public record Session(UUID userId, String username, String token, ApiClient api) {
    }

    /** Registers a new user with a random name and logs them in. */
    public static Session newUser(ApiClient anonymous) {
        String username = "u-" + UUID.randomUUID().toString().substring(0, 18);
        ApiClient.Response registered = anonymous.post("/v1/auth/register", """
                {"username":"%s","email":"%s@example.com","password":"%s"}""".formatted(username, username, PASSWORD));
        assertThat(registered.status()).as("registering %s: %s", username, registered.rawBody()).isEqualTo(201);
        return login(anonymous, username, PASSWORD);
    }

    public static Session login(ApiClient anonymous, String username, String password) {
        ApiClient.Response loggedIn = anonymous.post("/v1/auth/login",
                "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
        assertThat(loggedIn.status()).as("logging in %s: %s", username, loggedIn.rawBody()).isEqualTo(200);
        String token = loggedIn.body().path("accessToken").asText();
        return new Session(UUID.fromString(loggedIn.body().path("userId").asText()), username, token,
                anonymous.withToken(token));
    }

    /** The administrator command-api created at start from CPL_ADMIN_PASSWORD (failsafe sets it). */
    public static Session admin(ApiClient anonymous) {
        String password = System.getenv("CPL_ADMIN_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("CPL_ADMIN_PASSWORD is not set: run integration tests with ./mvnw verify");
        }
        return login(anonymous, ADMIN_USERNAME, password);
    }

    /** A new user who was given the OPERATOR role by the administrator, logged in again to get it in the token. */
    public static Session newOperator(ApiClient anonymous) {
        Session user = newUser(anonymous);
        ApiClient.Response promoted = admin(anonymous).api().patch("/v1/users/" + user.userId(),
                "{\"roles\":[\"USER\",\"OPERATOR\"]}");
        assertThat(promoted.status()).as(promoted.rawBody()).isEqualTo(200);
        return login(anonymous, user.username(), PASSWORD);
    }
}
