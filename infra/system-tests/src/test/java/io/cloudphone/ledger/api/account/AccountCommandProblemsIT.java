package io.cloudphone.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.LocalStack;
import io.cloudphone.ledger.system.RunningSystem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input is refused as problem+json and writes nothing, against the real PostgreSQL. */
@ExtendWith(RunningSystem.class)
class AccountCommandProblemsIT {

    private static final Map<String, String> KEY = Map.of("Idempotency-Key", "k-1");

    private String accountId;
    private ApiClient api;
    private String openingRequestId;

    @BeforeEach
    void openAccount(ApiClient anonymous) {
        api = Identities.newUser(anonymous).api();
        accountId = "it-" + UUID.randomUUID();
        Response opening = api.post("/v1/accounts", "{\"accountId\":\"" + accountId + "\",\"currency\":\"CNY\"}",
                Map.of());
        assertThat(opening.status()).isEqualTo(202);
        openingRequestId = opening.body().path("requestId").asText();
    }

    @Test
    void malformedJsonIsBadRequest() throws Exception {
        assertRefusedWithoutWriting(api, "/v1/accounts/" + accountId + "/recharges", "{\"amount\": 10,", KEY, 400);
    }

    @Test
    void missingAmountIsUnprocessable() throws Exception {
        assertRefusedWithoutWriting(api, "/v1/accounts/" + accountId + "/recharges", "{\"currency\":\"CNY\"}", KEY, 422);
    }

    @Test
    void nonPositiveAndFractionalAmountsAreUnprocessable() throws Exception {
        for (String amount : new String[] {"0", "-5", "1.25", "99999999999999999999"}) {
            assertRefusedWithoutWriting(api, "/v1/accounts/" + accountId + "/consumptions",
                    "{\"amount\":" + amount + ",\"currency\":\"CNY\"}", KEY, 422);
        }
    }

    @Test
    void unknownCurrencyIsUnprocessable() throws Exception {
        assertRefusedWithoutWriting(api, "/v1/accounts/" + accountId + "/recharges",
                "{\"amount\":10,\"currency\":\"XQQ\"}", KEY, 422);
    }

    /** ISO's codes for no currency, testing and precious metals are not money (issue 11, Why 4). */
    @Test
    void anAccountCannotBeOpenedInACodeThatIsNoMoney() throws Exception {
        for (String code : List.of("XXX", "XTS", "XAU")) {
            assertThat(api.post("/v1/accounts", "{\"accountId\":\"it-" + UUID.randomUUID() + "\",\"currency\":\""
                    + code + "\"}", Map.of()).status()).as(code).isEqualTo(422);
        }
    }

    @Test
    void currencyOtherThanTheAccountsIsUnprocessable() throws Exception {
        assertRefusedWithoutWriting(api, "/v1/accounts/" + accountId + "/recharges",
                "{\"amount\":10,\"currency\":\"USD\"}", KEY, 422);
    }

    @Test
    void unknownAccountIsNotFound() throws Exception {
        assertRefusedWithoutWriting(api, "/v1/accounts/no-such-account/recharges",
                "{\"amount\":10,\"currency\":\"CNY\"}", KEY, 404);
        assertThat(api.get("/v1/accounts/no-such-account/balance").status()).isEqualTo(404);
        assertThat(api.get("/v1/requests/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void missingIdempotencyKeyIsBadRequest() throws Exception {
        assertRefusedWithoutWriting(api, "/v1/accounts/" + accountId + "/recharges",
                "{\"amount\":10,\"currency\":\"CNY\"}", Map.of(), 400);
    }

    /** The account id is the opening's idempotency key (issue 11, Why 7: a repeat used to be a 409). */
    @Test
    void openingOnesOwnAccountAgainAnswersTheFirstOpeningAndWritesNothing() throws Exception {
        String body = "{\"accountId\":\"" + accountId + "\",\"currency\":\"CNY\"}";
        long requestsBefore = count("account_request");
        long outboxBefore = count("outbox_event");

        Response again = api.post("/v1/accounts", body, Map.of());

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("requestId").asText()).isEqualTo(openingRequestId);
        assertThat(count("account_request")).isEqualTo(requestsBefore);
        assertThat(count("outbox_event")).isEqualTo(outboxBefore);
    }

    /** One answer whatever the reason: nothing about whose the account is or its currency (issue 11, Why 7). */
    @Test
    void anAccountIdTakenByAnotherUserOrInAnotherCurrencyIsOneAnswerThatRevealsNothing(ApiClient anonymous)
            throws Exception {
        ApiClient other = Identities.newUser(anonymous).api();
        String otherCurrency = "{\"accountId\":\"" + accountId + "\",\"currency\":\"USD\"}";
        assertRefusedWithoutWriting(other, "/v1/accounts", "{\"accountId\":\"" + accountId + "\",\"currency\":\"CNY\"}",
                Map.of(), 409);
        assertRefusedWithoutWriting(api, "/v1/accounts", otherCurrency, Map.of(), 409);

        Response byAnother = other.post("/v1/accounts", otherCurrency, Map.of());
        Response byOwner = api.post("/v1/accounts", otherCurrency, Map.of());
        assertThat(byAnother.body().path("code").asText()).isEqualTo("account-id-unavailable");
        assertThat(byAnother.body().path("detail")).isEqualTo(byOwner.body().path("detail"));
        assertThat(byAnother.body().path("title")).isEqualTo(byOwner.body().path("title"));
    }

    @Test
    void injectionInAccountIdIsRefused() throws Exception {
        assertRefusedWithoutWriting(api, "/v1/accounts",
                "{\"accountId\":\"x'); DROP TABLE account;--\",\"currency\":\"CNY\"}", Map.of(), 422);
    }

    private static void assertRefusedWithoutWriting(ApiClient api, String path, String body, Map<String, String> headers,
                                                    int expectedStatus) throws Exception {
        long requestsBefore = count("account_request");
        long outboxBefore = count("outbox_event");

        Response response = api.post(path, body, headers);

        assertThat(response.status()).as(body).isEqualTo(expectedStatus);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(expectedStatus);
        assertThat(response.body().path("detail").asText()).isNotBlank();
        assertThat(count("account_request")).isEqualTo(requestsBefore);
        assertThat(count("outbox_event")).isEqualTo(outboxBefore);
    }

    private static long count(String table) throws Exception {
        try (Connection db = DriverManager.getConnection(LocalStack.jdbcUrl(), "ledger", "ledger");
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
