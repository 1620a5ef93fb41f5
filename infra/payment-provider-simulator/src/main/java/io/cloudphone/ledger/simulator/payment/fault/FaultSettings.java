package io.cloudphone.ledger.simulator.payment.fault;

/**
 * The faults of the provider API and of notifications, as {@code PUT /control/faults} takes them; a field left
 * out takes its default (no fault). Rates are probabilities per call or per notification, 0 to 1.
 *
 * @param latencyMillis       added before every provider API call is handled
 * @param failureRate         the call is answered 503 SYSTEM_ERROR and has NO effect
 * @param timeoutRate         the call HAS its effect, then its answer is held {@code timeoutHoldMillis}, longer than
 *                            the client waits: the classic "may or may not have happened"
 * @param timeoutHoldMillis   how long a timed-out answer is held
 * @param duplicateRate       a delivered notification is delivered once more (same notification id)
 * @param reorder             each notification waits a random 0 to {@code reorderWindowMillis} before its first
 *                            attempt, so notifications close in time arrive shuffled
 * @param reorderWindowMillis the longest such wait
 * @param seed                seeds the random draws (reproducible for calls made one at a time); null: random
 */
public record FaultSettings(Long latencyMillis, Double failureRate, Double timeoutRate, Long timeoutHoldMillis,
                            Double duplicateRate, Boolean reorder, Long reorderWindowMillis, Long seed) {

    public static final long LATENCY_MILLIS_MAX = 60_000;
    public static final long HOLD_MILLIS_MAX = 120_000;
    public static final long TIMEOUT_HOLD_MILLIS_DEFAULT = 5_000;
    public static final long REORDER_WINDOW_MILLIS_DEFAULT = 1_000;

    public static final FaultSettings NONE = new FaultSettings(null, null, null, null, null, null, null, null);

    public FaultSettings {
        latencyMillis = millis(latencyMillis, 0, LATENCY_MILLIS_MAX, "latencyMillis");
        failureRate = rate(failureRate, "failureRate");
        timeoutRate = rate(timeoutRate, "timeoutRate");
        timeoutHoldMillis = millis(timeoutHoldMillis, TIMEOUT_HOLD_MILLIS_DEFAULT, HOLD_MILLIS_MAX, "timeoutHoldMillis");
        duplicateRate = rate(duplicateRate, "duplicateRate");
        reorder = reorder != null && reorder;
        reorderWindowMillis = millis(reorderWindowMillis, REORDER_WINDOW_MILLIS_DEFAULT, HOLD_MILLIS_MAX,
                "reorderWindowMillis");
    }

    private static Double rate(Double rate, String name) {
        if (rate == null) {
            return 0.0;
        }
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be 0 to 1, was " + rate);
        }
        return rate;
    }

    private static Long millis(Long millis, long defaultMillis, long max, String name) {
        if (millis == null) {
            return defaultMillis;
        }
        if (millis < 0 || millis > max) {
            throw new IllegalArgumentException(name + " must be 0 to " + max + ", was " + millis);
        }
        return millis;
    }
}
