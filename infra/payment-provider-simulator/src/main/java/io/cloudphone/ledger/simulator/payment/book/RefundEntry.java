package io.cloudphone.ledger.simulator.payment.book;

import io.cloudphone.ledger.provider.RefundState;
import java.time.Instant;

/** One refund; its changing fields are guarded by its charge's lock. */
final class RefundEntry {

    final ChargeEntry charge;
    final long generation;
    final String merchantRefundNo;
    final String providerRefundId;
    final long amountMinor;
    final String reason;
    final Instant createdAt;
    RefundState state = RefundState.PROCESSING;
    Instant finishedAt;
    boolean reversed;
    long calls = 1;
    long payouts;

    RefundEntry(ChargeEntry charge, long generation, String merchantRefundNo, String providerRefundId,
                long amountMinor, String reason, Instant createdAt) {
        this.charge = charge;
        this.generation = generation;
        this.merchantRefundNo = merchantRefundNo;
        this.providerRefundId = providerRefundId;
        this.amountMinor = amountMinor;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    Views.Refund view() {
        return new Views.Refund(charge.provider, merchantRefundNo, charge.merchantOrderNo, providerRefundId, amountMinor,
                charge.currency, reason, state, createdAt, finishedAt);
    }
}
