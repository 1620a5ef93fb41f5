package io.cloudphone.ledger.streams.ledger;

import java.time.Duration;
import java.util.Objects;

/**
 * When the ledger's sweeper releases holds nobody captured or released. A capture or release is decided by
 * its own time (when command-api accepted it), so the sweeper only matters for holds nobody touches; it waits
 * {@code grace} past a hold's expiry so that a capture accepted just before the expiry, still on its way
 * through the outbox, is decided by its own time and not beaten by the sweeper.
 *
 * @param checkInterval how often (wall clock) the sweeper looks for due holds
 * @param grace         how long past its expiry an untouched hold stays open
 */
public record HoldExpiry(Duration checkInterval, Duration grace) {

    public static final HoldExpiry PRODUCTION = new HoldExpiry(Duration.ofSeconds(1), Duration.ofSeconds(30));

    public HoldExpiry {
        Objects.requireNonNull(checkInterval, "checkInterval");
        Objects.requireNonNull(grace, "grace");
        if (checkInterval.isNegative() || checkInterval.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("hold expiry needs a positive check interval and a grace of zero or more, "
                    + "was " + checkInterval + " and " + grace);
        }
    }
}
