package io.cloudphone.ledger.simulator.payment.book;

import io.cloudphone.ledger.provider.notification.ProviderNotification;
import java.time.Duration;

/** Where the book's notifications go (the deliveries); must never block, since it is called under a charge's lock. */
@FunctionalInterface
public interface NoticeSink {

    /** @param delay provider time to wait before the first attempt (a late notification), already compressed */
    void send(ProviderNotification notification, Duration delay);
}
