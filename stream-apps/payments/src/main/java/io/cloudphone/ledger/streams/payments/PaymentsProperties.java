package io.cloudphone.ledger.streams.payments;

import io.cloudphone.ledger.streams.payments.cases.Deadlines;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the payments app's own rules (prefix {@code cpl.payments}); how its streams run is the runtime's
 * ({@code cpl.streams}). Defaults in payments.yml.
 *
 * @param timerCheckInterval  how often the due deadlines fire
 * @param deadlineCompression every deadline divided by this (1 in production; the local stack's walkthrough and the
 *                            tests compress hours into seconds)
 * @param paymentWindow       how long an order waits to be paid, and its payment to complete (30 minutes)
 */
@ConfigurationProperties("cpl.payments")
public record PaymentsProperties(Duration timerCheckInterval, long deadlineCompression, Duration paymentWindow) {

    static final String PAYMENT_WINDOW_KEY = "cpl.payments.order.payment-window";

    public PaymentsSettings settings() {
        return new PaymentsSettings(new Deadlines(deadlineCompression, Map.of(PAYMENT_WINDOW_KEY, paymentWindow)),
                timerCheckInterval);
    }
}
