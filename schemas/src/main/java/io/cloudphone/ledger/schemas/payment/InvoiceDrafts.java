package io.cloudphone.ledger.schemas.payment;

import java.time.Duration;

/**
 * How long an invoice may stay a draft: command-api refuses to edit or publish it after that, and the payments app
 * voids it (DRAFT_ABANDONED). One value, so the two never disagree on whether a draft can still be published.
 */
public final class InvoiceDrafts {

    public static final Duration LIFETIME = Duration.ofDays(7);

    private InvoiceDrafts() {
    }
}
