package io.cloudphone.ledger.payments;

import static io.cloudphone.ledger.system.Requests.balance;
import static io.cloudphone.ledger.system.Requests.openAccount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudphone.ledger.schemas.Topics;
import io.cloudphone.ledger.system.ApiClient;
import io.cloudphone.ledger.system.ApiClient.Response;
import io.cloudphone.ledger.system.AppProcess;
import io.cloudphone.ledger.system.CommittedRecords;
import io.cloudphone.ledger.system.Identities;
import io.cloudphone.ledger.system.Identities.Session;
import io.cloudphone.ledger.system.LocalStack;
import io.cloudphone.ledger.system.Requests;
import io.cloudphone.ledger.system.RunningSystem;
import io.cloudphone.ledger.system.RunningSystem.Apps;
import io.cloudphone.ledger.system.StackControl;
import io.cloudphone.ledger.system.TestTokens;
import io.cloudphone.ledger.system.TestTokens.Claims;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payments through a provider, end to end: command-api, the payments app, the gateway worker calling the
 * payment-provider simulator, the simulator's signed notifications back to command-api's webhook, and the ledger.
 * The simulator's book is the outside witness of what was charged and refunded.
 */
@ExtendWith(RunningSystem.class)
class ProviderPaymentsIT {

    private static final Duration DECIDED = Duration.ofSeconds(90);

    private Apps apps;
    private ApiClient simulator;
    private Session customer;
    private String accountId;

    @BeforeEach
    void openAnAccount(Apps apps, ApiClient anonymous) {
        this.apps = apps;
        this.simulator = apps.simulator().client();
        customer = Identities.newUser(anonymous);
        accountId = openAccount(customer.api(), "CNY");
    }

    @AfterEach
    void clearTheFaults() {
        assertThat(simulator.put("/control/faults", "{}").status()).isEqualTo(200);
    }

    @Test
    void aTopUpPaidAtTheProviderCreditsTheBalanceOnceEvenWhenEveryNotificationComesTwice() {
        assertThat(simulator.put("/control/faults", "{\"duplicateRate\":1.0}").status()).isEqualTo(200);
        String orderId = place("TOP_UP", 500);
        String paymentId = payAtProvider(orderId, "WECHAT_PAY");
        awaitState("/v1/payments/" + paymentId, "PENDING");

        assertThat(simulator.post("/control/charges/" + orderId + "/pay", "").status()).isEqualTo(200);

        awaitState("/v1/orders/" + orderId, "PAID");
        Awaitility.await().atMost(DECIDED).until(() -> available() == 500);
        awaitDuplicateDelivered(orderId);
        JsonNode book = book(orderId);
        assertThat(book.path("charged").asLong()).isEqualTo(500);
        assertThat(book.path("counters").path("chargesCreated").asInt()).isEqualTo(1);
        assertThat(available()).as("credited once, whatever was delivered twice").isEqualTo(500);
    }

    @Test
    void aPartialRefundOfATopUpHoldsTheMoneyAndBothBooksAgree() {
        String orderId = paidTopUp(800, "ALIPAY");
        String paymentId = customer.api().get("/v1/orders/" + orderId).body().path("payment").path("paymentId")
                .asText();

        Response refund = post("/v1/payments/" + paymentId + "/refunds", "{\"amount\":300,\"reason\":\"unused\"}");

        assertThat(refund.status()).as(refund.rawBody()).isEqualTo(202);
        awaitState(refund.body().path("statusUrl").asText(), "SUCCEEDED");
        awaitState("/v1/orders/" + orderId, "PARTIALLY_REFUNDED");
        Awaitility.await().atMost(DECIDED).until(() -> available() == 500);
        JsonNode book = book(orderId);
        assertThat(book.path("charged").asLong() - book.path("refunded").asLong()).isEqualTo(500);
        assertThat(book.path("counters").path("payouts").path(refund.body().path("refundId").asText()).asInt())
                .isEqualTo(1);
    }

