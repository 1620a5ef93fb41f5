package io.cloudphone.ledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds, from an HdrHistogram recorded in microseconds with 3 significant digits
 * (a reported value is within 0.1% of the true one).
 */
public record Stats(long count, double min, double p50, double p90, double p99, double max) {

    /** Longer than any wait the benchmark allows (its drain and decision timeouts are minutes). */
    static final Duration LATENCY_MAX = Duration.ofHours(1);
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final double MICROS_PER_MILLI = 1_000.0;

    /** A histogram for latencies; record each with {@link #record}. */
    public static Histogram newHistogram() {
        return new Histogram(LATENCY_MAX.toNanos() / 1_000, SIGNIFICANT_DIGITS);
    }

    /** Records one latency, refusing a negative one (a clock bug) and one past {@link #LATENCY_MAX}. */
    public static void record(Histogram latencies, long nanos) {
        if (nanos < 0 || nanos > LATENCY_MAX.toNanos()) {
            throw new IllegalArgumentException("latency " + nanos + " ns is outside 0.." + LATENCY_MAX);
        }
        latencies.recordValue(nanos / 1_000);
    }

    public static Stats of(Histogram latencies) {
        if (latencies.getTotalCount() == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Stats(latencies.getTotalCount(), millis(latencies.getMinValue()),
                millis(latencies.getValueAtPercentile(50)), millis(latencies.getValueAtPercentile(90)),
                millis(latencies.getValueAtPercentile(99)), millis(latencies.getMaxValue()));
    }

    /** The median (nearest rank) of a few repeated measurements, e.g. the rounds of one run. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static double millis(long micros) {
        return micros / MICROS_PER_MILLI;
    }

    @Override
    public String toString() {
        return "n=%d min=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f".formatted(count, min, p50, p90, p99, max);
    }
}
