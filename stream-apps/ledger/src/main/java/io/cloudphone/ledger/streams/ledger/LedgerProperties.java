package io.cloudphone.ledger.streams.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the ledger's own rules (prefix {@code cpl.ledger}); how its streams run is the runtime's
 * ({@code cpl.streams}). Defaults in ledger.yml.
 *
 * @param holdExpiryCheckInterval how often the sweeper looks for holds nobody captured or released
 * @param holdExpiryGrace         how long past its expiry an untouched hold stays open (see {@link HoldExpiry})
 */
@ConfigurationProperties("cpl.ledger")
public record LedgerProperties(Duration holdExpiryCheckInterval, Duration holdExpiryGrace) {

    public HoldExpiry holdExpiry() {
        return new HoldExpiry(holdExpiryCheckInterval, holdExpiryGrace);
    }
}