    @Test
    void aRefundOfTopUpMoneyAlreadySpentIsRefusedByTheLedgerAndNeverReachesTheProvider() {
        String orderId = paidTopUp(400, "STRIPE");
        assertThat(post("/v1/accounts/" + accountId + "/consumptions", "{\"amount\":350,\"currency\":\"CNY\"}")
                .status()).isEqualTo(202);
        Awaitility.await().atMost(DECIDED).until(() -> available() == 50);
        String paymentId = customer.api().get("/v1/orders/" + orderId).body().path("payment").path("paymentId")
                .asText();

        Response refund = post("/v1/payments/" + paymentId + "/refunds", "{\"amount\":400,\"reason\":\"all of it\"}");

        JsonNode failed = awaitState(refund.body().path("statusUrl").asText(), "FAILED");
        assertThat(failed.path("history").toString()).contains("LEDGER_HOLD_REFUSED");
        awaitState("/v1/orders/" + orderId, "PAID");
        assertThat(book(orderId).path("refunds")).as("the provider was never asked").isEmpty();
        assertThat(available()).isEqualTo(50);
    }

    @Test
    void aRefundWhoseCallsFailIsRetriedUnderItsNumberAndPaidOutOnce() {
        String orderId = paidTopUp(600, "WECHAT_PAY");
        long failedBefore = failedCalls();
        assertThat(simulator.put("/control/faults", "{\"failureRate\":1.0}").status()).isEqualTo(200);

        Response refund = post("/v1/payments/" + paymentOf(orderId) + "/refunds", "{\"amount\":200,\"reason\":\"r\"}");

        String refundId = refund.body().path("refundId").asText();
        // Every call fails without effect: UNKNOWN each time, and the refund's timer asks again.
        Awaitility.await("two failed calls").atMost(DECIDED).until(() -> failedCalls() >= failedBefore + 2);
        assertThat(customer.api().get("/v1/refunds/" + refundId).body().path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(simulator.put("/control/faults", "{}").status()).isEqualTo(200);
        awaitState("/v1/refunds/" + refundId, "SUCCEEDED");
        Awaitility.await().atMost(DECIDED).until(() -> available() == 400);
        JsonNode book = book(orderId);
        assertThat(book.path("refunded").asLong()).isEqualTo(200);
        assertThat(book.path("counters").path("payouts").path(refundId).asInt()).isEqualTo(1);
    }

    @Test
    void aRefundTheProviderFailsEndsFailedWithAnAlertAndReleasesItsHold() {
        String orderId = paidTopUp(500, "ALIPAY");
        // The calls fail until the refund's failure is armed, so that it is armed before the refund exists.
        assertThat(simulator.put("/control/faults", "{\"failureRate\":1.0}").status()).isEqualTo(200);
        Response refund = post("/v1/payments/" + paymentOf(orderId) + "/refunds", "{\"amount\":200,\"reason\":\"r\"}");
        String refundId = refund.body().path("refundId").asText();
        assertThat(simulator.post("/control/refunds/" + refundId + "/fail", "{\"status\":\"ABNORMAL\"}").status())
                .isEqualTo(200);

        assertThat(simulator.put("/control/faults", "{}").status()).isEqualTo(200);

        JsonNode failed = awaitState("/v1/refunds/" + refundId, "FAILED");
        assertThat(failed.path("history").toString()).contains("PROVIDER_FAILED");
        awaitState("/v1/orders/" + orderId, "PAID");
        Awaitility.await("the hold released").atMost(DECIDED).until(() -> available() == 500);
        assertThat(CommittedRecords.await(Topics.PAYMENT_ALERTS, record -> orderId.equals(key(record)), 1))
                .as("an alert for a person").hasSize(1);
        assertThat(book(orderId).path("refunded").asLong()).isZero();
    }

    @Test
    void aSuccessThatLandsAfterTheCancelIsRefundedAutomatically() {
        String orderId = place("PURCHASE", 600);
        String paymentId = payAtProvider(orderId, "WECHAT_PAY");
        awaitState("/v1/payments/" + paymentId, "PENDING");
        assertThat(simulator.post("/control/charges/" + orderId + "/pay-on-close", "").status()).isEqualTo(200);

        assertThat(post("/v1/orders/" + orderId + "/cancel", "{\"reason\":\"too slow\"}").status()).isEqualTo(202);

        JsonNode order = awaitState("/v1/orders/" + orderId, "CANCELLED");
        assertThat(order.path("history").toString()).contains("CLOSE_FAILED_ALREADY_PAID", "REQUEST_REFUND");
        Awaitility.await().atMost(DECIDED).until(() -> book(orderId).path("refunded").asLong() == 600);
        assertThat(book(orderId).path("charged").asLong()).isEqualTo(600);
    }

    @Test
    void theStuckViewShowsAPaymentWaitingWithItsNextActionUntilItEnds() {
        ApiClient operator = apps.payments().client().withToken(
                TestTokens.signedByStack(Claims.service("dashboard", List.of("payments:read"))));
        String orderId = place("PURCHASE", 250);
        String paymentId = payAtProvider(orderId, "STRIPE");
        awaitState("/v1/payments/" + paymentId, "PENDING");

        JsonNode waiting = Awaitility.await("the payment in the stuck view").atMost(DECIDED)
                .until(() -> stuckItem(operator, paymentId), item -> item != null);

        assertThat(waiting.path("state").asText()).isIn("PENDING", "UNKNOWN");
        assertThat(waiting.path("nextAction").asText()).isEqualTo("STATUS_QUERY_DUE");
        assertThat(waiting.path("ageSeconds").asLong()).isNotNegative();
        assertThat(operator.withToken(TestTokens.signedByStack(Claims.service("dashboard", List.of("ledger:read"))))
                .get("/payments/v1/stuck").status()).as("without payments:read").isEqualTo(403);

        assertThat(simulator.post("/control/charges/" + orderId + "/pay", "").status()).isEqualTo(200);
        awaitState("/v1/orders/" + orderId, "PAID");
        // A paid order rests (refunds may come for a year): nothing of it is stuck any more.
        Awaitility.await("out of the stuck view").atMost(DECIDED).until(() -> stuckItem(operator, orderId) == null
                && stuckItem(operator, paymentId) == null);
    }

    /** The stuck view's item of one aggregate, or null; every item older than 0 s, at most 200. */
    private static JsonNode stuckItem(ApiClient operator, String aggregateId) {
        Response stuck = operator.get("/payments/v1/stuck?olderThan=PT0S&limit=200");
        assertThat(stuck.status()).as(stuck.rawBody()).isEqualTo(200);
        for (JsonNode item : stuck.body()) {
            if (aggregateId.equals(item.path("aggregateId").asText())) {
                return item;
            }
        }
        return null;
    }

    @Test
    void aNotificationWhoseSignatureDoesNotVerifyIs401AndChangesNothing() {
        String orderId = place("TOP_UP", 500);
        String forged = ("{\"notificationId\":\"forged-1\",\"provider\":\"STRIPE\",\"kind\":\"PAYMENT\","
                + "\"merchantOrderNo\":\"%s\",\"merchantRefundNo\":null,\"status\":\"SUCCEEDED\",\"amountMinor\":500,"
                + "\"currency\":\"CNY\",\"occurredAt\":\"2026-12-06T10:00:00Z\"}").formatted(orderId);

        Response refused = apps.api().post("/v1/webhooks/STRIPE", forged,
                Map.of("Stripe-Signature", "t=" + (System.currentTimeMillis() / 1000) + ",v1=" + "00".repeat(32)));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("code").asText()).isEqualTo("webhook-signature-invalid");
        assertThat(customer.api().get("/v1/orders/" + orderId).body().path("history").toString())
                .doesNotContain("PROVIDER_SUCCEEDED");
        assertThat(available()).isZero();
    }

