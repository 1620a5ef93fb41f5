package io.cloudphone.ledger.simulator.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudphone.ledger.provider.ChargeAnswer;
import io.cloudphone.ledger.provider.ChargeRequest;
import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.ChargeStatus;
import io.cloudphone.ledger.provider.CloseAnswer;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.RefundAnswer;
import io.cloudphone.ledger.provider.RefundRequest;
import io.cloudphone.ledger.provider.RefundState;
import io.cloudphone.ledger.provider.RefundStatus;
import io.cloudphone.ledger.provider.RefusalCodes;
import io.cloudphone.ledger.provider.notification.NotificationKind;
import io.cloudphone.ledger.provider.notification.ProviderNotification;
import io.cloudphone.ledger.provider.signature.NotificationVerifier;
import io.cloudphone.ledger.provider.signature.PemKeys;
import io.cloudphone.ledger.provider.signature.ProviderKeys;
import io.cloudphone.ledger.provider.simulator.SimulatorPaymentProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's real HTTP server, driven as the gateway will drive it: through {@link SimulatorPaymentProvider}
 * for the provider API, plain HTTP for the control API, and a real webhook receiver in this JVM for notifications.
 * Provider time runs 1000 times faster: a refund processes in 200 ms, WeChat's first resend comes after 15 ms.
 */
@SpringBootTest(classes = PaymentSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + PaymentSimulatorApplication.CONFIG_NAME,
                "cpl.payment-sim.time-compression=1000",
                "cpl.payment-sim.refund-processing-delay=200s",
                "cpl.payment-sim.late-notification-delay=100s"})
