package io.cloudphone.ledger.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Database;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.RunningSystem;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A user acts only on their own accounts; another user's account looks exactly like a missing one. */
@ExtendWith(RunningSystem.class)
class AccountAccessIT {

    private Session owner;
    private Session stranger;
    private String accountId;
    private String requestId;

    @BeforeEach
    void openAccount(ApiClient anonymous) {
        owner = Identities.newUser(anonymous);
        stranger = Identities.newUser(anonymous);
        accountId = "acl-" + UUID.randomUUID();
        assertThat(owner.api().post("/v1/accounts", "{\"accountId\":\"%s\",\"currency\":\"CNY\"}".formatted(accountId))
                .status()).isEqualTo(202);
        Response recharge = owner.api().post("/v1/accounts/" + accountId + "/recharges",
                "{\"amount\":100,\"currency\":\"CNY\"}", Map.of("Idempotency-Key", "r1"));
        assertThat(recharge.status()).isEqualTo(202);
        requestId = recharge.body().path("requestId").asText();
    }

    @Test
    void anotherUsersAccountIsNotFoundForReadsAndWritesAndNothingIsWritten() {
        long requests = Database.count("SELECT count(*) FROM account_request WHERE account_id = ?", accountId);
        Response missing = stranger.api().get("/v1/accounts/no-such-account-" + UUID.randomUUID() + "/balance");

        Response balance = stranger.api().get("/v1/accounts/" + accountId + "/balance");
        Response consume = stranger.api().post("/v1/accounts/" + accountId + "/consumptions",
                "{\"amount\":1,\"currency\":\"CNY\"}", Map.of("Idempotency-Key", "steal"));
        Response recharge = stranger.api().post("/v1/accounts/" + accountId + "/recharges",
                "{\"amount\":1,\"currency\":\"CNY\"}", Map.of("Idempotency-Key", "gift"));
        Response request = stranger.api().get("/v1/requests/" + requestId);

        assertThat(java.util.List.of(balance, consume, recharge, request)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body().path("title")).isEqualTo(missing.body().path("title"));
        });
        assertThat(Database.count("SELECT count(*) FROM account_request WHERE account_id = ?", accountId))
                .isEqualTo(requests);
    }

    /**
     * A transfer to an account the caller cannot see gets one answer whether the account is missing or holds another
     * currency: otherwise anyone could probe which account ids exist and in what currency (issue 11, Why 6).
     */
    @Test
    void aTransferToAnotherUsersAccountDoesNotSayWhetherItExistsOrItsCurrency() {
        String strangersDollars = "acl-usd-" + UUID.randomUUID();
        assertThat(stranger.api().post("/v1/accounts", "{\"accountId\":\"%s\",\"currency\":\"USD\"}"
                .formatted(strangersDollars)).status()).isEqualTo(202);
        String missing = "acl-missing-" + UUID.randomUUID();

        Response toOtherCurrency = transfer(accountId, strangersDollars);
        Response toMissing = transfer(accountId, missing);

        assertThat(List.of(toOtherCurrency.status(), toMissing.status())).containsOnly(422);
        assertThat(toOtherCurrency.body().path("detail").asText().replace(strangersDollars, "ID"))
                .isEqualTo(toMissing.body().path("detail").asText().replace(missing, "ID"))
                .doesNotContain("USD");
    }

    private Response transfer(String from, String to) {
        return owner.api().post("/v1/transfers", "{\"fromAccountId\":\"%s\",\"toAccountId\":\"%s\",\"amount\":1,\"currency\":\"CNY\"}"
                .formatted(from, to), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    @Test
    void theOwnerReachesTheirAccount() {
        assertThat(owner.api().get("/v1/accounts/" + accountId + "/balance").status()).isEqualTo(200);
        assertThat(owner.api().get("/v1/requests/" + requestId).status()).isEqualTo(200);
    }

    @Test
    void anOperatorReadsAnyAccountButMovesNoMoneyOnIt(ApiClient anonymous) {
        Session operator = Identities.newOperator(anonymous);

        assertThat(operator.api().get("/v1/accounts/" + accountId + "/balance").status()).isEqualTo(200);
        assertThat(operator.api().post("/v1/accounts/" + accountId + "/consumptions",
                "{\"amount\":1,\"currency\":\"CNY\"}", Map.of("Idempotency-Key", "op")).status()).isEqualTo(403);
    }

    @Test
    void withoutATokenNothingIsReachable(ApiClient anonymous) {
        assertThat(anonymous.get("/v1/accounts/" + accountId + "/balance").status()).isEqualTo(401);
        assertThat(anonymous.post("/v1/accounts", "{\"accountId\":\"x-%s\",\"currency\":\"CNY\"}"
                .formatted(UUID.randomUUID())).status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }
}
