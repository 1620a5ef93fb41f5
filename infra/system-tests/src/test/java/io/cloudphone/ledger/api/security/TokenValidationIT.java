package io.cloudphone.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import io.cloudphone.ledger.system.TestTokens;
import io.cloudphone.ledger.system.TestTokens.Claims;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bearer tokens on both APIs: command-api and the ledger's query API accept a token signed with the
 * stack's key for their audience, and refuse a forged, an expired or a wrong-audience one with 401.
 */
@ExtendWith(RunningSystem.class)
class TokenValidationIT {

    private static final String LEDGER_BALANCE = "/ledger/v1/accounts/nobody/balance";

    @Test
    void commandApiAcceptsAValidTokenAndRefusesForgedExpiredAndWrongAudience(ApiClient anonymous) {
        Session user = Identities.newUser(anonymous);
        Claims claims = Claims.valid(user.userId(), List.of("account:own"));

        assertThat(me(anonymous, TestTokens.signedByStack(claims)).status()).isEqualTo(200);
        assertUnauthorized(me(anonymous, TestTokens.forged(claims)));
        assertUnauthorized(me(anonymous, TestTokens.signedByStack(claims.expired())));
        assertUnauthorized(me(anonymous, TestTokens.signedByStack(claims.withAudience("someone-else"))));
        assertUnauthorized(me(anonymous, "not.a.jwt"));
        assertUnauthorized(anonymous.get("/v1/users/me"));
    }

    @Test
    void ledgerQueryApiAcceptsOnlyValidTokensWithLedgerRead(Apps apps) {
        ApiClient ledger = apps.ledger().client();
        Claims reader = Claims.service("dashboard", List.of("ledger:read"));

        assertThat(ledger.withToken(TestTokens.signedByStack(reader)).get(LEDGER_BALANCE).status()).isEqualTo(404);
        assertUnauthorized(ledger.withToken(TestTokens.forged(reader)).get(LEDGER_BALANCE));
        assertUnauthorized(ledger.withToken(TestTokens.signedByStack(reader.expired())).get(LEDGER_BALANCE));
        assertUnauthorized(ledger.withToken(TestTokens.signedByStack(reader.withAudience("x"))).get(LEDGER_BALANCE));
        assertUnauthorized(ledger.get(LEDGER_BALANCE));
        Response user = ledger.withToken(TestTokens.signedByStack(Claims.service("dashboard",
                List.of("account:own")))).get(LEDGER_BALANCE);
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.contentType()).startsWith("application/problem+json");
        assertThat(ledger.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aTokenWhoseSubjectIsNotAUserCannotActAsOne(ApiClient anonymous) {
        String service = TestTokens.signedByStack(Claims.valid(java.util.UUID.randomUUID(), List.of("account:own"))
                .withSubject("service:command-api"));

        assertUnauthorized(me(anonymous, service));
    }

    private static Response me(ApiClient anonymous, String token) {
        return anonymous.withToken(token).get("/v1/users/me");
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.rawBody()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().get("www-authenticate")).anySatisfy(value -> assertThat(value).startsWith("Bearer"));
    }
}