class PaymentSimulatorHttpTest {

    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void webhookBase(DynamicPropertyRegistry registry) {
        registry.add("cpl.payment-sim.webhook-base", RECEIVER::url);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private SimulatorPaymentProvider wechat;
    private SimulatorPaymentProvider alipay;
    private SimulatorPaymentProvider stripe;

    @BeforeEach
    void resetTheWorld() {
        assertThat(call("POST", "/control/reset", null).statusCode()).isEqualTo(204);
        RECEIVER.clear();
        wechat = provider(ProviderName.WECHAT_PAY, Duration.ofSeconds(3));
        alipay = provider(ProviderName.ALIPAY, Duration.ofSeconds(3));
        stripe = provider(ProviderName.STRIPE, Duration.ofSeconds(3));
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void everyAnswerSaysItIsASimulator() {
        HttpResponse<String> about = call("GET", "/", null);
        HttpResponse<String> missing = call("GET", "/no/such/path", null);
        HttpResponse<String> health = call("GET", "/actuator/health", null);

        assertThat(json(about).path("simulator").asBoolean()).isTrue();
        assertThat(json(about).path("warning").asString()).contains("NOT a payment provider");
        for (HttpResponse<String> answer : List.of(about, missing, health)) {
            assertThat(answer.headers().firstValue("X-Simulator")).contains("cpl-payment-provider-simulator");
        }
        assertThat(json(health).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void aChargeIsIdempotentPerMerchantOrderNumber() {
        ChargeRequest request = new ChargeRequest("order-idem-1", 1000, "CNY", "top-up");

        ChargeAnswer first = wechat.charge(request);
        ChargeAnswer retry = wechat.charge(request);
        ChargeAnswer otherAmount = wechat.charge(new ChargeRequest("order-idem-1", 999, "CNY", "top-up"));

        assertThat(first).isInstanceOf(ChargeAnswer.Accepted.class);
        assertThat(((ChargeAnswer.Accepted) first).charge().state()).isEqualTo(ChargeState.NOT_PAID);
        assertThat(retry).isEqualTo(first);
        assertThat(otherAmount).isInstanceOf(ChargeAnswer.Refused.class).extracting("code")
                .isEqualTo(RefusalCodes.ORDER_NO_REUSED);
        JsonNode book = book("order-idem-1");
        assertThat(book.path("counters").path("chargeCalls").asLong()).isEqualTo(3);
        assertThat(book.path("counters").path("chargesCreated").asLong()).isEqualTo(1);
        assertThat(book.path("amountMinor").asLong()).isEqualTo(1000);
    }

    @Test
    void aPaidChargeIsNotifiedSignedVerifiableAndUnderDuplicatesDeliveredTwice() {
        setFaults("{\"duplicateRate\":1.0}");
        alipay.charge(new ChargeRequest("order-paid-1", 2500, "CNY", "top-up"));

        assertThat(call("POST", "/control/charges/order-paid-1/pay", null).statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> RECEIVER.deliveriesFor("order-paid-1").size() == 2);
        NotificationVerifier verifier = new NotificationVerifier(receiverKeys());
        for (WebhookReceiver.Delivery delivery : RECEIVER.deliveriesFor("order-paid-1")) {
            assertThat(delivery.path()).isEqualTo("/v1/webhooks/ALIPAY");
            assertThat(verifier.verify(ProviderName.ALIPAY, delivery.headers(), delivery.body()).isVerified()).isTrue();
            ProviderNotification notification = delivery.notification();
            assertThat(notification.kind()).isEqualTo(NotificationKind.PAYMENT);
            assertThat(notification.chargeState()).isEqualTo(ChargeState.SUCCEEDED);
            assertThat(notification.amountMinor()).isEqualTo(2500);
        }
        assertThat(RECEIVER.deliveriesFor("order-paid-1")).extracting(d -> d.notification().notificationId())
                .containsOnly(RECEIVER.deliveriesFor("order-paid-1").getFirst().notification().notificationId());
        assertThat(alipay.queryCharge("order-paid-1")).isInstanceOf(ChargeStatus.Found.class)
                .extracting(status -> ((ChargeStatus.Found) status).state()).isEqualTo(ChargeState.SUCCEEDED);
        assertThat(book("order-paid-1").path("charged").asLong()).isEqualTo(2500);
        JsonNode delivery = json(call("GET", "/control/notifications?merchantOrderNo=order-paid-1", null)).get(0);
        assertThat(delivery.path("state").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("lastAnswerStatus").asInt()).isEqualTo(200);
        assertThat(delivery.path("duplicateSent").asBoolean()).isTrue();
    }

    @Test
    void aCloseRacingThePaymentAnswersAlreadyPaidAndThePaymentIsNotifiedLate() {
        wechat.charge(new ChargeRequest("order-race-1", 1000, "CNY", "top-up"));
        assertThat(call("POST", "/control/charges/order-race-1/pay-on-close", null).statusCode()).isEqualTo(200);

        CloseAnswer close = wechat.close("order-race-1");

        assertThat(close).isEqualTo(new CloseAnswer.AlreadyPaid("order-race-1", RefusalCodes.ALREADY_PAID));
        assertThat(wechat.queryCharge("order-race-1")).extracting(status -> ((ChargeStatus.Found) status).state())
                .isEqualTo(ChargeState.SUCCEEDED);
        assertThat(book("order-race-1").path("charged").asLong()).isEqualTo(1000);
        await().atMost(WAIT).until(() -> !RECEIVER.deliveriesFor("order-race-1").isEmpty());
        assertThat(RECEIVER.deliveriesFor("order-race-1").getFirst().notification().chargeState())
                .isEqualTo(ChargeState.SUCCEEDED);
    }

    @Test
    void aClosedChargeCannotBePaidAnyMore() {
        stripe.charge(new ChargeRequest("order-close-1", 1000, "USD", "top-up"));

        assertThat(stripe.close("order-close-1")).isInstanceOf(CloseAnswer.Closed.class);
        assertThat(stripe.close("order-close-1")).isInstanceOf(CloseAnswer.Closed.class);
        HttpResponse<String> pay = call("POST", "/control/charges/order-close-1/pay", null);
        assertThat(pay.statusCode()).isEqualTo(409);
        assertThat(json(pay).path("code").asString()).isEqualTo("CHARGE_NOT_OPEN");
        assertThat(book("order-close-1").path("charged").asLong()).isZero();
    }

    @Test
    void aRefundExceedingTheChargeIsRefused() {
        paidCharge(wechat, "order-refund-1", 1000);

        RefundAnswer answer = wechat.refund(new RefundRequest("refund-big-1", "order-refund-1", 1001, "CNY", null));

        assertThat(answer).isInstanceOf(RefundAnswer.Refused.class).extracting("code")
                .isEqualTo(RefusalCodes.EXCEEDS_REFUNDABLE);
        assertThat(wechat.queryRefund("refund-big-1")).isEqualTo(new RefundStatus.NoSuchRefund("refund-big-1"));
    }

    @Test
    void twoConcurrentRefundsThatTogetherExceedTheChargeAreOneAcceptedOneRefused() throws Exception {
        paidCharge(wechat, "order-refund-2", 1000);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RefundAnswer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (String number : List.of("refund-race-a", "refund-race-b")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return wechat.refund(new RefundRequest(number, "order-refund-2", 600, "CNY", null));
                }));
            }
            start.countDown();
        }

        List<RefundAnswer> both = List.of(answers.get(0).get(), answers.get(1).get());
        assertThat(both).filteredOn(RefundAnswer.Accepted.class::isInstance).hasSize(1);
        assertThat(both).filteredOn(RefundAnswer.Refused.class::isInstance).singleElement()
                .extracting("code").isEqualTo(RefusalCodes.EXCEEDS_REFUNDABLE);
        assertThat(book("order-refund-2").path("refunds")).hasSize(1);
    }

