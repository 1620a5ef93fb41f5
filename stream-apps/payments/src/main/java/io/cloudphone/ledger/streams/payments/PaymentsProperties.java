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
 * @param deadlines           one-shot deadlines by the config key the machines' tables name (README's deadline
 *                            tables), e.g. {@code cpl.payments.order.payment-window}; a retrying deadline's timing is
 *                            its schedule's, changed only by the compression
 */
@ConfigurationProperties("cpl.payments")
public record PaymentsProperties(Duration timerCheckInterval, long deadlineCompression,
                                 Map<String, Duration> deadlines) {

    public PaymentsSettings settings() {
        return new PaymentsSettings(new Deadlines(deadlineCompression, deadlines == null ? Map.of() : deadlines),
                timerCheckInterval);
    }
}
