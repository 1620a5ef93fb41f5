package io.cloudphone.ledger.simulator.payment.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** The fault settings in force, their random draws, and how many of each fault were injected since the last reset. */
public final class Faults {

    /** How many faults were injected: GET /control/faults shows them beside the settings. */
    public record Injected(long failedCalls, long heldCalls, long duplicatedNotifications,
                           long delayedNotifications) {
    }

    private volatile FaultSettings settings = FaultSettings.NONE;
    private volatile Random random = new Random();
    private final AtomicLong failedCalls = new AtomicLong();
    private final AtomicLong heldCalls = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong delayed = new AtomicLong();

    public FaultSettings settings() {
        return settings;
    }

    /** Puts {@code next} in force, with a new random source from its seed. */
    public synchronized void set(FaultSettings next) {
        Objects.requireNonNull(next, "next");
        random = next.seed() == null ? new Random() : new Random(next.seed());
        settings = next;
    }

    public synchronized void reset() {
        set(FaultSettings.NONE);
        failedCalls.set(0);
        heldCalls.set(0);
        duplicated.set(0);
        delayed.set(0);
    }

    public Injected injected() {
        return new Injected(failedCalls.get(), heldCalls.get(), duplicated.get(), delayed.get());
    }

    /** One provider API call's fate: a failure is drawn first, then a time-out. */
    public CallFate nextCall() {
        FaultSettings now = settings;
        if (draw(now.failureRate())) {
            failedCalls.incrementAndGet();
            return CallFate.FAIL;
        }
        if (draw(now.timeoutRate())) {
            heldCalls.incrementAndGet();
            return CallFate.HOLD;
        }
        return CallFate.ANSWER;
    }

    /** Whether the notification about to be sent is to be delivered twice. */
    public boolean nextDuplicate() {
        boolean duplicate = draw(settings.duplicateRate());
        if (duplicate) {
            duplicated.incrementAndGet();
        }
        return duplicate;
    }

    /** How long the notification about to be sent waits before its first attempt, beyond its own delay. */
    public Duration nextReorderDelay() {
        FaultSettings now = settings;
        if (!now.reorder() || now.reorderWindowMillis() == 0) {
            return Duration.ZERO;
        }
        delayed.incrementAndGet();
        return Duration.ofMillis(random.nextLong(now.reorderWindowMillis() + 1));
    }

    private boolean draw(double rate) {
        // A rate of 0 or 1 draws nothing, so that it never consumes the seeded sequence of the other faults.
        if (rate <= 0.0) {
            return false;
        }
        if (rate >= 1.0) {
            return true;
        }
        return random.nextDouble() < rate;
    }
}
