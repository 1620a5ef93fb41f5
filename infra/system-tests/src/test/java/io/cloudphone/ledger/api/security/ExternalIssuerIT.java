package io.cloudphone.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Database;
import io.cloudphone.ledger.system.ExternalIssuer;
import io.cloudphone.ledger.system.ExternalIssuer.Claims;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An external OpenID Connect provider trusted by configuration, beside the local issuer: its token acts as
 * the local user an administrator linked to its subject, with that user's local permissions; an unlinked,
 * forged, expired or wrong-audience one is refused, and so is any issuer nobody configured; while the
 * provider cannot be reached, its tokens get 503 (try again), not 401 or 500.
 */
@ExtendWith(RunningSystem.class)
class ExternalIssuerIT {

    private static final String LEDGER_BALANCE = "/ledger/v1/accounts/nobody/balance";

    private final ExternalIssuer provider = ExternalIssuer.instance();
    private ApiClient anonymous;
    private Session admin;
    private Session user;
    private String subject;

    @BeforeEach
    void linkANewUser(ApiClient anonymous) {
        this.anonymous = anonymous;
        admin = Identities.admin(anonymous);
        user = Identities.newUser(anonymous);
        subject = "ext-" + UUID.randomUUID();
        Response linked = link(user.userId(), subject);
        assertThat(linked.status()).as(linked.rawBody()).isEqualTo(201);
        assertThat(linked.body().path("issuer").asText()).isEqualTo(provider.issuer());
        assertThat(linked.body().path("subject").asText()).isEqualTo(subject);
    }

    @Test
    void aLinkedSubjectActsAsItsUserWithTheUsersLocalPermissionsOnly() {
        // The provider claims user:admin; roles live here, so the token gets USER's permissions and no more.
        ApiClient external = anonymous.withToken(provider.sign(provider.claims(subject)
                .withPermissions(List.of("user:admin", "ledger:adjust"))));

        Response me = external.get("/v1/users/me");
        String accountId = "ext-" + UUID.randomUUID();
        Response opened = external.post("/v1/accounts", "{\"accountId\":\"%s\",\"currency\":\"CNY\"}".formatted(accountId));

        assertThat(me.status()).as(me.rawBody()).isEqualTo(200);
        assertThat(me.body().path("userId").asText()).isEqualTo(user.userId().toString());
        assertThat(opened.status()).as(opened.rawBody()).isEqualTo(202);
        assertThat(Database.column("SELECT owner_id::text FROM account WHERE account_id = ?", accountId))
                .containsExactly(user.userId().toString());
        assertThat(external.get("/v1/users/" + admin.userId()).status()).isEqualTo(404);
        assertThat(external.get("/v1/users/" + user.userId() + "/external-identity").body().path("subject").asText())
                .isEqualTo(subject);
    }

    @Test
    void anUnlinkedSubjectIsRefusedAndGivenNoIdentity() {
        Response unlinked = anonymous.withToken(provider.sign(provider.claims("ext-nobody-" + UUID.randomUUID())))
                .get("/v1/users/me");

        assertUnauthorized(unlinked);
        assertThat(unlinked.body().path("detail").asText()).contains("is not linked to a user");
    }

    @Test
    void forgedExpiredWrongAudienceAndUntrustedIssuerTokensAreRefused() {
        Claims claims = provider.claims(subject);

        assertThat(me(provider.sign(claims)).status()).isEqualTo(200);
        assertUnauthorized(me(ExternalIssuer.signWithUnpublishedKey(claims)));
        assertUnauthorized(me(provider.sign(claims.expired())));
        assertUnauthorized(me(provider.sign(claims.withAudience("someone-else"))));
        // The provider's key, but an issuer nobody configured: refused before any key is looked up.
        assertUnauthorized(me(provider.sign(claims.withIssuer("http://127.0.0.1:1/realms/evil"))));
        // The local issuer's name on a token signed by the provider's key: the local key does not verify it.
        assertUnauthorized(me(provider.sign(claims.withIssuer("cpl-local"))));
    }

    @Test
    void anUnlinkedSubjectThatLooksLikeALocalUserIdIsNobody() {
        // A provider's sub equal to the admin's local id, claiming user:admin: only links make identities.
        Response impostor = me(provider.sign(provider.claims(admin.userId().toString())
                .withPermissions(List.of("user:admin"))));

        assertUnauthorized(impostor);
    }

    @Test
    void theProvidersKeysAreFetchedOnceNotPerRequest() {
        String token = provider.sign(provider.claims(subject));
        assertThat(me(token).status()).isEqualTo(200);
        int fetchesBefore = provider.keySetRequests();

        for (int request = 0; request < 5; request++) {
            assertThat(me(provider.sign(provider.claims(subject))).status()).isEqualTo(200);
        }

        assertThat(provider.keySetRequests() - fetchesBefore).as("fetches for 5 requests with known keys").isZero();
    }

    @Test
    void deletingAUserUnlinksItsIdentitySoThePersonCanBeLinkedAgain() {
        String token = provider.sign(provider.claims(subject));
        Session successor = Identities.newUser(anonymous);

        Response deleted = admin.api().delete("/v1/users/" + user.userId());
        Response whileUnlinked = me(token);
        Response relinked = link(successor.userId(), subject);

        assertThat(deleted.status()).as(deleted.rawBody()).isEqualTo(204);
        assertUnauthorized(whileUnlinked);
        assertThat(Database.column("SELECT type FROM user_event WHERE aggregate_id = ? ORDER BY version DESC LIMIT 2",
                user.userId())).containsExactly("UserDeleted", "ExternalIdentityUnlinked");
        assertThat(relinked.status()).as(relinked.rawBody()).isEqualTo(201);
        assertThat(me(token).body().path("userId").asText()).isEqualTo(successor.userId().toString());
    }