    @Test
    void aRefundProcessesToSucceededIsNotifiedAndItsRetryPaysOutOnce() {
        paidCharge(stripe, "order-refund-3", 1000);
        RefundRequest request = new RefundRequest("refund-ok-3", "order-refund-3", 400, "USD", "changed my mind");

        RefundAnswer accepted = stripe.refund(request);
        RefundAnswer retried = stripe.refund(request);

        assertThat(accepted).isInstanceOf(RefundAnswer.Accepted.class)
                .extracting(a -> ((RefundAnswer.Accepted) a).refund().state()).isEqualTo(RefundState.PROCESSING);
        assertThat(retried).isInstanceOf(RefundAnswer.Accepted.class);
        await().atMost(WAIT).until(() -> refundState(stripe, "refund-ok-3") == RefundState.SUCCEEDED);
        await().atMost(WAIT).until(() -> refundNotification("order-refund-3") != null);
        assertThat(refundNotification("order-refund-3").refundState()).isEqualTo(RefundState.SUCCEEDED);
        JsonNode book = book("order-refund-3");
        assertThat(book.path("refunded").asLong()).isEqualTo(400);
        assertThat(book.path("counters").path("payouts").path("refund-ok-3").asLong()).isEqualTo(1);
        assertThat(book.path("counters").path("refundCalls").path("refund-ok-3").asLong()).isEqualTo(2);
    }

    @Test
    void aRefundArmedToFailEndsAbnormalAndIsNotified() {
        paidCharge(wechat, "order-refund-4", 1000);
        assertThat(call("POST", "/control/refunds/refund-fail-4/fail", "{\"status\":\"ABNORMAL\"}").statusCode())
                .isEqualTo(200);

        wechat.refund(new RefundRequest("refund-fail-4", "order-refund-4", 300, "CNY", null));

        await().atMost(WAIT).until(() -> refundState(wechat, "refund-fail-4") == RefundState.ABNORMAL);
        await().atMost(WAIT).until(() -> refundNotification("order-refund-4") != null);
        assertThat(refundNotification("order-refund-4").refundState()).isEqualTo(RefundState.ABNORMAL);
        assertThat(book("order-refund-4").path("counters").path("payouts").path("refund-fail-4").asLong()).isZero();
    }

    @Test
    void aReversedRefundIsClosedAfterItsSuccessAndNotified() {
        paidCharge(stripe, "order-refund-5", 1000);
        stripe.refund(new RefundRequest("refund-rev-5", "order-refund-5", 1000, "USD", null));
        await().atMost(WAIT).until(() -> refundState(stripe, "refund-rev-5") == RefundState.SUCCEEDED);

        HttpResponse<String> reversed = call("POST", "/control/refunds/refund-rev-5/reverse", null);

        assertThat(reversed.statusCode()).isEqualTo(200);
        assertThat(refundState(stripe, "refund-rev-5")).isEqualTo(RefundState.CLOSED);
        await().atMost(WAIT).until(() -> RECEIVER.deliveriesFor("order-refund-5").stream()
                .anyMatch(d -> "CLOSED".equals(d.notification().status())));
        JsonNode book = book("order-refund-5");
        assertThat(book.path("refunded").asLong()).isZero();
        assertThat(book.path("refunds").get(0).path("reversed").asBoolean()).isTrue();
        assertThat(book.path("counters").path("payouts").path("refund-rev-5").asLong()).isEqualTo(1);
    }

    @Test
    void aFailedCallIsUnknownAndHasNoEffect() {
        setFaults("{\"failureRate\":1.0}");

        ChargeAnswer answer = wechat.charge(new ChargeRequest("order-fail-1", 1000, "CNY", "top-up"));

        assertThat(answer).isInstanceOf(ChargeAnswer.Unknown.class);
        assertThat(call("GET", "/control/book/order-fail-1", null).statusCode()).isEqualTo(404);
        assertThat(json(call("GET", "/control/faults", null)).path("injected").path("failedCalls").asLong())
                .isEqualTo(1);
        setFaults("{}");
        assertThat(wechat.queryCharge("order-fail-1")).isEqualTo(new ChargeStatus.NoSuchCharge("order-fail-1"));
    }