    @Test
    void aGatewayKilledBetweenTheCallAndItsRecordMakesTheSameChargeAgainAfterItsRestart() throws Exception {
        AppProcess gateway = apps.gateway();
        gateway.stop();
        int port = freePort();
        AppProcess crashing = AppProcess.start("payment-gateway-crashing", StackControl.appJar("payment-gateway"),
                "256m", Map.of("CPL_GATEWAY_PORT", Integer.toString(port),
                        "CPL_PAYMENT_SIM_PORT", Integer.toString(java.net.URI.create(simulator.baseUrl()).getPort()),
                        "CPL_GATEWAY_HALT_AFTER_CALLS", "1"), port, LocalStack.buildDir().resolve("it-apps"));
        try {
            crashing.awaitHealthy(Duration.ofSeconds(120));
            String orderId = place("TOP_UP", 700);

            payAtProvider(orderId, "WECHAT_PAY");

            Awaitility.await("the gateway halts after its call").atMost(DECIDED).until(crashing::isGone);
            assertThat(book(orderId).path("counters").path("chargeCalls").asInt()).isEqualTo(1);
            gateway.restart().awaitHealthy(Duration.ofSeconds(120));

            // The restarted worker makes the unrecorded call again, under the same number: the same charge.
            Awaitility.await().atMost(DECIDED).until(() -> book(orderId).path("counters").path("chargeCalls")
                    .asInt() >= 2);
            // Nobody pays it: the (compressed) payment window closes it at the provider, and the order is cancelled.
            awaitState("/v1/orders/" + orderId, "CANCELLED");
            JsonNode book = book(orderId);
            assertThat(book.path("counters").path("chargesCreated").asInt()).isEqualTo(1);
            assertThat(book.path("status").asText()).isEqualTo("CLOSED");
            assertThat(book.path("charged").asLong()).isZero();
            assertThat(available()).isZero();
        } finally {
            crashing.stop();
            if (gateway.isGone()) {
                gateway.restart().awaitHealthy(Duration.ofSeconds(120));
            }
        }
    }