    @Test
    void unlinkingEndsTheTokensPowerAtOnceAndBothChangesArePublishedOnce() {
        String token = provider.sign(provider.claims(subject));
        assertThat(me(token).status()).isEqualTo(200);

        Response unlinked = admin.api().delete("/v1/users/" + user.userId() + "/external-identity");

        assertThat(unlinked.status()).as(unlinked.rawBody()).isEqualTo(204);
        assertUnauthorized(me(token));
        assertThat(Database.column("SELECT type FROM user_event WHERE aggregate_id = ? AND type LIKE 'ExternalIdentity%' "
                + "ORDER BY version", user.userId())).containsExactly("ExternalIdentityLinked", "ExternalIdentityUnlinked");
        assertThat(Database.outboxTypes("user", user.userId().toString()))
                .filteredOn(type -> type.startsWith("ExternalIdentity"))
                .containsExactly("ExternalIdentityLinked", "ExternalIdentityUnlinked");
        assertThat(admin.api().delete("/v1/users/" + user.userId() + "/external-identity").status()).isEqualTo(404);
    }

    @Test
    void aSubjectBelongsToOneUserAndAUserToOneSubject() {
        Session other = Identities.newUser(anonymous);

        Response again = link(user.userId(), subject);
        Response stolen = link(other.userId(), subject);
        Response second = link(user.userId(), "ext-second-" + UUID.randomUUID());
        Response byTheUser = user.api().put("/v1/users/" + user.userId() + "/external-identity",
                "{\"subject\":\"ext-self-%s\"}".formatted(UUID.randomUUID()));
        Response blank = link(other.userId(), " ");
        Response control = link(other.userId(), "ext-\\u0000-nul");
        Response padded = link(other.userId(), " ext-padded ");

        assertThat(again.status()).as("the same link again changes nothing").isEqualTo(200);
        assertThat(stolen.status()).as(stolen.rawBody()).isEqualTo(409);
        assertThat(second.status()).as(second.rawBody()).isEqualTo(409);
        assertThat(byTheUser.status()).as(byTheUser.rawBody()).isEqualTo(403);
        assertThat(List.of(blank, control, padded)).allSatisfy(refused -> assertThat(refused.status()).isEqualTo(422));
        assertThat(Database.count("SELECT count(*) FROM user_event WHERE aggregate_id = ? AND type = 'ExternalIdentityLinked'",
                user.userId())).isEqualTo(1);
        assertThat(Database.count("SELECT count(*) FROM external_identity WHERE user_id = ?", other.userId())).isZero();
    }

    @Test
    void theLedgerQueryApiTakesTheProvidersPermissionsClaim(Apps apps) {
        ApiClient ledger = apps.ledger().client();
        Claims dashboard = provider.claims("dashboard-" + UUID.randomUUID()).withAudience(ExternalIssuer.LEDGER_AUDIENCE);
        Claims reading = dashboard.withPermissions(List.of("ledger:read"));

        Response reader = ledger.withToken(provider.sign(reading)).get(LEDGER_BALANCE);
        Response withoutPermission = ledger.withToken(provider.sign(dashboard)).get(LEDGER_BALANCE);
        Response forged = ledger.withToken(ExternalIssuer.signWithUnpublishedKey(reading)).get(LEDGER_BALANCE);
        // Issued for command-api: whatever permissions it claims, it does not open the ledger.
        Response forCommandApi = ledger.withToken(provider.sign(reading.withAudience(ExternalIssuer.AUDIENCE)))
                .get(LEDGER_BALANCE);

        assertThat(reader.status()).as(reader.rawBody()).isEqualTo(404);
        assertThat(withoutPermission.status()).as(withoutPermission.rawBody()).isEqualTo(403);
        assertUnauthorized(forged);
        assertUnauthorized(forCommandApi);
    }

    @Test
    void aProviderOutageIsAnswered503WithRetryAfterOnBothApis(Apps apps) throws Exception {
        // A key id neither app has seen makes them fetch the provider's keys, which fails during the outage.
        Claims claims = provider.claims(subject);
        String unknownKey = ExternalIssuer.signWithUnpublishedKey(claims);
        String unknownKeyForLedger = ExternalIssuer.signWithUnpublishedKey(claims
                .withAudience(ExternalIssuer.LEDGER_AUDIENCE).withPermissions(List.of("ledger:read")));

        try (AutoCloseable outage = provider.outage()) {
            assertProviderUnavailable(me(unknownKey));
            assertProviderUnavailable(apps.ledger().client().withToken(unknownKeyForLedger).get(LEDGER_BALANCE));
        }
        assertUnauthorized(me(unknownKey));
    }

    private static void assertProviderUnavailable(Response response) {
        assertThat(response.status()).as(response.rawBody()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers()).containsKey("retry-after");
        assertThat(response.body().path("detail").asText()).contains("cannot be reached");
    }

    private Response link(UUID userId, String linkedSubject) {
        return admin.api().put("/v1/users/" + userId + "/external-identity",
                "{\"subject\":\"%s\"}".formatted(linkedSubject));
    }

    private Response me(String token) {
        return anonymous.withToken(token).get("/v1/users/me");
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.rawBody()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().get("www-authenticate")).anySatisfy(value -> assertThat(value).startsWith("Bearer"));
    }
}
