package io.cloudphone.ledger.simulator.payment;

import java.time.Duration;

/**
 * How much faster than real providers the simulator's clock of provider time runs: every simulated delay (the
 * notification resend schedules, a refund's processing, a late notification, WeChat's close window) is divided by
 * the factor. 1 behaves in real time (WeChat's first resend after 15 s); tests use 1000 (15 ms).
 */
public record TimeCompression(double factor) {

    public static final double FACTOR_MAX = 1_000_000;

    public TimeCompression {
        if (!(factor >= 1.0 && factor <= FACTOR_MAX)) {
            throw new IllegalArgumentException("the time compression factor must be 1 to " + (long) FACTOR_MAX
                    + ", was " + factor);
        }
    }

    /** {@code providerTime} divided by the factor; a positive time stays at least 1 ms. */
    public Duration compress(Duration providerTime) {
        if (providerTime.isZero() || providerTime.isNegative()) {
            return Duration.ZERO;
        }
        long millis = (long) Math.ceil(providerTime.toMillis() / factor);
        return Duration.ofMillis(Math.max(1, millis));
    }
}