    private String paymentOf(String orderId) {
        return customer.api().get("/v1/orders/" + orderId).body().path("payment").path("paymentId").asText();
    }

    private long failedCalls() {
        return simulator.get("/control/faults").body().path("injected").path("failedCalls").asLong();
    }

    private static String key(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private String paidTopUp(long amount, String provider) {
        String orderId = place("TOP_UP", amount);
        String paymentId = payAtProvider(orderId, provider);
        awaitState("/v1/payments/" + paymentId, "PENDING");
        assertThat(simulator.post("/control/charges/" + orderId + "/pay", "").status()).isEqualTo(200);
        awaitState("/v1/orders/" + orderId, "PAID");
        Awaitility.await().atMost(DECIDED).until(() -> available() == amount);
        return orderId;
    }

    private String place(String kind, long amount) {
        Response placed = post("/v1/orders", ("{\"accountId\":\"%s\",\"kind\":\"%s\",\"amount\":%d,\"currency\":\"CNY\","
                + "\"description\":\"through a provider\"}").formatted(accountId, kind, amount));
        assertThat(placed.status()).as(placed.rawBody()).isEqualTo(202);
        return placed.body().path("orderId").asText();
    }

    private String payAtProvider(String orderId, String provider) {
        Response paid = post("/v1/orders/" + orderId + "/payments",
                "{\"method\":\"PROVIDER\",\"provider\":\"%s\"}".formatted(provider));
        assertThat(paid.status()).as(paid.rawBody()).isEqualTo(202);
        return paid.body().path("paymentId").asText();
    }

    private Response post(String path, String body) {
        return Requests.post(customer.api(), path, body);
    }

    private long available() {
        return balance(customer.api(), accountId).path("available").asLong();
    }

    private JsonNode book(String orderId) {
        Response entry = simulator.get("/control/book/" + orderId);
        assertThat(entry.status()).as(entry.rawBody()).isEqualTo(200);
        return entry.body();
    }

    /** Until the simulator has delivered the payment's notification, and its duplicate, to the webhook. */
    private void awaitDuplicateDelivered(String orderId) {
        Awaitility.await("a duplicate delivered").atMost(DECIDED).until(() -> {
            for (JsonNode record : simulator.get("/control/notifications?merchantOrderNo=" + orderId).body()) {
                if ("DELIVERED".equals(record.path("state").asText()) && record.path("duplicateSent").asBoolean()) {
                    return true;
                }
            }
            return false;
        });
    }

    private JsonNode awaitState(String path, String state) {
        return Requests.awaitState(customer.api(), path, state, DECIDED);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
