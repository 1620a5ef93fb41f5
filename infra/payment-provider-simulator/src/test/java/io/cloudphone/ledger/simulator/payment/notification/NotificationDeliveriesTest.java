package io.cloudphone.ledger.simulator.payment.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.notification.NotificationCodec;
import io.cloudphone.ledger.provider.notification.ProviderNotification;
import io.cloudphone.ledger.provider.signature.NotificationVerifier;
import io.cloudphone.ledger.simulator.payment.TimeCompression;
import io.cloudphone.ledger.simulator.payment.fault.FaultSettings;
import io.cloudphone.ledger.simulator.payment.fault.Faults;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationDeliveriesTest {

    private static final SimulatorKeys KEYS = SimulatorKeys.load(null, null, null);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private record Received(String path, Map<String, List<String>> headers, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private final Faults faults = new Faults();
    private HttpServer receiver;
    private NotificationDeliveries deliveries;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(failuresToAnswer.getAndDecrement() > 0 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
        deliveries = deliveries(100);
    }

    private NotificationDeliveries deliveries(int pendingMax) {
        return new NotificationDeliveries(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/"),
                KEYS.signatures(), new DeliverySchedules(new TimeCompression(1_000_000)), faults, Clock.systemUTC(),
                new NotificationDeliveries.Limits(pendingMax, 100, 2, Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        deliveries.close();
        receiver.stop(0);
    }

    private static ProviderNotification paid(ProviderName provider, String merchantOrderNo) {
        return ProviderNotification.payment("ntf-" + merchantOrderNo, provider, merchantOrderNo, ChargeState.SUCCEEDED,
                1000, "CNY", Instant.parse("2026-03-01T12:00:00Z"));
    }

    private DeliveryRecord.View record(String merchantOrderNo) {
        return deliveries.deliveries(merchantOrderNo, 10).getFirst();
    }

    @Test
    void postsTheBodySignedWithTheProvidersSchemeToItsWebhookPath() {
        NotificationVerifier verifier = new NotificationVerifier(KEYS.receiverKeys());

        for (ProviderName provider : ProviderName.values()) {
            deliveries.send(paid(provider, "order-" + provider.slug()), Duration.ZERO);
        }

        await().atMost(WAIT).until(() -> received.size() == 3);
        for (Received delivery : received) {
            ProviderNotification notification = NotificationCodec.read(delivery.body());
            assertThat(delivery.path()).isEqualTo("/v1/webhooks/" + notification.provider());
            assertThat(verifier.verify(notification.provider(), delivery.headers(), delivery.body()).isVerified())
                    .as(notification.provider().name()).isTrue();
            assertThat(delivery.headers().get("X-simulator")).containsExactly("cpl-payment-provider-simulator");
        }
    }

    @Test
    void resendsTheSameNotificationUntilTheReceiverAnswers2xx() {
        failuresToAnswer.set(2);

        deliveries.send(paid(ProviderName.WECHAT_PAY, "order-0001"), Duration.ZERO);

        await().atMost(WAIT).until(() -> record("order-0001").state() == DeliveryRecord.State.DELIVERED);
        assertThat(record("order-0001").attempts()).isEqualTo(3);
        assertThat(record("order-0001").attemptLog()).extracting(DeliveryRecord.Attempt::answerStatus)
                .containsExactly(500, 500, 200);
        assertThat(received).extracting(r -> NotificationCodec.read(r.body()).notificationId()).containsOnly("ntf-order-0001");
    }

    @Test
    void givesUpWhenTheProvidersScheduleRunsOut() {
        failuresToAnswer.set(Integer.MAX_VALUE);

        deliveries.send(paid(ProviderName.ALIPAY, "order-0001"), Duration.ZERO);

        await().atMost(WAIT).until(() -> record("order-0001").state() == DeliveryRecord.State.GAVE_UP);
        assertThat(record("order-0001").attempts()).isEqualTo(1 + DeliverySchedules.ALIPAY.size());
    }

    @Test
    void aDuplicatedNotificationArrivesTwiceWithTheSameId() {
        faults.set(new FaultSettings(null, null, null, null, 1.0, null, null, null));

        deliveries.send(paid(ProviderName.STRIPE, "order-0001"), Duration.ZERO);

        await().atMost(WAIT).until(() -> record("order-0001").duplicateSent());
        assertThat(received).hasSize(2).extracting(r -> NotificationCodec.read(r.body()).notificationId())
                .containsOnly("ntf-order-0001");
    }

    @Test
    void dropsANotificationBeyondThePendingCapWithoutBlocking() {
        deliveries.close();
        deliveries = deliveries(1);

        deliveries.send(paid(ProviderName.WECHAT_PAY, "order-0001"), Duration.ofMinutes(10));
        deliveries.send(paid(ProviderName.WECHAT_PAY, "order-0002"), Duration.ZERO);

        assertThat(record("order-0002").state()).isEqualTo(DeliveryRecord.State.DROPPED);
        assertThat(record("order-0001").state()).isEqualTo(DeliveryRecord.State.SCHEDULED);
    }

    @Test
    void aResetForgetsTheRecordsAndStopsPendingDeliveries() {
        deliveries.send(paid(ProviderName.WECHAT_PAY, "order-0001"), Duration.ofMillis(200));

        deliveries.reset();

        // Nothing arrives for twice the delivery's delay: an absence is held for a while, not looked at once.
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(received::isEmpty);
        assertThat(deliveries.deliveries(null, 10)).isEmpty();
    }
}
