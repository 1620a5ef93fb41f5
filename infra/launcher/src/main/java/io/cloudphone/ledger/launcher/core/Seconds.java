package io.cloudphone.ledger.launcher.core;

import java.time.Duration;
import java.util.Locale;

/** Durations as the launcher prints them: seconds with one decimal. */
public final class Seconds {

    private Seconds() {
    }

    public static String since(long startedNanos) {
        return of(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    public static String of(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
