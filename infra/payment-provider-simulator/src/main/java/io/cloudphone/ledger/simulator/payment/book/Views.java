package io.cloudphone.ledger.simulator.payment.book;

import io.cloudphone.ledger.provider.ChargeState;
import io.cloudphone.ledger.provider.ProviderName;
import io.cloudphone.ledger.provider.RefundState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the book answers: copies taken under the charge's lock, safe to serialize outside it. */
public final class Views {

    private Views() {
    }

    /** A charge as the provider API answers it. */
    public record Charge(ProviderName provider, String merchantOrderNo, String providerChargeId, long amountMinor,
                         String currency, String description, ChargeState status, Instant createdAt, Instant paidAt,
                         Instant closedAt) {
    }

    /** A refund as the provider API answers it. */
    public record Refund(ProviderName provider, String merchantRefundNo, String merchantOrderNo,
                         String providerRefundId, long amountMinor, String currency, String reason, RefundState status,
                         Instant createdAt, Instant finishedAt) {
    }

    /**
     * One merchant order number in the book, the outside witness of what the provider did.
     *
     * @param charged  minor units actually taken: the amount once paid, else 0
     * @param refunded the sum of SUCCEEDED refunds (a reversed refund is CLOSED and no longer counts)
     */
    public record Entry(String merchantOrderNo, ProviderName provider, String providerChargeId, long amountMinor,
                        String currency, ChargeState status, long charged, long refunded, Instant createdAt,
                        Instant paidAt, Instant closedAt, List<EntryRefund> refunds, Counters counters) {
    }

    public record EntryRefund(String merchantRefundNo, String providerRefundId, long amountMinor, RefundState status,
                              boolean reversed, Instant createdAt, Instant finishedAt) {
    }

    /**
     * @param chargeCalls        every charge call for this number the book acted on (first, retries, refused reuses)
     * @param chargesCreated     distinct charges created under this number: 1, or the simulator is broken
     * @param refundCalls        refund calls per refund number accepted for this charge (first and retries)
     * @param payouts            times each refund was paid out to the customer: at most 1 each
     * @param refusedRefundCalls refund calls for this charge refused before any refund was created
     */
    public record Counters(long chargeCalls, long chargesCreated, Map<String, Long> refundCalls,
                           Map<String, Long> payouts, long refusedRefundCalls) {
    }

    public record Page(List<Entry> charges, long total, boolean truncated) {
    }
}
