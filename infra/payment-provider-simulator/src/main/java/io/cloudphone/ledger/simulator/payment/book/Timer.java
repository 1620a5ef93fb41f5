package io.cloudphone.ledger.simulator.payment.book;

import java.time.Duration;

/** Runs the book's delayed work (a refund's processing); a manual one in tests. */
@FunctionalInterface
public interface Timer {

    void schedule(Duration delay, Runnable task);
}
