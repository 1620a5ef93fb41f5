package io.cloudphone.ledger.flow;

import static io.cloudphone.ledger.system.Requests.balance;
import static io.cloudphone.ledger.system.Requests.decided;
import static io.cloudphone.ledger.system.Requests.money;
import static io.cloudphone.ledger.system.Requests.openAccount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.RunningSystem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Orders paid from the ledger balance, end to end on the real stack: command-api records each command with its
 * outbox event, Debezium delivers it, the payments app decides it and sends the ledger its consume (or the return
 * of a refund), and the ledger's decision comes back through its decisions topic. What the user sees: the order's
 * state, history and balance; and every refusal with its reason.
 */
@ExtendWith(RunningSystem.class)
class OrderFlowIT {

    private static final Duration DECIDED = Duration.ofSeconds(60);

    private Session customer;
    private String accountId;

    @BeforeEach
    void fundAnAccount(ApiClient anonymous) {
        customer = Identities.newUser(anonymous);
        accountId = openAccount(customer.api(), "CNY");
        assertThat(decided(customer.api(), money(customer.api(), accountId, "recharges", 1_000, "CNY"))
                .path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void aPurchasePaidFromTheBalanceIsPaidAndConsumesItOnce() {
        String orderId = place("PURCHASE", 300);

        String paymentId = pay(orderId, "{\"method\":\"BALANCE\"}");

        JsonNode order = awaitState("/v1/orders/" + orderId, "PAID");
        assertThat(events(order)).containsSubsequence("ORDER PLACE", "ORDER PAY", "PAYMENT CREATE",
                "PAYMENT PROVIDER_SUCCEEDED", "ORDER PAYMENT_SUCCEEDED");
        JsonNode payment = customer.api().get("/v1/payments/" + paymentId).body();
        assertThat(payment.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(payment.path("capturedMinor").asLong()).isEqualTo(300);
        assertThat(balance(customer.api(), accountId).path("available").asLong()).isEqualTo(700);
    }

    @Test
    void aPartialRefundOfABalancePaymentReturnsTheMoneyToTheAccount() {
        String orderId = place("PURCHASE", 300);
        String paymentId = pay(orderId, "{\"method\":\"BALANCE\"}");
        awaitState("/v1/orders/" + orderId, "PAID");

        Response refund = post("/v1/payments/" + paymentId + "/refunds", "{\"amount\":100,\"reason\":\"one day unused\"}");

        assertThat(refund.status()).as(refund.rawBody()).isEqualTo(202);
        awaitState(refund.body().path("statusUrl").asText(), "SUCCEEDED");
        awaitState("/v1/orders/" + orderId, "PARTIALLY_REFUNDED");
        Awaitility.await().atMost(DECIDED).until(() ->
                balance(customer.api(), accountId).path("available").asLong() == 800);
    }

    @Test
    void twoRefundsThatTogetherExceedThePaymentCannotBothSucceed() {
        String orderId = place("PURCHASE", 300);
        String paymentId = pay(orderId, "{\"method\":\"BALANCE\"}");
        awaitState("/v1/orders/" + orderId, "PAID");

        Response first = post("/v1/payments/" + paymentId + "/refunds", "{\"amount\":200,\"reason\":\"first\"}");
        Response second = post("/v1/payments/" + paymentId + "/refunds", "{\"amount\":200,\"reason\":\"second\"}");

        List<String> states = List.of(settled(first), settled(second));
        assertThat(states).containsExactlyInAnyOrder("SUCCEEDED", "REJECTED");
        JsonNode order = awaitState("/v1/orders/" + orderId, "PARTIALLY_REFUNDED");
        assertThat(order.path("rejections")).isNotEmpty();
        Awaitility.await().atMost(DECIDED).until(() ->
                balance(customer.api(), accountId).path("available").asLong() == 900);
    }

    @Test
    void aBalancePaymentTheLedgerRefusesCancelsTheOrderAndTakesNothing() {
        String orderId = place("PURCHASE", 5_000);

        pay(orderId, "{\"method\":\"BALANCE\"}");

        awaitState("/v1/orders/" + orderId, "CANCELLED");
        assertThat(balance(customer.api(), accountId).path("available").asLong()).isEqualTo(1_000);
    }

    @Test
    void anOrderNobodyPaysIsCancelledWhenItsWindowPasses() {
        // The payment window is 30 minutes, 30 s in the tests (RunningSystem's deadline compression).
        String orderId = place("PURCHASE", 300);

        JsonNode order = awaitState("/v1/orders/" + orderId, "CANCELLED");

        assertThat(events(order)).contains("ORDER EXPIRE");
    }

    @Test
    void aCancelledOrderCannotBePaid() {
        String orderId = place("PURCHASE", 300);
        assertThat(post("/v1/orders/" + orderId + "/cancel", "{\"reason\":\"changed my mind\"}").status())
                .isEqualTo(202);
        awaitState("/v1/orders/" + orderId, "CANCELLED");

        String paymentId = pay(orderId, "{\"method\":\"BALANCE\"}");

        JsonNode payment = awaitState("/v1/payments/" + paymentId, "REJECTED");
        assertThat(payment.path("rejection").path("code").asText()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(balance(customer.api(), accountId).path("available").asLong()).isEqualTo(1_000);
    }

    @Test
    void anIdempotencyKeyAnswersItsFirstOrderAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();
        String body = order("PURCHASE", 300);

        Response first = customer.api().post("/v1/orders", body, Map.of("Idempotency-Key", key));
        Response replay = customer.api().post("/v1/orders", body, Map.of("Idempotency-Key", key));
        Response other = customer.api().post("/v1/orders", order("PURCHASE", 301), Map.of("Idempotency-Key", key));

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.body().path("orderId").asText()).isEqualTo(first.body().path("orderId").asText());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().path("code").asText()).isEqualTo("idempotency-key-reused");
    }

    @Test
    void anotherUsersOrderIsNotFound(ApiClient anonymous) {
        String orderId = place("PURCHASE", 300);
        Session stranger = Identities.newUser(anonymous);

        assertThat(stranger.api().get("/v1/orders/" + orderId).status()).isEqualTo(404);
        assertThat(Requests.post(stranger.api(), "/v1/orders/" + orderId + "/payments", "{\"method\":\"BALANCE\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void aTopUpCannotBePaidFromTheBalance() {
        String orderId = place("TOP_UP", 300);

        Response pay = post("/v1/orders/" + orderId + "/payments", "{\"method\":\"BALANCE\"}");

        assertThat(pay.status()).isEqualTo(422);
        assertThat(pay.contentType()).startsWith("application/problem+json");
    }

    private String place(String kind, long amount) {
        Response placed = post("/v1/orders", order(kind, amount));
        assertThat(placed.status()).as(placed.rawBody()).isEqualTo(202);
        return placed.body().path("orderId").asText();
    }

    private String order(String kind, long amount) {
        return "{\"accountId\":\"%s\",\"kind\":\"%s\",\"amount\":%d,\"currency\":\"CNY\",\"description\":\"a plan\"}"
                .formatted(accountId, kind, amount);
    }

    private String pay(String orderId, String body) {
        Response paid = post("/v1/orders/" + orderId + "/payments", body);
        assertThat(paid.status()).as(paid.rawBody()).isEqualTo(202);
        return paid.body().path("paymentId").asText();
    }

    private Response post(String path, String body) {
        return Requests.post(customer.api(), path, body);
    }

    private JsonNode awaitState(String path, String state) {
        return Requests.awaitState(customer.api(), path, state, DECIDED);
    }

    /** The state a refund settles in: decided by the payments app, or refused by it. */
    private String settled(Response accepted) {
        assertThat(accepted.status()).as(accepted.rawBody()).isEqualTo(202);
        String path = accepted.body().path("statusUrl").asText();
        return Awaitility.await(path).atMost(DECIDED).pollInterval(Duration.ofMillis(100))
                .until(() -> customer.api().get(path).body().path("state").asText(),
                        state -> List.of("SUCCEEDED", "SETTLED", "FAILED", "REJECTED").contains(state));
    }

    private static List<String> events(JsonNode order) {
        return StreamSupport.stream(order.path("history").spliterator(), false)
                .map(t -> t.path("aggregate").asText() + " " + t.path("event").asText()).toList();
    }
}
