package io.cloudphone.ledger.simulator.payment.notification;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.simulator.payment.TimeCompression;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When each provider sends a notification again after an attempt that did not get a 2xx: the waits after the first
 * attempt, in provider time (divided by the {@link TimeCompression}); after the last one it gives up.
 */
public final class DeliverySchedules {

    /** WeChat Pay v3: 15 resends over about 24 h (its documentation). */
    public static final List<Duration> WECHAT_PAY = List.of(ofSeconds(15), ofSeconds(15), ofSeconds(30), ofMinutes(3),
            ofMinutes(10), ofMinutes(20), ofMinutes(30), ofMinutes(30), ofMinutes(30), ofMinutes(60), ofHours(3),
            ofHours(3), ofHours(3), ofHours(6), ofHours(6));
    /** Alipay: up to 8 deliveries over about 25 h (its documentation: 4m, 10m, 10m, 1h, 2h, 6h, 15h). */
    public static final List<Duration> ALIPAY = List.of(ofMinutes(4), ofMinutes(10), ofMinutes(10), ofHours(1),
            ofHours(2), ofHours(6), ofHours(15));
    /**
     * Stripe: "retried with exponential backoff for up to 3 days"; it publishes no exact intervals, so these are an
     * approximation of that shape (about 75 h in all).
     */
    public static final List<Duration> STRIPE = List.of(ofMinutes(1), ofMinutes(5), ofMinutes(30), ofHours(1),
            ofHours(2), ofHours(4), ofHours(8), ofHours(12), ofHours(12), ofHours(12), ofHours(12), ofHours(12));

    private final TimeCompression compression;

    public DeliverySchedules(TimeCompression compression) {
        this.compression = Objects.requireNonNull(compression, "compression");
    }

    public static List<Duration> of(ProviderName provider) {
        return switch (provider) {
            case WECHAT_PAY -> WECHAT_PAY;
            case ALIPAY -> ALIPAY;
            case STRIPE -> STRIPE;
        };
    }

    /** The (compressed) wait before resend number {@code retry + 1}; empty once the schedule is used up. */
    public Optional<Duration> retryDelay(ProviderName provider, int retry) {
        List<Duration> schedule = of(provider);
        return retry < schedule.size() ? Optional.of(compression.compress(schedule.get(retry))) : Optional.empty();
    }

    /** The (compressed) wait before a duplicate delivery: the provider's first resend interval, as if the ack was lost. */
    public Duration duplicateDelay(ProviderName provider) {
        return compression.compress(of(provider).getFirst());
    }
}
