package io.cloudphone.ledger.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a sample (milliseconds, say). */
public record Stats(int count, double min, double p50, double p90, double p99, double max) {

    public static Stats of(Collection<Double> sample) {
        if (sample.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        List<Double> sorted = new ArrayList<>(sample);
        Collections.sort(sorted);
        return new Stats(sorted.size(), sorted.getFirst(), percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted.getLast());
    }

    static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The median of a few repeated measurements. */
    public static double median(List<Double> values) {
        return of(values).p50();
    }

    @Override
    public String toString() {
        return "n=%d min=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f".formatted(count, min, p50, p90, p99, max);
    }
}
