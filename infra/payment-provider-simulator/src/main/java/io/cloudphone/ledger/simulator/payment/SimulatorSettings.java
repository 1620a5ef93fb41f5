package io.cloudphone.ledger.simulator.payment;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The simulator's settings (prefix {@code cpl.payment-sim}); defaults and their {@code CPL_PAYMENT_SIM_*}
 * variables in payment-provider-simulator.yml.
 *
 * @param webhookBase             where notifications go: {@code <webhookBase>/v1/webhooks/<PROVIDER>}
 * @param timeCompression         every provider-time delay is divided by it ({@link TimeCompression})
 * @param refundProcessingDelay   provider time a refund stays PROCESSING
 * @param lateNotificationDelay   provider time by which the notification of a payment found by a close (pay-on-close)
 *                                is late
 * @param closeMinimumAge         provider time after creation before WeChat Pay accepts a close (real: 5 min); 0: off
 * @param chargesMax              charges the book keeps; beyond, 507 SIMULATOR_FULL
 * @param refundsMax              refunds the book keeps
 * @param armedFaultsMax          refund failures armed for refund numbers not submitted yet
 * @param notificationsPendingMax notifications being delivered at once; beyond, a notification is dropped
 * @param notificationLogMax      delivery records kept for GET /control/notifications
 * @param deliveryThreads         delivery attempts in flight at once
 * @param deliveryTimeout         how long a receiver may take to answer one attempt (real time)
 * @param keys                    the signing keys; blank: generated at start
 */
@ConfigurationProperties("cpl.payment-sim")
public record SimulatorSettings(URI webhookBase, double timeCompression, Duration refundProcessingDelay,
                                Duration lateNotificationDelay, Duration closeMinimumAge, int chargesMax,
                                int refundsMax, int armedFaultsMax, int notificationsPendingMax,
                                int notificationLogMax, int deliveryThreads, Duration deliveryTimeout, Keys keys) {

    /**
     * @param wechatPrivateKey path of WeChat Pay's PKCS#8 PEM private key
     * @param alipayPrivateKey path of Alipay's PKCS#8 PEM private key
     * @param stripeSecret     Stripe's endpoint secret itself
     */
    public record Keys(String wechatPrivateKey, String alipayPrivateKey, String stripeSecret) {
    }

    public SimulatorSettings {
        Objects.requireNonNull(webhookBase, "cpl.payment-sim.webhook-base");
        Objects.requireNonNull(refundProcessingDelay, "cpl.payment-sim.refund-processing-delay");
        Objects.requireNonNull(lateNotificationDelay, "cpl.payment-sim.late-notification-delay");
        Objects.requireNonNull(closeMinimumAge, "cpl.payment-sim.close-minimum-age");
        Objects.requireNonNull(deliveryTimeout, "cpl.payment-sim.delivery-timeout");
        keys = keys == null ? new Keys(null, null, null) : keys;
    }

    public TimeCompression compression() {
        return new TimeCompression(timeCompression);
    }
}
