package io.cloudphone.ledger.api.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the ledger's query API is, and how long to wait for it (prefix {@code cpl.ledger-query}). */
@ConfigurationProperties("cpl.ledger-query")
public record LedgerQueryProperties(String baseUrl, Duration connectTimeout, Duration readTimeout) {
}
