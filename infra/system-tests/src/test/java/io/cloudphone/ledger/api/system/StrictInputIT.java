package io.cloudphone.ledger.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Database;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.RunningSystem;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Input that once reached PostgreSQL or was silently changed (issue 11, Why 3 and 4): text with a NUL, a lone
 * surrogate, duplicate keys, a string or an infinite number where a number belongs, a version that overflows. Each
 * is refused as problem+json, never a 500, and changes nothing.
 */
@ExtendWith(RunningSystem.class)
class StrictInputIT {

    /** JSON's escape for NUL, as a client sends it: the raw byte is no JSON at all. */
    private static final String NUL = "\\u0000";

    @Test
    void aNulInALogInUsernameIsRefusedBeforeLogIn(ApiClient anonymous) {
        Response refused = anonymous.post("/v1/auth/login", "{\"username\":\"a" + NUL + "b\",\"password\":\"x\"}");

        assertRefused(refused, 422);
        assertThat(refused.body().path("detail").asText()).isEqualTo("username contains the control character U+0000");
    }

    @Test
    void aNulInNotificationSettingsKeysOrValuesChangesNothing(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        String preferences = "/v1/users/" + user.userId() + "/notification-preferences";
        String before = user.api().get(preferences).rawBody();
        long events = outboxCount("notification", user.userId());

        assertRefused(user.api().put(preferences + "/MARKETING",
                "{\"enabled\":true,\"channels\":[\"SMS\"],\"customSettings\":{\"k" + NUL + "\":1}}"), 422);
        assertRefused(user.api().put(preferences + "/MARKETING",
                "{\"enabled\":true,\"channels\":[\"SMS\"],\"customSettings\":{\"k\":\"v" + NUL + "\"}}"), 422);
        assertRefused(user.api().put(preferences + "/MARKETING",
                "{\"enabled\":true,\"channels\":[\"SMS\"],\"customSettings\":{\"k\":1e400}}"), 422);

        assertThat(user.api().get(preferences).rawBody()).isEqualTo(before);
        assertThat(outboxCount("notification", user.userId())).isEqualTo(events);
    }

    @Test
    void aNulInEventDataOrAnOverflowingVersionAppendsNothing(ApiClient anonymous) {
        Session admin = Identities.admin(anonymous);
        Session user = Identities.newUser(anonymous);
        String path = "/v1/users/" + user.userId() + "/events";
        long before = Database.count("SELECT count(*) FROM user_event WHERE aggregate_id = ?", user.userId());

        assertRefused(admin.api().post(path,
                "{\"expectedVersion\":1,\"events\":[{\"type\":\"NoteAdded\",\"data\":{\"note\":\"a" + NUL + "\"}}]}"), 422);
        assertRefused(admin.api().post(path, "{\"expectedVersion\":" + Long.MAX_VALUE
                + ",\"events\":[{\"type\":\"NoteAdded\",\"data\":{}}]}"), 422);

        assertThat(Database.count("SELECT count(*) FROM user_event WHERE aggregate_id = ?", user.userId()))
                .isEqualTo(before);
    }

    @Test
    void aLoneSurrogateInARegistrationCreatesNoUser(ApiClient anonymous) {
        String username = "surrogate-" + UUID.randomUUID().toString().substring(0, 8);

        assertRefused(anonymous.post("/v1/auth/register", "{\"username\":\"%s\",\"email\":\"%s@example.com\","
                .formatted(username, username) + "\"password\":\"" + Identities.PASSWORD + "\",\"displayName\":\"x\\ud800\"}"), 422);

        assertThat(Database.count("SELECT count(*) FROM app_user WHERE username = ?", username)).isZero();
    }

    /** "\u202Eadmin\u200B" reads as someone else's name: bidi overrides and zero-width characters are refused. */
    @Test
    void aDisplayNameWithInvisibleFormattingCreatesNoUser(ApiClient anonymous) {
        String username = "bidi-" + UUID.randomUUID().toString().substring(0, 8);

        Response refused = anonymous.post("/v1/auth/register", "{\"username\":\"%s\",\"email\":\"%s@example.com\","
                .formatted(username, username) + "\"password\":\"" + Identities.PASSWORD
                + "\",\"displayName\":\"\\u202eadmin\\u200b\"}");

        assertRefused(refused, 422);
        assertThat(refused.body().path("detail").asText()).startsWith("displayName");
        assertThat(Database.count("SELECT count(*) FROM app_user WHERE username = ?", username)).isZero();
    }

    @Test
    void moneyIsReadStrictly(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        String account = Requests.fundedAccounts(user.api(), 1, 100).getFirst();
        long requests = Database.count("SELECT count(*) FROM account_request WHERE account_id = ?", account);

        // Not JSON as the API reads it (400); a number, but not an amount of minor units (422).
        Map<String, Integer> refusals = Map.of("\"amount\":1,\"amount\":7", 400, "\"amount\":\"100\"", 400,
                "\"amount\":1e400", 422, "\"amount\":1.5", 422);
        refusals.forEach((amount, status) -> assertRefused(user.api().post("/v1/accounts/" + account + "/recharges",
                "{" + amount + ",\"currency\":\"CNY\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString())), status));

        assertThat(Database.count("SELECT count(*) FROM account_request WHERE account_id = ?", account))
                .isEqualTo(requests);
    }

    private static void assertRefused(Response response, int status) {
        assertThat(response.status()).as(response.rawBody()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static long outboxCount(String aggregateType, UUID aggregateId) {
        return Database.count("SELECT count(*) FROM outbox_event WHERE aggregatetype = ? AND aggregateid = ?",
                aggregateType, aggregateId.toString());
    }
}
