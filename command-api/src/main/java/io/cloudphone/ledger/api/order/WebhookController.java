package io.cloudphone.ledger.api.order;

import io.cloudphone.ledger.api.outbox.OutboxDestinations;
import io.cloudphone.ledger.api.outbox.OutboxEvent;
import io.cloudphone.ledger.api.outbox.OutboxWriter;
import io.cloudphone.ledger.api.system.ApiProblem;
import io.cloudphone.ledger.api.system.CommandApiProblem;
import io.cloudphone.ledger.api.system.TransactionRunner;
import io.cloudphone.ledger.platform.openapi.Access;
import io.cloudphone.ledger.provider.notification.NotificationCodec;
import io.cloudphone.ledger.provider.notification.ProviderNotification;
import io.cloudphone.ledger.provider.signature.NotificationVerifier;
import io.cloudphone.ledger.provider.signature.SignatureVerdict;
import io.cloudphone.ledger.schemas.payment.NotificationKind;
import io.cloudphone.ledger.schemas.payment.NotifiedStatus;
import io.cloudphone.ledger.schemas.payment.PaymentCommand;
import io.cloudphone.ledger.schemas.payment.ProviderName;
import io.cloudphone.ledger.schemas.payment.ProviderNotified;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Providers' notifications, as Adyen advises receivers: verify the signature, store the notification, answer 2xx,
 * and only then process (the payments app decides from the outbox event). A resend, or a notification of an order
 * this API does not know, is answered 2xx and changes nothing, so the provider stops resending; a signature that does
 * not verify is 401 and stores nothing.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    /** What a provider is told once the notification is safe here (Alipay looks for "success"). */
    record Received(String result) {
        static final Received SUCCESS = new Received("success");
    }

    private final NotificationVerifier verifier;
    private final OrderRepository orders;
    private final OutboxWriter outbox;
    private final OutboxDestinations destinations;
    private final TransactionRunner transactions;
    private final Clock clock = Clock.systemUTC();

    WebhookController(WebhookProperties properties, OrderRepository orders, OutboxWriter outbox,
                      OutboxDestinations destinations, TransactionRunner transactions) {
        this.verifier = new NotificationVerifier(properties.keys());
        this.orders = orders;
        this.outbox = outbox;
        this.destinations = destinations;
        this.transactions = transactions;
    }

    @Access("open: the provider's signature is verified instead (WeChat Pay, Alipay, Stripe schemes)")
    @PostMapping("/v1/webhooks/{provider}")
    ResponseEntity<Received> receive(@PathVariable String provider, @RequestHeader HttpHeaders headers,
                                     @RequestBody(required = false) byte[] body) {
        ProviderName name = providerNamed(provider);
        byte[] raw = body == null ? new byte[0] : body;
        SignatureVerdict verdict = verifier.verify(io.cloudphone.ledger.provider.ProviderName.valueOf(name.name()),
                headerMap(headers), raw);
        if (verdict instanceof SignatureVerdict.Refused refused) {
            log.warn("refused a {} notification: {}", name, refused.reason());
            throw new ApiProblem(CommandApiProblem.WEBHOOK_SIGNATURE_INVALID, "the " + name
                    + " signature does not verify: " + refused.reason());
        }
        ProviderNotification notification;
        try {
            notification = NotificationCodec.read(raw);
        } catch (IllegalArgumentException unreadable) {
            throw ApiProblem.badRequest("a signed body that is not a notification: " + unreadable.getMessage());
        }
        if (!notification.provider().name().equals(name.name())) {
            throw ApiProblem.badRequest("a " + notification.provider() + " notification sent to " + name + "'s webhook");
        }
        store(name, notification, raw);
        return ResponseEntity.ok(Received.SUCCESS);
    }

    private void store(ProviderName provider, ProviderNotification notification, byte[] raw) {
        String orderId = notification.merchantOrderNo();
        if (orders.order(orderId).isEmpty()) {
            log.warn("a {} notification of order {}, which this API does not know: answered, ignored", provider,
                    orderId);
            return;
        }
        NotifiedStatus status = status(notification);
        // Derived from the provider's id, so that a resend is the same event whoever stores it.
        UUID eventId = UUID.nameUUIDFromBytes((provider + ":" + notification.notificationId())
                .getBytes(StandardCharsets.UTF_8));
        byte[] payload = status == null ? null : destinations.payment().payload(PaymentCommand.newBuilder()
                .setEventId(eventId.toString()).setOrderId(orderId).setOccurredAt(clock.instant()).setActorId(null)
                .setCommand(ProviderNotified.newBuilder().setNotificationId(notification.notificationId())
                        .setProvider(provider).setKind(NotificationKind.valueOf(notification.kind().name()))
                        .setRefundId(notification.merchantRefundNo()).setStatus(status)
                        .setAmountMinor(notification.amountMinor()).setCurrency(notification.currency()).build())
                .build());
        transactions.inTransaction("webhook", tx -> {
            if (orders.insertNotification(provider.name(), notification.notificationId(), orderId, raw)
                    && payload != null) {
                outbox.append(new OutboxEvent(eventId, destinations.payment(), orderId, "ProviderNotified", payload));
            }
            return null;
        });
    }

    /** The final word the payments app acts on; a not-final status (not paid yet, processing) is stored only. */
    private static NotifiedStatus status(ProviderNotification notification) {
        return switch (notification.kind()) {
            case PAYMENT -> switch (notification.chargeState()) {
                case SUCCEEDED -> NotifiedStatus.SUCCEEDED;
                case FAILED -> NotifiedStatus.FAILED;
                case CLOSED -> NotifiedStatus.CLOSED;
                case NOT_PAID -> null;
            };
            case REFUND -> switch (notification.refundState()) {
                case SUCCEEDED -> NotifiedStatus.SUCCEEDED;
                case CLOSED, ABNORMAL -> NotifiedStatus.FAILED;
                case PROCESSING -> null;
            };
        };
    }

    private static Map<String, java.util.List<String>> headerMap(HttpHeaders headers) {
        Map<String, java.util.List<String>> copy = new java.util.LinkedHashMap<>();
        headers.forEach(copy::put);
        return copy;
    }

    private static ProviderName providerNamed(String provider) {
        for (ProviderName name : ProviderName.values()) {
            if (name.name().equals(provider)) {
                return name;
            }
        }
        throw ApiProblem.notFound("no webhook for provider '" + provider + "'; there are WECHAT_PAY, ALIPAY, STRIPE");
    }
}