    @Test
    void aTimedOutCallIsUnknownButHadItsEffect() {
        setFaults("{\"timeoutRate\":1.0,\"timeoutHoldMillis\":1500}");
        SimulatorPaymentProvider impatient = provider(ProviderName.WECHAT_PAY, Duration.ofMillis(500));
        ChargeRequest request = new ChargeRequest("order-hold-1", 1000, "CNY", "top-up");

        ChargeAnswer answer = impatient.charge(request);

        assertThat(answer).isInstanceOf(ChargeAnswer.Unknown.class);
        setFaults("{}");
        JsonNode book = book("order-hold-1");
        assertThat(book.path("status").asString()).isEqualTo("NOT_PAID");
        assertThat(book.path("counters").path("chargesCreated").asLong()).isEqualTo(1);
        ChargeAnswer retry = wechat.charge(request);
        assertThat(retry).isInstanceOf(ChargeAnswer.Accepted.class);
        assertThat(((ChargeAnswer.Accepted) retry).charge().providerChargeId())
                .isEqualTo(book.path("providerChargeId").asString());
        assertThat(book("order-hold-1").path("counters").path("chargesCreated").asLong()).isEqualTo(1);
    }

    @Test
    void latencyDelaysEveryProviderCallButNotTheControlApi() {
        setFaults("{\"latencyMillis\":1000}");

        long started = System.nanoTime();
        ChargeStatus status = alipay.queryCharge("order-slow-1");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(status).isEqualTo(new ChargeStatus.NoSuchCharge("order-slow-1"));
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        started = System.nanoTime();
        call("GET", "/control/faults", null);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void numbersNobodySentAreNoSuchChargeAndNoSuchRefund() {
        assertThat(alipay.queryCharge("order-none-1")).isEqualTo(new ChargeStatus.NoSuchCharge("order-none-1"));
        assertThat(alipay.close("order-none-1")).isEqualTo(new CloseAnswer.NoSuchCharge("order-none-1"));
        assertThat(alipay.queryRefund("refund-none-1")).isEqualTo(new RefundStatus.NoSuchRefund("refund-none-1"));
        assertThat(alipay.refund(new RefundRequest("refund-none-1", "order-none-1", 1, "CNY", null)))
                .extracting("code").isEqualTo(RefusalCodes.NO_SUCH_CHARGE);
    }

    @Test
    void malformedRequestsAreRefusedWithAProviderCode() {
        HttpResponse<String> badNumber = call("POST", "/wechat-pay/charges",
                "{\"merchantOrderNo\":\"no\",\"amountMinor\":1,\"currency\":\"CNY\",\"description\":\"x\"}");
        HttpResponse<String> noSuchProvider = call("GET", "/paypal/charges/order-0001", null);

        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(json(badNumber).path("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(json(badNumber).path("message").asString()).startsWith("merchantOrderNo must be 6 to 32");
        assertThat(noSuchProvider.statusCode()).isEqualTo(404);
        assertThat(json(noSuchProvider).path("code").asString()).isEqualTo("NO_SUCH_PROVIDER");
    }

    // ---- helpers ----

    private SimulatorPaymentProvider provider(ProviderName name, Duration timeout) {
        return new SimulatorPaymentProvider(URI.create("http://127.0.0.1:" + port), name, timeout);
    }

    private void paidCharge(SimulatorPaymentProvider provider, String merchantOrderNo, long amount) {
        String currency = provider.name() == ProviderName.STRIPE ? "USD" : "CNY";
        assertThat(provider.charge(new ChargeRequest(merchantOrderNo, amount, currency, "top-up")))
                .isInstanceOf(ChargeAnswer.Accepted.class);
        assertThat(call("POST", "/control/charges/" + merchantOrderNo + "/pay", null).statusCode()).isEqualTo(200);
    }

    private static RefundState refundState(SimulatorPaymentProvider provider, String merchantRefundNo) {
        return provider.queryRefund(merchantRefundNo) instanceof RefundStatus.Found found ? found.state() : null;
    }

    private static ProviderNotification refundNotification(String merchantOrderNo) {
        return RECEIVER.deliveriesFor(merchantOrderNo).stream().map(WebhookReceiver.Delivery::notification)
                .filter(n -> n.kind() == NotificationKind.REFUND).findFirst().orElse(null);
    }

    private ProviderKeys receiverKeys() {
        JsonNode keys = json(call("GET", "/control/keys", null));
        return new ProviderKeys(List.of(PemKeys.publicKey(keys.path("wechatPay").path("publicKeyPem").asString())),
                PemKeys.publicKey(keys.path("alipay").path("publicKeyPem").asString()),
                keys.path("stripe").path("secret").asString());
    }

    private void setFaults(String settings) {
        assertThat(call("PUT", "/control/faults", settings).statusCode()).isEqualTo(200);
    }

    private JsonNode book(String merchantOrderNo) {
        HttpResponse<String> answer = call("GET", "/control/book/" + merchantOrderNo, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer);
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(HttpResponse<String> answer) {
        return JSON.readTree(answer.body());
    }
}
