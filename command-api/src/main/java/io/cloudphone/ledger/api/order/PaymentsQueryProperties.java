package io.cloudphone.ledger.api.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the payments app's query API is, and how long to wait for it (prefix {@code cpl.payments-query}). */
@ConfigurationProperties("cpl.payments-query")
public record PaymentsQueryProperties(String baseUrl, Duration connectTimeout, Duration readTimeout) {
}
